"""Writes for conferences booked ahead: booking (date, time, venue, chair, invitees), holding
(attendance, quoracy, then the existing conference path so that the CP plan, its reviews and the
returns are recorded exactly as before), cancelling, and issuing the minutes.

Each is one transaction with its chronology event and the child's due items: the booking is in
the chair's tray from its day until it is held (rule `conference_chair`), then the minutes until
issued (rule `conference_minutes`, a local standard).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, may, require
from casework.chronology import chronology_record
from child_protection import services
from child_protection.choices import Attendance, BookingStatus, ConferenceKind, InviteeAgency, Section47Outcome
from child_protection.models import (
    ChildProtectionPlan,
    Conference,
    ConferenceBooking,
    ConferenceInvitee,
    Section47Enquiry,
)
from child_protection.quoracy import quoracy
from core.clock import today
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from timescales.engine import refresh_due_items
from timescales.models import DueItem

BOOK_AHEAD = datetime.timedelta(days=366)
ONE_OPEN = "This conference is already booked: cancel that booking first to rebook it"


def family_network(child):
    """The people in the child's family network (current relationships either way), by name."""
    from people.models import Person, Relationship

    current = Relationship.objects.filter(end_date__isnull=True)
    ids = set(current.filter(to_person=child).values_list("from_person_id", flat=True))
    ids |= set(current.filter(from_person=child).values_list("to_person_id", flat=True))
    return Person.objects.filter(pk__in=ids).order_by("family_name", "given_name", "pk")


def possible_chairs():
    """Staff whose role chairs child protection conferences (the CP chairs are IROs here)."""
    from workforce.models import User
    from workforce.roles import Role

    return User.objects.filter(is_active=True, role=Role.IRO).order_by("last_name", "first_name", "pk")


def _statutory_due(child, *, enquiry, plan) -> datetime.date | None:
    """The date the conference is due by: the ICPC's target, or the plan's next review as the
    timescale engine worked it out."""
    if enquiry is not None:
        return enquiry.icpc_target_date
    return (
        DueItem.objects.open()
        .filter(person=child, rule_code="rcpc", key=f"plan-{plan.pk}")
        .values_list("due_date", flat=True)
        .first()
    )


def _check_target(child, enquiry, plan) -> None:
    if enquiry is not None:
        if enquiry.outcome == Section47Outcome.NO_CONFERENCE:
            raise ValidationError("This enquiry concluded that a conference was not required")
        if Conference.objects.filter(section47=enquiry, kind=ConferenceKind.INITIAL).exists():
            raise ValidationError("The initial conference for this enquiry is already recorded")
        if not enquiry.episode.is_open:
            raise ValidationError("The child in need episode of this enquiry is closed")
    elif not plan.is_open:
        raise ValidationError(f"This child protection plan ended on {long_date(plan.end_date)}")


@transaction.atomic
def conference_book(
    *,
    actor,
    child,
    enquiry: Section47Enquiry | None = None,
    plan: ChildProtectionPlan | None = None,
    booked_for: datetime.date,
    starts_at: datetime.time,
    venue: str = "",
    online: bool = False,
    chair,
    invited_on: datetime.date,
    family=(),
    agencies=(),
) -> ConferenceBooking:
    """Book the initial conference of `enquiry`, or the next review of `plan`. `family`: people
    from the child's family network; `agencies`: (agency, contact name, report requested)."""
    require(actor, Capability.CHAIR_CONFERENCE, child)
    child = lock_child(child)
    if (enquiry is None) == (plan is None):
        raise ValueError("Book for an enquiry or for a plan")
    if enquiry is not None:
        enquiry = Section47Enquiry.objects.select_related("episode").get(pk=enquiry.pk, child=child)
    else:
        plan = ChildProtectionPlan.objects.select_related("episode").get(pk=plan.pk, child=child)
    _check_target(child, enquiry, plan)
    checks = DateChecks()
    if checks.required("booked_for", booked_for, "the date of the conference"):
        checks.not_before(
            "booked_for", booked_for, today(), "The date of the conference must be today or in the future"
        )
        if booked_for > today() + BOOK_AHEAD:  # a year's typo, not a plan
            checks.add("booked_for", "The date of the conference must be within a year from today")
    if starts_at is None:
        checks.add("starts_at", "Enter the time of the conference")
    venue = (venue or "").strip()
    if not venue and not online:
        checks.add("venue", "Enter the venue, or say that the conference is online")
    if chair is None or not chair.is_active or not may(chair, Capability.CHAIR_CONFERENCE, child):
        checks.add("chair", "Select a chair who may chair this child's conference")
    if checks.required("invited_on", invited_on, "the date the invitations were sent"):
        checks.not_future("invited_on", invited_on, "The date the invitations were sent")
    network = {p.pk: p for p in family_network(child)}
    family = list(dict.fromkeys(family or []))
    if any(getattr(p, "pk", p) not in network for p in family):
        checks.add("family", "Select family members from the child's family network")
    agencies = [(a, (name or "").strip(), bool(report)) for a, name, report in agencies or []]
    for i, (agency, name, _report) in enumerate(agencies, start=1):
        if agency not in InviteeAgency.values:
            checks.add(f"agency_{i}", "Select the agency")
        if not name:
            checks.add(f"agency_{i}_name", "Enter the name of the person invited from the agency")
    checks.raise_if_any()
    already = ConferenceBooking.objects.filter(status=BookingStatus.BOOKED)
    if (already.filter(section47=enquiry) if enquiry is not None else already.filter(plan=plan)).exists():
        raise ValidationError({"booked_for": ONE_OPEN})
    with constraint_messages(
        {"booking_one_open_per_s47": ("booked_for", ONE_OPEN), "booking_one_open_per_plan": ("booked_for", ONE_OPEN)}
    ):
        booking = ConferenceBooking.objects.create(
            child=child,
            episode=(enquiry or plan).episode,
            section47=enquiry,
            plan=plan,
            kind=ConferenceKind.INITIAL if enquiry is not None else ConferenceKind.REVIEW,
            booked_for=booked_for,
            starts_at=starts_at,
            venue=venue,
            online=bool(online),
            chair=chair,
            due_by=_statutory_due(child, enquiry=enquiry, plan=plan),
            booked_by=actor,
        )
    ConferenceInvitee.objects.bulk_create(
        [
            ConferenceInvitee(
                booking=booking,
                person=network[getattr(p, "pk", p)],
                name=network[getattr(p, "pk", p)].full_name,
                invited_on=invited_on,
            )
            for p in family
        ]
        + [
            ConferenceInvitee(booking=booking, agency=agency, name=name, invited_on=invited_on, report_requested=report)
            for agency, name, report in agencies
        ]
    )
    chronology_record(
        child=child,
        event_type="conference.booked",
        occurred_at=services._moment(today()),
        actor=actor,
        source=booking,
        data={
            "kind": booking.get_kind_display(),
            "on": long_date(booked_for),
            "at": f"{starts_at:%H:%M}",
            "where": booking.where,
            "chair": chair.get_full_name() or chair.username,
            "late": f"after the date it was due by, {long_date(booking.due_by)}" if booking.booked_late else "",
        },
    )
    refresh_due_items(child)
    return booking


def _booked(booking: ConferenceBooking) -> ConferenceBooking:
    lock_child(booking.child)
    booking = ConferenceBooking.objects.select_related("child", "section47", "plan").get(pk=booking.pk)
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError(f"This conference was {booking.get_status_display().lower()} already")
    return booking


@transaction.atomic
def conference_hold(
    *,
    actor,
    booking: ConferenceBooking,
    held_on: datetime.date,
    attendance: dict,
    outcome: str,
    category: str = "",
    notes: str = "",
    proceed_reason: str = "",
    end_reason: str = "",
    progress: dict | None = None,
) -> Conference:
    """Record the booked conference held: each invitee's attendance ({invitee id: (attendance,
    report received)}), its quoracy, then the conference through the existing services."""
    require(actor, Capability.CHAIR_CONFERENCE, booking.child)
    booking = _booked(booking)
    invitees = list(booking.invitees.all())
    checks = DateChecks()
    answers = {}
    for invitee in invitees:
        said, report = attendance.get(invitee.pk, ("", False))
        if said not in Attendance.values:
            checks.add(f"attendance_{invitee.pk}", f"Select whether {invitee.name} attended")
        answers[invitee.pk] = (said, bool(report))
    found = quoracy([(i.agency, *answers[i.pk]) for i in invitees])
    proceed_reason = (proceed_reason or "").strip()
    if not found.quorate and not proceed_reason and not checks.errors:
        checks.add("proceed_reason", f"{found.reason}. Give the reason the conference went ahead")
    checks.raise_if_any()
    if booking.kind == ConferenceKind.INITIAL:
        conference = services.initial_conference_record(
            actor=actor, enquiry=booking.section47, held_on=held_on, outcome=outcome, category=category, notes=notes
        )
    else:
        conference = services.review_conference_record(
            actor=actor,
            plan=booking.plan,
            held_on=held_on,
            outcome=outcome,
            category=category,
            notes=notes,
            end_reason=end_reason,
            progress=progress,
        )
    for invitee in invitees:
        invitee.attendance, invitee.report_received = (
            answers[invitee.pk][0],
            answers[invitee.pk][1] or invitee.report_received,
        )
    ConferenceInvitee.objects.bulk_update(invitees, ["attendance", "report_received"])
    booking.status, booking.conference = BookingStatus.HELD, conference
    booking.quorate, booking.quoracy_reason = found.quorate, found.reason
    booking.proceed_reason = "" if found.quorate else proceed_reason
    booking.save(update_fields=["status", "conference", "quorate", "quoracy_reason", "proceed_reason"])
    chronology_record(
        child=booking.child,
        event_type="conference.attendance",
        occurred_at=services._moment(held_on),
        actor=actor,
        source=booking,
        data={
            "quoracy": found.reason,
            "attended": ", ".join(i.name for i in invitees if i.attendance == Attendance.ATTENDED),
            "proceed": booking.proceed_reason,
        },
    )
    refresh_due_items(booking.child)
    return conference


@transaction.atomic
def conference_cancel(*, actor, booking: ConferenceBooking, reason: str) -> ConferenceBooking:
    """Cancel a booking not yet held; the conference can then be booked again."""
    require(actor, Capability.CHAIR_CONFERENCE, booking.child)
    booking = _booked(booking)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the conference is cancelled"})
    booking.status, booking.cancelled_reason = BookingStatus.CANCELLED, reason
    booking.save(update_fields=["status", "cancelled_reason"])
    chronology_record(
        child=booking.child,
        event_type="conference.cancelled",
        occurred_at=services._moment(today()),
        actor=actor,
        source=booking,
        data={"kind": booking.get_kind_display(), "on": long_date(booking.booked_for), "reason": reason},
    )
    refresh_due_items(booking.child)
    return booking


@transaction.atomic
def minutes_issue(*, actor, booking: ConferenceBooking, minutes: str, issued_on: datetime.date) -> ConferenceBooking:
    """The chair (or the minute-taker) issues the conference's minutes."""
    require(actor, Capability.CHAIR_CONFERENCE, booking.child)
    lock_child(booking.child)
    booking = ConferenceBooking.objects.select_related("child", "conference").get(pk=booking.pk)
    if booking.status != BookingStatus.HELD:
        raise ValidationError("The minutes can be issued once the conference is recorded as held")
    if booking.minutes_issued_on is not None:
        raise ValidationError(f"The minutes were issued on {long_date(booking.minutes_issued_on)}")
    minutes = (minutes or "").strip()
    checks = DateChecks()
    if not minutes:
        checks.add("minutes", "Enter the minutes")
    held_on = booking.conference.held_on
    if checks.required("issued_on", issued_on, "the date the minutes were issued"):
        checks.not_future("issued_on", issued_on, "The date the minutes were issued")
        checks.not_before(
            "issued_on",
            issued_on,
            held_on,
            f"The minutes cannot be issued before the conference on {long_date(held_on)}",
        )
    checks.raise_if_any()
    booking.minutes, booking.minutes_issued_on, booking.minutes_issued_by = minutes, issued_on, actor
    booking.save(update_fields=["minutes", "minutes_issued_on", "minutes_issued_by"])
    chronology_record(
        child=booking.child,
        event_type="conference.minutes_issued",
        occurred_at=services._moment(issued_on),
        actor=actor,
        source=booking,
        data={"kind": booking.get_kind_display(), "held_on": long_date(held_on)},
    )
    refresh_due_items(booking.child)
    return booking
