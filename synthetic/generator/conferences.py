"""Conferences booked ahead for the generated child protection plans (child_protection.bookings):
each review conference held was booked by the worker with an IRO as chair, agencies invited and
their attendance recorded, quorate or not, with the minutes issued (some late, a few not yet);
a share of open plans has its next review booked ahead. The chair's due items are worked out by
the timescale engine afterwards, as for everything else. Kept cheap: a few rows per plan."""

from __future__ import annotations

import datetime
import random

from child_protection.choices import Attendance, BookingStatus, ConferenceKind
from child_protection.models import ConferenceBooking, ConferenceInvitee
from child_protection.quoracy import quoracy
from timescales.calendar import add_months

AGENCIES = [("police", "DC"), ("health_visitor", "Health visitor"), ("school", "Designated lead"), ("gp", "Dr")]
SURNAMES = ["Reid", "Khan", "Hall", "Evans", "Patel", "Green", "Byrne", "Morris", "Shah", "Lewis", "Price", "Ward"]
BOOKED_AHEAD = 0.6  # of open plans, the next review already booked
MINUTES_LATE = 0.15  # of held conferences, minutes issued after the local 20 working days
VENUES = ["Civic Centre, room 2", "Family Hub, Eastgate", "Town Hall, committee room 1"]


def _invitees(rng, batch, booking, invited_on, held: bool) -> list:
    people = []
    for agency, title in rng.sample(AGENCIES, rng.randint(2, 4)):
        invitee = ConferenceInvitee(
            booking=booking,
            agency=agency,
            name=f"{title} {rng.choice(SURNAMES)}",
            invited_on=invited_on,
            report_requested=rng.random() < 0.8,
        )
        if held:
            invitee.attendance = rng.choices(
                [Attendance.ATTENDED, Attendance.REPORT_ONLY, Attendance.APOLOGIES, Attendance.DID_NOT_ATTEND],
                weights=[70, 15, 8, 7],
            )[0]
            invitee.report_received = invitee.report_requested and invitee.attendance != Attendance.DID_NOT_ATTEND
        people.append(batch.add("cp_invitee", invitee))
    return people


def _chair(pool, rng):
    """An IRO from the pool, chosen with this plan's own random source (so that adding bookings
    leaves every other generated record as it was); the pool hires only if it has nobody yet."""
    return pool.workers[rng.randrange(len(pool.workers))] if pool.workers else pool.any()


def plan_conferences(ctx, batch, child, episode, plan, reviews, worker, ended: bool) -> None:
    """`reviews`: the plan's review conferences (held), in date order. Its own random source,
    seeded from the child and the plan, leaves the journey's draws untouched."""
    rng = random.Random(f"{ctx.seed}:conferences:{child.la_id}:{plan.start_date}")
    for review in reviews:
        if review.held_on < ctx.today - datetime.timedelta(days=400):  # older history needs no bookings
            continue
        chair = _chair(ctx.staff["iro"], rng)
        booked_on = ctx.days(review.held_on, -rng.randint(10, 25))
        booking = batch.add(
            "cp_booking",
            ConferenceBooking(
                child=child,
                episode=episode,
                kind=ConferenceKind.REVIEW,
                plan=plan,
                booked_for=review.held_on,
                starts_at=datetime.time(rng.choice([10, 13, 14]), 0),
                venue=rng.choice(VENUES),
                online=rng.random() < 0.4,
                chair=chair,
                status=BookingStatus.HELD,
                conference=review,
                booked_by=worker,
            ),
        )
        invitees = _invitees(rng, batch, booking, booked_on, held=True)
        found = quoracy([(i.agency, i.attendance, i.report_received) for i in invitees])
        booking.quorate, booking.quoracy_reason = found.quorate, found.reason
        if not found.quorate:
            booking.proceed_reason = "The agencies who could not attend shared their information beforehand."
        late = rng.random() < MINUTES_LATE
        issued = ctx.wd(review.held_on, rng.randint(25, 40) if late else rng.randint(5, 18))
        if issued <= ctx.today:
            booking.minutes, booking.minutes_issued_on, booking.minutes_issued_by = (
                "Minutes of the review: progress against the plan, the decision and the actions agreed.",
                issued,
                chair,
            )
            batch.event(
                child,
                "conference.minutes_issued",
                ctx.at(issued, 16, rng.choice((0, 30))),
                chair,
                booking,
                kind="Review child protection conference",
                held_on=f"{review.held_on:%-d %B %Y}",
            )
    if ended or rng.random() >= BOOKED_AHEAD:
        return
    last = reviews[-1].held_on if reviews else plan.start_date
    due = add_months(last, 6 if reviews else 3)
    booked_for = due if due > ctx.today else ctx.days(ctx.today, rng.randint(3, 20))
    booked_for = ctx.working(booked_for)
    booked_on = min(ctx.today, ctx.days(booked_for, -rng.randint(10, 30)))
    booking = batch.add(
        "cp_booking",
        ConferenceBooking(
            child=child,
            episode=episode,
            kind=ConferenceKind.REVIEW,
            plan=plan,
            booked_for=booked_for,
            starts_at=datetime.time(rng.choice([10, 13, 14]), 0),
            venue=rng.choice(VENUES),
            online=rng.random() < 0.4,
            chair=_chair(ctx.staff["iro"], rng),
            due_by=due,
            booked_by=worker,
        ),
    )
    _invitees(rng, batch, booking, booked_on, held=False)
    batch.event(
        child,
        "conference.booked",
        ctx.at(booked_on, 11, rng.choice((0, 30))),
        worker,
        booking,
        kind="Review child protection conference",
        on=f"{booked_for:%-d %B %Y}",
        at=f"{booking.starts_at:%H:%M}",
        where=booking.venue,
        chair=booking.chair.get_full_name(),
        late="after the date it was due" if booked_for > due else "",
    )
