"""Reading the "as at" date typed in a URL, a form or a command: never an error page."""

from __future__ import annotations

import datetime
import re

from core import clock

EARLIEST = datetime.date(2010, 4, 1)


class DateError(ValueError):
    """The message is for the user."""


def parse_as_of(value) -> datetime.date:
    text = str(value or "").strip()
    try:
        day = datetime.date.fromisoformat(text) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) else None
    except ValueError:
        day = None
    if day is None:
        raise DateError(f"The date must be a real date written YYYY-MM-DD, such as 2026-03-31, not {text[:40]!r}")
    return check_as_of(day)


def check_as_of(day: datetime.date) -> datetime.date:
    if day < EARLIEST or day > clock.today():
        raise DateError(f"The date must be between {EARLIEST:%-d %B %Y} and today")
    return day
