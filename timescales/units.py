"""The units a timescale can be expressed in, and the vocabulary shared by rules and calendar.

Kept in a module of its own so that the calendar (pure date arithmetic) and the rules (data)
can both use it without importing each other.
"""

from django.db import models


class Unit(models.TextChoices):
    WORKING_DAYS = "working_days", "working days"
    CALENDAR_DAYS = "calendar_days", "calendar days"
    WEEKS = "weeks", "weeks"
    MONTHS = "months", "months"
    # Elapsed clock time on timezone-aware datetimes (TIMESCALES.md C3.5: "72 hours").
    HOURS = "hours", "hours"

    def describe(self, amount: int) -> str:
        """'1 working day', '45 working days', '3 months'."""
        words = {
            Unit.WORKING_DAYS: ("working day", "working days"),
            Unit.CALENDAR_DAYS: ("day", "days"),
            Unit.WEEKS: ("week", "weeks"),
            Unit.MONTHS: ("month", "months"),
            Unit.HOURS: ("hour", "hours"),
        }[self]
        return f"{amount} {words[0] if amount == 1 else words[1]}"
