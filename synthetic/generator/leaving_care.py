"""Leaving care: a young person who leaves care at 16 or over, after at least 13 weeks looked
after since the age of 14 (CPPCR reg 40), becomes a relevant child (16 or 17) or a former relevant
child (18 or over), with a personal adviser, a needs assessment, a pathway plan reviewed at most
6-monthly, and keeping-in-touch checks, one around each 17th to 21st birthday after leaving care
(the OC3 cohort) and others between.

OC3 rules followed: no birthday check while still looked after on the birthday (1007, 1016);
nothing about accommodation or activity after a return home (344); never "0" when in touch (345);
no foyer under 18 (347) and no former foster carers around the 17th birthday (3001). Rates from
TIMESCALES.md section B: about 90% in suitable accommodation; about 60% in education,
employment or training.
"""

from __future__ import annotations

import datetime

from care_leavers.choices import CareLeaverEnd, Eligibility, ReviewRequestedBy
from care_leavers.models import CareLeaver, KeepingInTouch, NeedsAssessment, PathwayPlan, PathwayPlanReview
from codelists.ssda903 import InTouch
from timescales.calendar import add_months, birthday

# Reasons care ended that make no care leaver: adoption, special guardianship, child arrangements.
NOT_CARE_LEAVERS = {"E11", "E12", "E41", "E45", "E46", "E47", "E48"}
THIRTEEN_WEEKS = datetime.timedelta(weeks=13)
IN_TOUCH = [(InTouch.YES, 89), (InTouch.NO, 4), (InTouch.REFU, 3), (InTouch.NREQ, 3), (InTouch.RHOM, 1)]
# Accommodation types (ACCOM letter) and their weights; some are never suitable.
ACCOMMODATION = [
    ("U", 26),
    ("D", 24),
    ("B", 12),
    ("E", 8),
    ("K", 5),
    ("Z", 10),
    ("C", 4),
    ("T", 3),
    ("X", 2),
    ("S", 2),
    ("W", 2),
    ("V", 2),
]
NEVER_SUITABLE = {"S", "W", "V", "X"}
EET = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"]
NEET = ["G4", "G5", "G6"]


def _at(ctx, day, hour=None, minute=None):
    """A time on `day` from the side stream (Context.side), so permanence and leaving care leave
    the journeys' own random stream as it was."""
    hour = ctx.side.randint(9, 16) if hour is None else hour
    return ctx.at(day, hour, ctx.side.choice((0, 15, 30, 45)) if minute is None else minute)


def after_care(journey, period, end: datetime.date, reason_ceased: str, worker) -> None:
    ctx, batch, child = journey.ctx, journey.batch, journey.child
    dob = child.date_of_birth
    since_14 = max(period.start_date, birthday(dob, 14))
    if (
        reason_ceased in NOT_CARE_LEAVERS
        or end < birthday(dob, 16)
        or end - since_14 < THIRTEEN_WEEKS
        or getattr(journey, "care_leaver", None) is not None
        or end >= ctx.today
    ):
        return
    rng = ctx.side
    eighteen = birthday(dob, 18)
    eligible_from = max(since_14 + THIRTEEN_WEEKS, birthday(dob, 16))
    supported_until = birthday(dob, 21 if rng.random() < 0.7 else 25)
    ended_on = supported_until if supported_until <= ctx.today else None
    until = ended_on or ctx.today
    advisers = ctx.staff["personal_adviser"]
    adviser = advisers.any() if ended_on else advisers.take_open()
    category = Eligibility.FORMER_RELEVANT if end >= eighteen else Eligibility.RELEVANT
    leaver = batch.add(
        "care_leaver",
        CareLeaver(
            person=child,
            category=category,
            category_since=end,
            eligible_from=eligible_from,
            personal_adviser=adviser,
            adviser_since=max(eligible_from, ctx.days(end, -rng.randint(0, 60))),
            recorded_by=worker,
        ),
    )
    journey.care_leaver = leaver
    batch.event(
        child, "care_leaver.started", _at(ctx, end, 16, 30), worker, leaver, category=Eligibility(category).label
    )
    batch.event(
        child,
        "care_leaver.adviser",
        _at(ctx, leaver.adviser_since, 11),
        worker,
        leaver,
        adviser=f"{adviser.first_name} {adviser.last_name}",
    )
    if category == Eligibility.RELEVANT and eighteen <= until:
        leaver.category, leaver.category_since = Eligibility.FORMER_RELEVANT, eighteen
        batch.event(
            child,
            "care_leaver.category",
            _at(ctx, eighteen, 9),
            adviser,
            leaver,
            category=Eligibility.FORMER_RELEVANT.label,
        )
    _pathway(ctx, batch, child, leaver, eligible_from, end, until, adviser)
    _keeping_in_touch(ctx, batch, child, leaver, end, until, adviser)
    if ended_on is None:
        batch.open_children.append(child)  # a current care leaver has a pathway plan review due
    else:
        leaver.ended_on, leaver.end_reason = ended_on, CareLeaverEnd.SUPPORT_ENDED
        batch.event(
            child,
            "care_leaver.ended",
            _at(ctx, ended_on, 12),
            adviser,
            leaver,
            reason=CareLeaverEnd.SUPPORT_ENDED.label,
        )


def _pathway(ctx, batch, child, leaver, eligible_from, left_on, until, adviser):
    """Needs assessment, then the pathway plan (due 3 months after becoming eligible: most on
    time), reviewed at most 6-monthly with a few late."""
    rng = ctx.side
    assessed = ctx.working(
        ctx.days(eligible_from, rng.randint(15, 70) if rng.random() < 0.88 else rng.randint(80, 150))
    )
    if assessed > until:
        return
    assessment = batch.add(
        "needs_assessment",
        NeedsAssessment(
            care_leaver=leaver,
            completed_on=assessed,
            notes="Needs for housing, education and health identified.",
            recorded_by=adviser,
        ),
    )
    batch.event(child, "care_leaver.needs_assessment", _at(ctx, assessed), adviser, assessment)
    started = ctx.working(ctx.days(assessed, rng.randint(0, 14)))
    if started > until:
        return
    plan = batch.add(
        "pathway_plan",
        PathwayPlan(
            care_leaver=leaver,
            started_on=started,
            notes="Plan for accommodation, education and support agreed.",
            recorded_by=adviser,
        ),
    )
    batch.event(child, "care_leaver.pathway_plan", _at(ctx, started), adviser, plan)
    day = started
    while True:
        limit = add_months(day, 6)
        day = ctx.working(
            ctx.days(limit, -rng.randint(5, 50)) if rng.random() < 0.9 else ctx.days(limit, rng.randint(5, 45))
        )
        if day > until or day >= ctx.today:
            return
        requested = (
            ReviewRequestedBy.LOOKED_AFTER_REVIEW
            if day < left_on
            else (ReviewRequestedBy.SCHEDULED if rng.random() < 0.85 else ReviewRequestedBy.YOUNG_PERSON)
        )
        review = batch.add(
            "pathway_review",
            PathwayPlanReview(
                plan=plan, reviewed_on=day, requested_by=requested, notes="Plan updated.", recorded_by=adviser
            ),
        )
        batch.event(
            child,
            "care_leaver.pathway_plan_review",
            _at(ctx, day),
            adviser,
            review,
            requested_by=ReviewRequestedBy(requested).label,
        )


def _keeping_in_touch(ctx, batch, child, leaver, left_on, until, adviser):
    """A check around each 17th to 21st birthday after leaving care, and one every 2 to 4 months between."""
    rng = ctx.side
    dob = child.date_of_birth
    days = set()
    for age in range(17, 22):
        day = birthday(dob, age)
        if left_on < day <= until and day < ctx.today:
            days.add(
                min(
                    max(ctx.days(day, rng.randint(-20, 30)), ctx.days(left_on, 1)),
                    ctx.today - datetime.timedelta(days=1),
                )
            )
    day = ctx.days(left_on, rng.randint(20, 60))
    while day <= until and day < ctx.today:
        days.add(day)
        day = ctx.days(day, rng.randint(60, 120))
    for day in sorted(days):
        age = (day - dob).days // 365.25
        in_touch = rng.choices([c for c, _ in IN_TOUCH], [w for _, w in IN_TOUCH])[0]
        if in_touch == InTouch.RHOM:
            accommodation = activity = ""
        elif in_touch != InTouch.YES:
            accommodation = activity = "0"
        else:
            accommodation, activity = _accommodation(rng, age), _activity(rng, age)
        check = batch.add(
            "keeping_in_touch",
            KeepingInTouch(
                care_leaver=leaver,
                contact_on=day,
                in_touch=in_touch,
                accommodation=accommodation,
                activity=activity,
                recorded_by=adviser,
            ),
        )
        batch.event(
            child,
            "care_leaver.contact",
            _at(ctx, day),
            adviser,
            check,
            in_touch=InTouch(in_touch).label,
            accommodation=accommodation,
            activity=activity,
        )


def _accommodation(rng, age) -> str:
    options = [(letter, w) for letter, w in ACCOMMODATION if age >= 18 or letter not in ("T", "Z")]
    letter = rng.choices([c for c, _ in options], [w for _, w in options])[0]
    suitable = letter not in NEVER_SUITABLE and rng.random() < 0.97
    return f"{letter}{1 if suitable else 2}"


def _activity(rng, age) -> str:
    eet = rng.random() < (0.66 if age < 19 else 0.56)
    return rng.choice(EET if eet else NEET)
