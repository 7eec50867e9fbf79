"""What every step of the help-and-protection journey shares: how dates are checked, and how a
database constraint that fires anyway becomes a message instead of a 500.

The services of front_door, assessments, child_protection and children_in_need all use it, so a
date typed in the future or out of order is refused with the same words everywhere.
"""

from __future__ import annotations

import contextlib
import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from access.capabilities import Capability, roles_with
from people.models import Person
from timescales import clock

# Deprecated: who may record is now access.capabilities (by role *and* relationship to the child);
# services call `require(actor, Capability.X, child)`. These role-only answers stay importable for
# code not yet moved over, and say only whether the role records the journey for some child.
RECORDERS = roles_with(Capability.RECORD_HELP_AND_PROTECTION) | roles_with(Capability.CHAIR_CONFERENCE)


def can_record(user) -> bool:
    return getattr(user, "role", None) in RECORDERS


def require_recorder(actor) -> None:
    if not can_record(actor):
        raise PermissionDenied("Your role cannot record this.")


def lock_child(child: Person) -> Person:
    """Lock the child's row for the rest of the transaction: two people recording a step for
    the same child at once are served one after the other, so "one open episode" and "plans
    never overlap" are checked against what is really there."""
    person = Person.objects.select_for_update().get(pk=child.pk)
    if not person.is_child:
        raise ValidationError("This is recorded on a child's own record.")
    return person


def today() -> datetime.date:
    return clock.today()


def now() -> datetime.datetime:
    return clock.now()


def long_date(day: datetime.date | None) -> str:
    """2 June 2025, as the GOV.UK style guide writes dates."""
    return f"{day.day} {day:%B %Y}" if day else ""


def _first_calendar_year() -> int | None:
    from timescales.calendar import get_calendar

    years = get_calendar().years
    return min(years) if years else None


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
            if value > now():
                self.add(field, f"{what} must be now or in the past")
        elif value > today():
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


@contextlib.contextmanager
def constraint_messages(messages: dict[str, tuple[str | None, str]]):
    """Turn a database constraint that fired into the ValidationError the service would have
    raised itself. The services check first; this is for the race the check cannot see (two
    saves at the same moment), so even then the user gets a message, never a 500.

        with constraint_messages({"cinepisode_one_open": ("referral_date", "... already open")}):
            CINEpisode.objects.create(...)
    """
    try:
        yield
    except IntegrityError as error:
        name = getattr(getattr(error.__cause__, "diag", None), "constraint_name", None)
        if name in messages:
            field, message = messages[name]
            raise ValidationError({field: message} if field else message) from error
        raise
