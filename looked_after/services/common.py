"""What every looked-after write shares: who may record it (access.capabilities), the child's lock, dates checked with
the same words as the help-and-protection journey, and the end of every transaction (the
chronology event and the child's due items)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from casework.times import local_moment
from core.constraints import constraint_messages  # noqa: F401  (re-exported)
from core.dates import DateChecks, long_date  # noqa: F401  (re-exported)
from looked_after.models import PeriodOfCare
from people.locks import lock_child  # noqa: F401  (re-exported)
from timescales.engine import refresh_due_items


def begin(actor, child, capability: Capability = Capability.RECORD_LOOKED_AFTER):
    """Start a write: the child's row is locked for the transaction, so two saves for one child are
    served one after the other and every check sees the truth; then the actor must hold
    `capability` for this child (PermissionDenied otherwise). The child's social worker and
    managers keep the record of a child in care (RECORD_LOOKED_AFTER); reviews, their actions and
    the IRO's own contact with the child are CHAIR_REVIEW, which an IRO holds for any child they
    can see. Other roles read."""
    child = lock_child(child)
    require(actor, capability, child)
    return child


def day_moment(day: datetime.date) -> datetime.datetime:
    """Events dated by a day sit at 09:00 that day in England, like the other apps' events."""
    return local_moment(day, datetime.time(9, 0))


def finish(*, child, actor, event_type: str, occurred_at, source, data: dict) -> None:
    """End every write the same way: its chronology event, then the due items brought up to date,
    inside the caller's transaction."""
    if isinstance(occurred_at, datetime.date) and not isinstance(occurred_at, datetime.datetime):
        occurred_at = day_moment(occurred_at)
    chronology_record(
        child=child, event_type=event_type, occurred_at=occurred_at, actor=actor, source=source, data=data
    )
    refresh_due_items(child)


def check_date(checks: DateChecks, field: str, value, what: str, *, earliest=None, earliest_message: str = "") -> bool:
    """Required, not in the future, not before `earliest`. `what` reads "The date of the review"."""
    if not checks.required(field, value, what[0].lower() + what[1:]):
        return False
    checks.not_future(field, value, what)
    checks.not_before(field, value, earliest, earliest_message)
    return True


def open_period(child) -> PeriodOfCare:
    """The child's open period of care, or a refusal that says what to do instead."""
    period = PeriodOfCare.objects.open().filter(child=child).first()
    if period is None:
        raise ValidationError(f"{child.full_name} is not looked after: start a period of care first")
    return period


def period_on(child, day: datetime.date) -> PeriodOfCare | None:
    """The period of care the child was in on `day`, if any."""
    from django.db.models import Q

    return (
        PeriodOfCare.objects.filter(child=child, start_date__lte=day)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
        .order_by("-start_date")
        .first()
    )


def clean_text(value: str | None) -> str:
    return (value or "").strip()
