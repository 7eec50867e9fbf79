"""Deprivation of liberty orders (SSDA903's DoLo table from 2026 to 2027), checked as the
validator's rules 700 to 710 check them, so the return built from the record passes: an order
starts after the child's birth (708) inside an open period of care and ends after it started
(702), never overlapping another (705, and by an exclusion constraint), never outliving the
period (707: ending care ends the order the same day, episodes.period_end), and only while the
child is placed in one of the placements rule 709 expects (DOLO_PLACEMENT_TYPES)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from looked_after.models import DOLO_PLACEMENT_TYPES, DeprivationOfLiberty, Placement
from looked_after.services.common import (
    DateChecks,
    begin,
    check_date,
    clean_text,
    constraint_messages,
    finish,
    long_date,
    open_period,
)

NO_OVERLAP = {"dolo_no_overlap": ("start_date", "Another deprivation of liberty order covers these dates")}


def _placements_refused(child, start: datetime.date, end: datetime.date | None) -> list[Placement]:
    """The child's placements during the order that rule 709 does not expect. Both ends count:
    the validator takes an episode ending on the order's first day as overlapping it."""
    placements = Placement.objects.filter(child=child).filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
    if end is not None:
        placements = placements.filter(start_date__lte=end)
    return [p for p in placements if p.placement_type not in DOLO_PLACEMENT_TYPES]


def _placement_message(placements: list[Placement]) -> str:
    kinds = ", ".join(sorted({p.placement_type for p in placements}))
    allowed = ", ".join(DOLO_PLACEMENT_TYPES)
    return (
        f"During a deprivation of liberty order the child is placed in {allowed}; the placement at the time is "
        f"{kinds}. Record the change of placement first"
    )


@transaction.atomic
def dolo_start(*, actor, child, start_date: datetime.date, court: str = "") -> DeprivationOfLiberty:
    child = begin(actor, child)
    period = open_period(child)
    checks = DateChecks()
    check_date(
        checks,
        "start_date",
        start_date,
        "The date the order was made",
        earliest=period.start_date,
        earliest_message=f"The order cannot start before the period of care began on {long_date(period.start_date)}",
    )
    checks.raise_if_any()
    current = DeprivationOfLiberty.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(f"The order made on {long_date(current.start_date)} has not ended: record its end first")
    refused = _placements_refused(child, start_date, None)
    if refused:
        raise ValidationError({"start_date": _placement_message(refused)})
    with constraint_messages(NO_OVERLAP):
        order = DeprivationOfLiberty.objects.create(
            child=child, period=period, start_date=start_date, court=clean_text(court), recorded_by=actor
        )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.dolo_started",
        occurred_at=start_date,
        source=order,
        data={"court": order.court},
    )
    return order


@transaction.atomic
def dolo_end(*, actor, order: DeprivationOfLiberty, end_date: datetime.date) -> DeprivationOfLiberty:
    child = begin(actor, order.child)
    order = DeprivationOfLiberty.objects.select_for_update().get(pk=order.pk)
    if not order.is_open:
        raise ValidationError(f"This order ended on {long_date(order.end_date)}")
    checks = DateChecks()
    if check_date(checks, "end_date", end_date, "The date the order ended"):
        if end_date <= order.start_date:
            checks.add("end_date", f"The order must end after the day it was made, {long_date(order.start_date)}")
    checks.raise_if_any()
    order.end_date = end_date
    order.save(update_fields=["end_date"])
    finish(child=child, actor=actor, event_type="looked_after.dolo_ended", occurred_at=end_date, source=order, data={})
    return order


def dolo_placement_refusal(child, placement_type: str, on: datetime.date) -> str | None:
    """Why a new placement of this type cannot start on `on` during an order (one ending that
    very day included: the validator counts both ends), or None."""
    order = (
        DeprivationOfLiberty.objects.filter(child=child, start_date__lte=on)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=on))
        .first()
    )
    if order is None or placement_type in DOLO_PLACEMENT_TYPES:
        return None
    return (
        f"A deprivation of liberty order applies on {long_date(on)} (made {long_date(order.start_date)}): the "
        f"child is placed in {', '.join(DOLO_PLACEMENT_TYPES)} while it lasts. Its last day is the day before a move"
    )
