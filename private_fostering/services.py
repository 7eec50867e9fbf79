"""Writes for private fostering. Each is one transaction with its chronology event and the
child's due items (first visit within 7 working days of the notification, then visits at most
6-weekly in the first year and 12-weekly after).

Private fostering is about a child under 16, or under 18 if disabled (Children Act 1989 s66):
a notification about an older child is refused, as is one while another arrangement is open.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from casework.times import local_moment
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from private_fostering.choices import ArrangementEnd, NotificationKind, Notifier
from private_fostering.models import PrivateFostering
from timescales.calendar import age_on
from timescales.engine import refresh_due_items


def _begin(actor, child):
    """Lock the child's row for the transaction, then refuse (PermissionDenied) anyone the
    capability table does not let record private fostering for this child: the private fostering
    officer for any child, the child's own social worker and managers, and the front door while
    the child is not yet allocated (access.capabilities, RECORD_PRIVATE_FOSTERING)."""
    child = lock_child(child)
    require(actor, Capability.RECORD_PRIVATE_FOSTERING, child)
    return child


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(9, 0))


def _date(checks: DateChecks, field: str, value, what: str, *, after=None, after_message: str = "") -> None:
    if checks.required(field, value, what[0].lower() + what[1:]):
        checks.not_future(field, value, what)
        checks.not_before(field, value, after, after_message)


def upper_age(child) -> int:
    """Private fostering ends at 16, or 18 for a disabled child."""
    return 18 if child.disabilities else 16


def _locked(actor, arrangement: PrivateFostering) -> PrivateFostering:
    _begin(actor, arrangement.child)
    arrangement = PrivateFostering.objects.select_for_update().select_related("child").get(pk=arrangement.pk)
    if not arrangement.is_open:
        raise ValidationError(f"This arrangement ended on {long_date(arrangement.ended_on)}")
    return arrangement


@transaction.atomic
def private_fostering_notify(
    *,
    actor,
    child,
    notified_on: datetime.date,
    notification_kind: str,
    notified_by: str,
    carer_name: str,
    carer_address: str,
    carer_relationship: str = "",
    proposed_start_on: datetime.date | None = None,
    started_on: datetime.date | None = None,
) -> PrivateFostering:
    child = _begin(actor, child)
    if child.date_of_birth is None:
        raise ValidationError("Record the child’s date of birth first: private fostering depends on their age")
    checks = DateChecks()
    _date(
        checks,
        "notified_on",
        notified_on,
        "The date of the notification",
        after=child.date_of_birth,
        after_message="The notification cannot be before the child was born",
    )
    if notification_kind not in NotificationKind.values:
        checks.add("notification_kind", "Select whether the arrangement is proposed or has started")
    if notified_by not in Notifier.values:
        checks.add("notified_by", "Select who notified the local authority")
    if not carer_name.strip():
        checks.add("carer_name", "Enter the private foster carer’s name")
    if not carer_address.strip():
        checks.add("carer_address", "Enter the private foster carer’s address")
    if notification_kind == NotificationKind.STARTED:
        proposed_start_on = None
        if checks.required("started_on", started_on, "the date the arrangement started"):
            checks.not_future("started_on", started_on, "The date the arrangement started")
            checks.not_before(
                "started_on", started_on, child.date_of_birth, "The arrangement cannot start before the child was born"
            )
            if notified_on is not None and started_on > notified_on:
                checks.add(
                    "started_on", "An arrangement that has started must have started on or before the notification"
                )
    else:
        started_on = None
    if notified_on is not None and "notified_on" not in checks.errors:
        age, limit = age_on(child.date_of_birth, notified_on), upper_age(child)
        if age >= limit:
            checks.add(
                "notified_on",
                f"{child.full_name} was {age} on {long_date(notified_on)}: private fostering is for "
                f"children under {limit}",
            )
    checks.raise_if_any()
    current = PrivateFostering.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(
            f"An arrangement with {current.carer_name} notified on {long_date(current.notified_on)} is still "
            "open: end it first"
        )
    with constraint_messages({"pf_one_open_per_child": (None, "Another arrangement for this child is still open")}):
        arrangement = PrivateFostering.objects.create(
            child=child,
            notified_on=notified_on,
            notification_kind=notification_kind,
            notified_by=notified_by,
            proposed_start_on=proposed_start_on,
            started_on=started_on,
            carer_name=carer_name.strip(),
            carer_address=carer_address.strip(),
            carer_relationship=carer_relationship.strip(),
            recorded_by=actor,
        )
    chronology_record(
        child=child,
        event_type="private_fostering.notified",
        occurred_at=_moment(notified_on),
        actor=actor,
        source=arrangement,
        data={
            "kind": arrangement.get_notification_kind_display(),
            "carer": arrangement.carer_name,
            "by": arrangement.get_notified_by_display(),
        },
    )
    refresh_due_items(child)
    return arrangement


@transaction.atomic
def private_fostering_start(*, actor, arrangement: PrivateFostering, started_on: datetime.date) -> PrivateFostering:
    """A proposed arrangement has begun: the regular visits start."""
    arrangement = _locked(actor, arrangement)
    if arrangement.has_started:
        raise ValidationError(f"This arrangement started on {long_date(arrangement.started_on)}")
    checks = DateChecks()
    _date(
        checks,
        "started_on",
        started_on,
        "The date the arrangement started",
        after=arrangement.notified_on,
        after_message=f"A proposed arrangement cannot start before it was notified on {long_date(arrangement.notified_on)}",
    )
    checks.raise_if_any()
    arrangement.started_on = started_on
    arrangement.save(update_fields=["started_on"])
    chronology_record(
        child=arrangement.child,
        event_type="private_fostering.started",
        occurred_at=_moment(started_on),
        actor=actor,
        source=arrangement,
        data={"carer": arrangement.carer_name},
    )
    refresh_due_items(arrangement.child)
    return arrangement


@transaction.atomic
def private_fostering_end(
    *, actor, arrangement: PrivateFostering, ended_on: datetime.date, reason: str, notes: str = ""
) -> PrivateFostering:
    arrangement = _locked(actor, arrangement)
    checks = DateChecks()
    earliest = max(d for d in (arrangement.notified_on, arrangement.started_on) if d is not None)
    _date(
        checks,
        "ended_on",
        ended_on,
        "The date the arrangement ended",
        after=earliest,
        after_message=f"The arrangement cannot end before {long_date(earliest)}",
    )
    if reason not in ArrangementEnd.values:
        checks.add("reason", "Select why the arrangement ended")
    elif (reason == ArrangementEnd.DID_NOT_START) == arrangement.has_started:
        checks.add(
            "reason",
            "This arrangement started: select why it ended"
            if arrangement.has_started
            else "This arrangement never started: select ‘The proposed arrangement did not go ahead’",
        )
    if reason == ArrangementEnd.OTHER and not notes.strip():
        checks.add("notes", "Explain why the arrangement ended")
    checks.raise_if_any()
    arrangement.ended_on, arrangement.end_reason, arrangement.end_notes = ended_on, reason, notes.strip()
    arrangement.save(update_fields=["ended_on", "end_reason", "end_notes"])
    chronology_record(
        child=arrangement.child,
        event_type="private_fostering.ended",
        occurred_at=_moment(ended_on),
        actor=actor,
        source=arrangement,
        data={"reason": arrangement.get_end_reason_display()},
    )
    refresh_due_items(arrangement.child)
    return arrangement
