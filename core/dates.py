"""Dates as every service checks and shows them: refused in the future or out of order with the
same words everywhere, all problems at once beside their fields; and written as GOV.UK writes them."""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.core.exceptions import ValidationError

from core import clock


def long_date(day: datetime.date | None) -> str:
    """2 June 2025, as the GOV.UK style guide writes dates."""
    return f"{day.day} {day:%B %Y}" if day else ""


def short_date(day: datetime.date | None) -> str:
    """2 Dec 2025: what the template filter date:"j M Y" writes, without its format parser (a
    tenth of the cost, for lists that write a date on every row)."""
    return f"{day.day} {day:%b %Y}" if day else ""


# The first year whose deadlines can be worked out (the bank holiday calendar's first year). The
# kernel knows no calendar: timescales registers it when it starts (TimescalesConfig.ready).
_first_year: Callable[[], int | None] = lambda: None


def set_first_year(provider: Callable[[], int | None]) -> None:
    global _first_year
    _first_year = provider


def _first_calendar_year() -> int | None:
    return _first_year()


class DateChecks:
    """Collects date errors for one service call; `raise_if_any()` raises them together so the
    form shows every problem at once, beside its field."""

    def __init__(self):
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def required(self, field: str, value, what: str) -> bool:
        if value is None:
            self.add(field, f"Enter {what}")
            return False
        return True

    def not_future(self, field: str, value, what: str) -> None:
        """`what` reads as "The date of the strategy discussion". Refuses, too, a date before the
        bank holiday calendar starts: its deadlines could not be worked out (and it is a typo)."""
        if value is None:
            return
        first_year = _first_calendar_year()
        day = value.date() if isinstance(value, datetime.datetime) else value
        if first_year is not None and day.year < first_year:
            self.add(field, f"{what} must be in {first_year} or later")
        elif isinstance(value, datetime.datetime):
            if value > clock.now():
                self.add(field, f"{what} must be now or in the past")
        elif value > clock.today():
            self.add(field, f"{what} must be today or in the past")

    def not_before(self, field: str, value, earliest, message: str) -> None:
        """Refuse `value` earlier than `earliest` (both dates, or both datetimes)."""
        if value is None or earliest is None:
            return
        if value < earliest:
            self.add(field, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)
