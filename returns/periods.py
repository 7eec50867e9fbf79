"""The periods a return covers, and reading them from what a user typed.

A collection year is named by the year it ends: `--year 2026` is 1 April 2025 to 31 March 2026
(TIMESCALES.md section B). Annex A covers the 12 months (or any number of months) ending on a
date the inspectors give.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# The first collection year anyone could ask for from this system, and a guard against typos
# such as 20266. A year ending more than a year from now has no data yet.
FIRST_YEAR = 2010


class PeriodError(ValueError):
    """A year or date a return cannot be built for; the message is for the user."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date

    def __contains__(self, day: datetime.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def as_at(self, day: datetime.date | None) -> datetime.date | None:
        """The date if it had happened by the end of the period, else None: a return built
        after the year shows what was known on its last day, not what happened since."""
        return day if day is not None and day <= self.end else None

    def overlaps(self, start: datetime.date | None, end: datetime.date | None) -> bool:
        return start is not None and start <= self.end and (end is None or end >= self.start)


@dataclass(frozen=True)
class CollectionYear(Period):
    year: int = 0

    @classmethod
    def ending(cls, year: int) -> "CollectionYear":
        return cls(start=datetime.date(year - 1, 4, 1), end=datetime.date(year, 3, 31), year=year)

    @property
    def previous(self) -> "CollectionYear":
        return CollectionYear.ending(self.year - 1)

    @property
    def label(self) -> str:
        return f"{self.year - 1} to {self.year}"


def parse_year(value, *, today: datetime.date) -> CollectionYear:
    text = str(value).strip()
    if not re.fullmatch(r"\d{4}", text):
        raise PeriodError(f"Year must be four digits, such as 2026 (the year ending 31 March 2026), not {text!r}")
    year = int(text)
    if year < FIRST_YEAR or year > today.year + 1:
        raise PeriodError(f"Year must be between {FIRST_YEAR} and {today.year + 1}, not {year}")
    return CollectionYear.ending(year)


def parse_date(value, *, today: datetime.date) -> datetime.date:
    if isinstance(value, datetime.date):
        day = value
    else:
        text = str(value).strip()
        try:
            day = datetime.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
        except ValueError:
            day = None
        if day is None:
            raise PeriodError(f"Date must be a real date written YYYY-MM-DD, such as 2026-03-31, not {text!r}")
    if day.year < FIRST_YEAR or day > today:
        raise PeriodError(f"Date must be between {FIRST_YEAR} and today, not {day.isoformat()}")
    return day


def months_ending(as_of: datetime.date, months: int = 12) -> Period:
    """The `months` months ending on `as_of`, both days included: 12 months to 31 March 2026
    start on 1 April 2025."""
    back = as_of.year * 12 + as_of.month - 1 - months
    year, month = divmod(back, 12)
    month += 1
    # The same day of the month `months` earlier (the last day, when that month is shorter).
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    day = min(as_of.day, (next_month - datetime.timedelta(days=1)).day)
    return Period(start=datetime.date(year, month, day) + datetime.timedelta(days=1), end=as_of)
