"""The period an indicator counts over, and "at" a date."""

from __future__ import annotations

import datetime

from django.db.models import Q

from timescales.calendar import add_months

ONE_DAY = datetime.timedelta(days=1)


def year_to(as_of: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The 12 months ending on `as_of`, both days included: to 31 March 2026 from 1 April 2025."""
    return add_months(as_of, -12) + ONE_DAY, as_of


def open_at(as_of: datetime.date, start: str = "start_date", end: str = "end_date") -> Q:
    """Open on the day: started by it and not ended on or before it. A plan or episode that ended
    on 31 March is not open "at 31 March" (the returns leave an end after the year blank, and the
    DfE counts the rows with no end)."""
    return Q(**{f"{start}__lte": as_of}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": as_of}))


def overlaps(first: datetime.date, last: datetime.date, start: str = "start_date", end: str = "end_date") -> Q:
    return Q(**{f"{start}__lte": last}) & (Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": first}))


def age_on(dob: datetime.date | None, day: datetime.date) -> int | None:
    if dob is None:
        return None
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def reviews_on_time(start: datetime.date, reviews, first: datetime.date, as_of: datetime.date, rule, calendar) -> bool:
    """Whether every review falling due from `first` to `as_of` was held by its due date: the first
    within the rule's amount of `start`, then each within the rule's recurring interval of the one
    held before it (TIMESCALES.md C3.4: an early review resets the clock). A review overdue at
    `as_of` counts as late. One reading for child protection (rcpc) and looked-after (la_review)
    reviews, the latter's second interval shorter than the rest (Recurrence.interval_after)."""
    due = calendar.add(start, rule.amount, rule.unit)
    for held, day in enumerate(reviews, start=1):
        if due >= first and day > due:
            return False
        interval = rule.recurrence.interval_after(held)
        due = calendar.add(day, interval.amount, interval.unit)
    return not (first <= due < as_of)


class ElapsedWorkingDays:
    """`calendar.working_days_between` for many pairs of dates: each date's signed count of
    working days from one fixed day is worked out once, and the count between two dates is the
    difference of theirs (the count is additive). A year's assessments share a few hundred
    dates, so 30,000 pairs cost a few hundred counts."""

    def __init__(self, calendar, origin: datetime.date):
        self.calendar, self.origin, self.positions = calendar, origin, {}

    def _position(self, day: datetime.date) -> int:
        position = self.positions.get(day)
        if position is None:
            position = self.positions[day] = self.calendar.working_days_between(self.origin, day)
        return position

    def __call__(self, start: datetime.date, end: datetime.date) -> int:
        return self._position(end) - self._position(start)
