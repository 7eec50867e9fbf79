"""Working days and calendar arithmetic for England (TIMESCALES.md section C).

A working day is any day other than a Saturday, a Sunday, or a bank holiday in England and
Wales, where "bank holiday" includes Christmas Day, Good Friday, substitute days and one-off
days (the State Funeral on 19 September 2022, the Coronation on 8 May 2023). The holidays are
data, in the BankHoliday table, never rules about when Easter falls.

Counting convention (C2): the trigger date is day 0; a deadline of N working days falls on the
Nth working day after it, even when the trigger itself is a weekend or a holiday. Elapsed time
between a and b is the number of working days d with a < d <= b.

WorkingDayCalendar itself is pure (built from a set of dates), so it can be tested and used
without a database; `get_calendar()` returns the one built from the table, cached per process.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import datetime
from bisect import bisect_right
from collections.abc import Iterable, Mapping

from core.clock import LONDON
from timescales.cache import ProcessCache
from timescales.units import Unit

ENGLAND_AND_WALES = "england-and-wales"
_ONE_DAY = datetime.timedelta(days=1)


class CalendarCoverageError(ValueError):
    """The calendar holds no bank holidays for the year asked about.

    Raised rather than guessing, because a guess would be a wrong due date. The cure is
    `manage.py sync_bank_holidays --from-year ... --to-year ...`.
    """


# --- Calendar-month and year arithmetic (no holidays involved) --------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Calendar-month arithmetic, clamped to the end of a shorter month.

    31 Aug + 3 months = 30 Nov; 31 Jan + 1 month = 28 Feb (29 Feb in a leap year). "Month"
    never means 30 days (TIMESCALES.md legend, C3.4).
    """
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    last_day = _stdlib_calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


def birthday(date_of_birth: datetime.date, age: int) -> datetime.date:
    """The date a child reaches `age`. A 29 February birthday falls on 28 February in other
    years: the earlier of the two candidate dates, so a deadline that runs from a birthday is
    never later than either reading of the law allows.

    The one convention of the whole system (README "Conventions"): the calendar, the returns
    (SSDA903 OC2 and OC3 ages), the data-quality checks (PostgreSQL's `date + interval 'n years'`
    gives 28 February too) and the demo all use it. Its source: the DfE's own SSDA903 validator
    (csc-validator-be-903, rules 1016 and the OC3 age rules) counts a birthday as
    `DOB + pandas.DateOffset(years=n)`, which gives 28 February; the Family Law Reform Act 1969
    s9 (age is attained at the start of the anniversary) leaves the non-leap year open."""
    return add_months(date_of_birth, 12 * age)


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Age in completed years on `day`."""
    years = day.year - date_of_birth.year
    if birthday(date_of_birth, years) > day:
        years -= 1
    return years


def london_date(moment: datetime.datetime) -> datetime.date:
    """The date in England at an aware moment."""
    if moment.tzinfo is None:
        raise ValueError("A timezone-aware datetime is needed: a naive one is ambiguous.")
    return moment.astimezone(LONDON).date()


def add_hours(moment: datetime.datetime, hours: int) -> datetime.datetime:
    """Elapsed clock time: 72 hours is 72 real hours even across a clock change.

    Python adds a timedelta to an aware datetime in wall-clock time, which across the change
    to or from British Summer Time is an hour out; so the sum is done in UTC.
    """
    if moment.tzinfo is None:
        raise ValueError("Hour-based timescales need a timezone-aware datetime for the trigger.")
    return (moment.astimezone(datetime.UTC) + datetime.timedelta(hours=hours)).astimezone(LONDON)


# --- The working-day calendar ------------------------------------------------------------------


def _weekdays_in(start: datetime.date, end: datetime.date) -> int:
    """Mondays to Fridays in the half-open range [start, end)."""
    days = (end - start).days
    if days <= 0:
        return 0
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    first = start.weekday()
    count += sum(1 for i in range(rest) if (first + i) % 7 < 5)
    return count


class WorkingDayCalendar:
    """Working days in England and Wales, from a list of bank holidays.

    `years` are the years whose holidays the list is complete for; asking about a weekday in
    any other year raises CalendarCoverageError. By default they are the years that appear in
    the list (every year in England has a New Year's Day holiday, so none is ever missed).
    """

    def __init__(
        self, holidays: Mapping[datetime.date, str] | Iterable[datetime.date], years: Iterable[int] | None = None
    ):
        if not isinstance(holidays, Mapping):
            holidays = {d: "Bank holiday" for d in holidays}
        self._names: dict[datetime.date, str] = dict(holidays)
        self._years = frozenset(years) if years is not None else frozenset(d.year for d in self._names)
        # Only holidays on a weekday change a working-day count; sorted for counting by bisection.
        self._weekday_holidays = sorted(d for d in self._names if d.weekday() < 5)

    def __repr__(self) -> str:
        span = f"{min(self._years)}-{max(self._years)}" if self._years else "no years"
        return f"<WorkingDayCalendar {span}, {len(self._names)} holidays>"

    # Coverage ----------------------------------------------------------------------------------

    @property
    def years(self) -> frozenset[int]:
        return self._years

    def covers(self, day: datetime.date) -> bool:
        return day.year in self._years

    def _require(self, day: datetime.date) -> None:
        if day.year not in self._years:
            known = f"{min(self._years)} to {max(self._years)}" if self._years else "no years at all"
            raise CalendarCoverageError(
                f"The bank holiday calendar has no data for {day.year} (it holds {known}). "
                f"Run: manage.py sync_bank_holidays --from-year {day.year} --to-year {day.year}"
            )

    # Questions about one day --------------------------------------------------------------------

    def holiday_name(self, day: datetime.date) -> str | None:
        """The bank holiday on `day`, if any ("Christmas Day (observed)")."""
        if day.weekday() < 5:
            self._require(day)
        return self._names.get(day)

    def is_working_day(self, day: datetime.date) -> bool:
        if day.weekday() >= 5:
            return False
        self._require(day)
        return day not in self._names

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    # Arithmetic ----------------------------------------------------------------------------------

    def add_working_days(self, day: datetime.date, n: int) -> datetime.date:
        """The nth working day after `day` (day 0), or before it when n is negative.

        `day` itself may be a weekend or holiday: it is still day 0, and the first working day
        after it is day 1. n = 0 returns `day` unchanged.
        """
        if isinstance(day, datetime.datetime):
            raise TypeError("add_working_days takes a date; convert a datetime with london_date() first.")
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        current = day
        while remaining:
            current += step
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """How many working days d have start < d <= end: the elapsed working days.

        An assessment started and finished the same day took 0; one finished on its due date
        took exactly N. When end is before start the answer is negative (the same count, so
        that working_days_between(a, b) == -working_days_between(b, a)).
        """
        if end < start:
            return -self.working_days_between(end, start)
        if end == start:
            return 0
        first = start + _ONE_DAY
        for year in range(first.year, end.year + 1):
            self._require(datetime.date(year, 1, 1))
        weekdays = _weekdays_in(first, end + _ONE_DAY)
        holidays = bisect_right(self._weekday_holidays, end) - bisect_right(self._weekday_holidays, start)
        return weekdays - holidays

    add_months = staticmethod(add_months)

    def add(self, start: datetime.date | datetime.datetime, amount: int, unit: Unit | str):
        """`start` plus an amount of a unit: the single place every interval is applied.

        Hours need an aware datetime and give one back. Every other unit works on dates; a
        datetime given for them is first turned into its date in England.
        """
        unit = Unit(unit)
        if unit == Unit.HOURS:
            if not isinstance(start, datetime.datetime):
                raise ValueError("An hour-based timescale needs the date and time of its trigger, not just the date.")
            return add_hours(start, amount)
        if isinstance(start, datetime.datetime):
            start = london_date(start)
        if unit == Unit.WORKING_DAYS:
            return self.add_working_days(start, amount)
        if unit == Unit.CALENDAR_DAYS:
            return start + datetime.timedelta(days=amount)
        if unit == Unit.WEEKS:
            return start + datetime.timedelta(weeks=amount)
        if unit == Unit.MONTHS:
            return add_months(start, amount)
        raise ValueError(f"Unknown unit {unit!r}")  # pragma: no cover - Unit() already refused it


# --- The calendar built from the BankHoliday table, once per process ---------------------------


def load_calendar(division: str = ENGLAND_AND_WALES) -> WorkingDayCalendar:
    """Build a calendar from the database (one query)."""
    from timescales.models import BankHoliday

    rows = BankHoliday.objects.filter(division=division).values_list("date", "name")
    return WorkingDayCalendar(dict(rows))


_cache: ProcessCache[WorkingDayCalendar] = ProcessCache(load_calendar)


def get_calendar() -> WorkingDayCalendar:
    """The England and Wales working-day calendar, loaded from the table once per process."""
    return _cache.get()


def calendar_changed(**_signal_kwargs) -> None:
    """Tell the cache the BankHoliday table changed (connected to its save and delete signals;
    call it yourself after bulk operations, which send no signals)."""
    _cache.changed()


def reset_calendar_cache() -> None:
    _cache.invalidate()
