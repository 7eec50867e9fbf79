"""Which rule is in force now, where the law changes the interval part-way through.

Statutory visits (CPPCR reg 28), review health assessments and private fostering visits change
their interval with the age of the placement, the first review or the child's age. Each phase
is its own Rule (with its own citation); these pure functions say which one applies, so that
the looked-after and private fostering providers do not each re-read the regulations.

Interpretation used throughout, the stricter reading: the interval in force is the one for the
phase in which the last visit or assessment actually took place. A visit made on day 360 of a
long-term placement is followed by another within 6 weeks, not 3 months.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models

from timescales.calendar import WorkingDayCalendar, age_on, birthday
from timescales.engine import due_from, next_recurring
from timescales.rules import effective_rule


class PlacementArrangement(models.TextChoices):
    STANDARD = "standard", "Any other placement (reg 28(2))"
    PLACED_WITH_PARENTS = "pwp", "Placed with parent before the assessment is complete (reg 19, reg 28(3))"
    CONNECTED_PERSON = "connected", "Temporarily approved connected person (reg 24, reg 28(4))"
    INTERIM_CARE_ORDER_AT_HOME = "ico_home", "Interim care order, living with parent (reg 28(4))"
    CARE_ORDER_AT_HOME = "co_home", "Care order made while living with parent (reg 28(5))"
    SHORT_BREAKS = "short_breaks", "Short breaks (reg 48(3)(c), instead of reg 28(2))"


@dataclass(frozen=True)
class NextDue:
    rule_code: str
    trigger_date: datetime.date
    due_date: datetime.date


def _from(rule_code: str, trigger: datetime.date, calendar: WorkingDayCalendar, first: bool) -> NextDue:
    """Due from a trigger: the rule's own amount for the first occurrence, its recurrence after.
    None of the visit rules has a different first interval, so any occurrence index past the
    first (2) gives the regular one."""
    rule = effective_rule(rule_code)
    due = due_from(rule, trigger, calendar) if first else next_recurring(rule, trigger, 2, calendar)
    return NextDue(rule_code, trigger, due)


def reg28_next_visit(
    *,
    arrangement: PlacementArrangement | str,
    start: datetime.date,
    last_visit: datetime.date | None,
    first_review: datetime.date | None,
    intended_until_18: bool,
    calendar: WorkingDayCalendar,
) -> NextDue:
    """The next statutory visit to a looked-after child (CPPCR reg 28).

    `start` is the start of the placement (or, for CARE_ORDER_AT_HOME, the date of the care
    order); `last_visit` the last visit since then, if any; `first_review` the date the first
    looked-after review was held, if it has been.
    """
    arrangement = PlacementArrangement(arrangement)
    if last_visit is not None and last_visit < start:
        raise ValueError("last_visit must be a visit since the start of this placement.")

    if arrangement in (
        PlacementArrangement.PLACED_WITH_PARENTS,
        PlacementArrangement.CONNECTED_PERSON,
        PlacementArrangement.INTERIM_CARE_ORDER_AT_HOME,
    ):
        weekly, after_review = (
            ("reg28_pwp", "reg28_pwp_6w")
            if arrangement == PlacementArrangement.PLACED_WITH_PARENTS
            else ("reg28_connected_ico", "reg28_connected_ico_4w")
        )
        # "At least weekly until the first review, then ...": once the review is held, the
        # longer interval runs from the last visit actually made.
        if first_review is not None and last_visit is not None:
            return _from(after_review, last_visit, calendar, first=True)
        if last_visit is None:
            return _from(weekly, start, calendar, first=True)
        return _from(weekly, last_visit, calendar, first=False)

    if arrangement == PlacementArrangement.SHORT_BREAKS:
        # Within 3 months of the first short break, then at most 6-monthly: no change after a year.
        return _from(
            "reg28_short_breaks", start if last_visit is None else last_visit, calendar, first=last_visit is None
        )

    code = "reg28_care_order_home" if arrangement == PlacementArrangement.CARE_ORDER_AT_HOME else "reg28_visit"
    if last_visit is None:
        return _from(code, start, calendar, first=True)  # within 1 week
    first_year_ends = birthday(start, 1)  # the first anniversary, clamped like any year
    if code == "reg28_visit" and intended_until_18 and last_visit >= first_year_ends:
        return _from("reg28_visit_longterm_3m", last_visit, calendar, first=True)
    return _from(code, last_visit, calendar, first=False)


def rha_rule_code(date_of_birth: datetime.date, last_assessment: datetime.date) -> str:
    """Review health assessments: every 6 months before the 5th birthday, every 12 from it.
    Decided by the child's age on the date of the last assessment."""
    return "rha_under5_6m" if age_on(date_of_birth, last_assessment) < 5 else "rha_5plus_12m"


def private_fostering_visit_rule_code(aware_from: datetime.date, last_visit: datetime.date) -> str:
    """Private fostering visits: at most 6 weeks apart in the first year after the authority
    became aware of the arrangement (reg 8(6)), 12 weeks from then on."""
    return "pf_visit_6w" if last_visit < birthday(aware_from, 1) else "pf_visit_12w"


def sdq_applies(date_of_birth: datetime.date, on: datetime.date) -> bool:
    """An SDQ is needed for children aged 4 to 16 (inclusive) on the date."""
    return 4 <= age_on(date_of_birth, on) <= 16
