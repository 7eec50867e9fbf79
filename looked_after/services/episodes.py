"""Periods of care, episodes and placements: starting to be looked after, each change of legal
status or placement, ceasing to be looked after, and UASC status.

The shape the SSDA903 return needs is kept by construction: a period's episodes run end to end
(each change ends one episode and starts the next the same day, REC X1), the reason for the new
episode is worked out from what changed rather than typed, and nothing is saved unless all of it
is (one transaction, with PostgreSQL's exclusion constraints behind the checks).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from codelists.ssda903 import (
    CategoryOfNeed,
    LegalStatus,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from looked_after.models import DeprivationOfLiberty, Episode, IROAssignment, PeriodOfCare, Placement, UASCStatus
from looked_after.placements import LONG_TERM_TYPES, clean_placement, reason_new_episode
from looked_after.services.common import (
    DateChecks,
    begin,
    check_date,
    constraint_messages,
    finish,
    long_date,
    open_period,
)
from looked_after.services.liberty import dolo_placement_refusal
from people.identifiers import validate_uk_postcode
from people.models import Person

NO_LEGAL_STATUS = "Select the legal status: a child cannot be placed without one"
OVERLAP_MESSAGES = {
    "period_no_overlap": ("start_date", "This child already has a period of care on that date"),
    "episode_no_overlap": (None, "That date overlaps another episode of this child's care"),
    "placement_no_overlap": (None, "That date overlaps another of this child's placements"),
}


@dataclass(frozen=True)
class PlacementDetails:
    """A placement as typed: the SSDA903 codes, and what the visiting rules need to know."""

    placement_type: str
    provider: str
    postcode: str
    ofsted_urn: str = ""
    carer_name: str = ""
    # The authority the placement is in: a code of codelists.local_authorities.
    local_authority: str = ""
    # None: worked out from the type (U1 and U4 are the long-term fostering codes).
    intended_until_18: bool | None = None
    temporary_approval: bool = False
    # The same carers as the placement before (RNE T or U rather than P or B).
    same_carers: bool = False


def _check_placement(checks: DateChecks, details: PlacementDetails, home_postcode: str | None) -> dict:
    cleaned, errors = clean_placement(
        placement_type=details.placement_type,
        provider=details.provider,
        postcode=details.postcode,
        ofsted_urn=details.ofsted_urn,
        temporary_approval=details.temporary_approval,
        local_authority=details.local_authority,
    )
    for field, message in errors.items():
        checks.add(field, message)
    # Validation rule 392d: the two postcodes match only when the child lives with a parent.
    if (
        home_postcode
        and cleaned.get("postcode") == home_postcode
        and details.placement_type
        and details.placement_type != PlacementType.P1
    ):
        checks.add(
            "postcode",
            "The placement postcode is the same as the child's home postcode: check it. "
            "They are the same only for a placement with parents (P1)",
        )
    return cleaned


def _check_home_postcode(checks: DateChecks, value: str) -> str | None:
    try:
        return validate_uk_postcode(value)
    except ValidationError as error:
        checks.add(
            "home_postcode", "Enter the child's home postcode" if error.code == "required" else error.messages[0]
        )
        return None


def _new_placement(*, child, period, start_date, details: PlacementDetails, cleaned: dict) -> Placement:
    long_term = details.intended_until_18
    if long_term is None:
        long_term = details.placement_type in LONG_TERM_TYPES
    return Placement.objects.create(
        child=child,
        period=period,
        start_date=start_date,
        placement_type=cleaned["placement_type"],
        provider=cleaned["provider"],
        postcode=cleaned["postcode"],
        ofsted_urn=cleaned["ofsted_urn"],
        local_authority=cleaned["local_authority"],
        carer_name=details.carer_name.strip(),
        intended_until_18=long_term,
        temporary_approval=details.temporary_approval,
        same_carers=details.same_carers,
    )


def _placement_data(placement: Placement) -> dict:
    return {
        "placement_type": placement.placement_type,
        "placement": PlacementType(placement.placement_type).label,
        "carer": placement.carer_name,
    }


def check_legal_status_age(checks: DateChecks, child: Person, legal_status: str, on: datetime.date) -> None:
    """Refuse a legal status the law does not allow at the child's age on `on` (s31(3) and the
    others in looked_after.legal_status_rules), beside the legal status field."""
    from looked_after.legal_status_rules import refusal

    message = refusal(legal_status, date_of_birth=child.date_of_birth, on=on, name=child.full_name)
    if message:
        checks.add("legal_status", message)


# --- Starting to be looked after -----------------------------------------------------------------


@transaction.atomic
def period_start(
    *,
    actor,
    child: Person,
    start_date: datetime.date,
    legal_status: str,
    category_of_need: str,
    home_postcode: str,
    placement: PlacementDetails,
) -> PeriodOfCare:
    """The child starts to be looked after: a period of care, its first placement and its first
    episode (RNE S), with the chronology event and the first due items (review, IRO, health...).
    The period returned says whether a child in need episode was opened for it
    (`cin_episode_opened`), so the worker is told the child now counts in the CIN census."""
    child = begin(actor, child)
    checks = DateChecks()
    current = PeriodOfCare.objects.open().filter(child=child).first()
    if current is not None:
        raise ValidationError(
            f"{child.full_name} is already looked after, since {long_date(current.start_date)}. "
            "Record a change of placement or legal status instead"
        )
    last = PeriodOfCare.objects.filter(child=child).order_by("-end_date").first()
    if check_date(checks, "start_date", start_date, "The date the child started to be looked after"):
        if last is not None and start_date <= last.end_date:
            # Validation rule 431: a new period cannot start on the day the last one ended.
            checks.add(
                "start_date",
                f"The start date must be after {long_date(last.end_date)}, when the last period of care ended",
            )
        if child.date_of_birth and start_date < child.date_of_birth:
            checks.add("start_date", "The start date must be on or after the child's date of birth")
    if legal_status not in LegalStatus.values:
        checks.add("legal_status", NO_LEGAL_STATUS)
    elif start_date is not None:
        check_legal_status_age(checks, child, legal_status, start_date)
    if category_of_need not in CategoryOfNeed.values:
        checks.add("category_of_need", "Select the category of need")
    home = _check_home_postcode(checks, home_postcode)
    cleaned = _check_placement(checks, placement, home)
    checks.raise_if_any()
    opened = _child_in_need(actor, child, start_date, category_of_need)

    with constraint_messages(OVERLAP_MESSAGES):
        period = PeriodOfCare.objects.create(child=child, start_date=start_date, started_by=actor)
        first = _new_placement(child=child, period=period, start_date=start_date, details=placement, cleaned=cleaned)
        episode = Episode.objects.create(
            child=child,
            period=period,
            placement=first,
            start_date=start_date,
            reason_new_episode=ReasonNewEpisode.S,
            legal_status=legal_status,
            category_of_need=category_of_need,
            home_postcode=home,
            recorded_by=actor,
        )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.started",
        occurred_at=start_date,
        source=episode,
        data={
            "legal_status": legal_status,
            "legal_status_label": LegalStatus(legal_status).label,
            **_placement_data(first),
        },
    )
    period.cin_episode_opened = opened
    return period


def _child_in_need(actor, child: Person, start_date: datetime.date, category_of_need: str) -> bool:
    """Every looked-after child is a child in need: the period of care belongs to the child in
    need episode open, or opens one that day (children_in_need.services.episode_for_care)."""
    from children_in_need.services import episode_for_care

    try:
        _, opened = episode_for_care(actor=actor, child=child, start_date=start_date, primary_need=category_of_need)
    except ValidationError as error:
        # The only refusal: a child in need episode closed after the day care began.
        raise ValidationError(
            {
                "start_date": [
                    " ".join(m.rstrip(".") for m in error.messages) + ". Correct the "
                    "closure of that episode first: every looked-after child is a child in need"
                ]
            }
        ) from error
    return opened


# --- A change of legal status or placement ---------------------------------------------------------


@transaction.atomic
def episode_change(
    *,
    actor,
    child: Person,
    change_date: datetime.date,
    legal_status: str | None = None,
    placement: PlacementDetails | None = None,
    reason_place_change: str = "",
    home_postcode: str | None = None,
) -> Episode:
    """End the current episode and start the next the same day.

    `legal_status` is the status from `change_date` (None, or the current one, if it did not
    change); `placement` the new placement if the child moved or the placement type changed.
    The new episode's reason (RNE L, P, T, B or U) follows from what changed.
    """
    child = begin(actor, child)
    period = open_period(child)
    current = Episode.objects.select_related("placement").get(period=period, end_date__isnull=True)
    checks = DateChecks()
    if check_date(checks, "change_date", change_date, "The date of the change"):
        if change_date <= current.start_date:
            checks.add(
                "change_date",
                (
                    f"The date of the change must be after {long_date(current.start_date)}, when the current episode started"
                ),
            )
    new_status = legal_status or current.legal_status
    if new_status not in LegalStatus.values:
        checks.add("legal_status", NO_LEGAL_STATUS)
    elif new_status != current.legal_status and change_date is not None:
        check_legal_status_age(checks, child, new_status, change_date)
    status_changed = new_status != current.legal_status
    home = _check_home_postcode(checks, home_postcode) if home_postcode else current.home_postcode
    cleaned = None
    if placement is not None:
        cleaned = _check_placement(checks, placement, home)
        refusal = change_date and dolo_placement_refusal(child, placement.placement_type, change_date)
        if refusal:
            checks.add("placement_type", refusal)
        if reason_place_change not in ReasonPlaceChange.values:
            checks.add("reason_place_change", "Select the reason for the change of placement")
    if placement is None and not status_changed:
        checks.add(
            "legal_status",
            (
                f"The legal status is already {current.legal_status}: choose the new legal status, or record a change of placement"
            ),
        )
    checks.raise_if_any()

    with constraint_messages(OVERLAP_MESSAGES):
        current.end_date, current.reason_ceased = change_date, ReasonEpisodeCeased.X1
        current.reason_place_change = reason_place_change if placement is not None else ""
        current.save(update_fields=["end_date", "reason_ceased", "reason_place_change"])
        if placement is not None:
            Placement.objects.filter(pk=current.placement_id).update(end_date=change_date)
            where = _new_placement(
                child=child, period=period, start_date=change_date, details=placement, cleaned=cleaned
            )
        else:
            where = current.placement
        episode = Episode.objects.create(
            child=child,
            period=period,
            placement=where,
            start_date=change_date,
            reason_new_episode=reason_new_episode(
                legal_status_changed=status_changed,
                placement_changed=placement is not None,
                same_carers=placement is not None and placement.same_carers,
            ),
            legal_status=new_status,
            category_of_need=current.category_of_need,
            home_postcode=home,
            recorded_by=actor,
        )
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.episode_changed",
        occurred_at=change_date,
        source=episode,
        data={
            "reason": ReasonNewEpisode(episode.reason_new_episode).label,
            "legal_status": new_status if status_changed else "",
            "legal_status_label": LegalStatus(new_status).label if status_changed else "",
            **(_placement_data(where) if placement is not None else {}),
            "reason_place_change": ReasonPlaceChange(reason_place_change).label if placement is not None else "",
        },
    )
    return episode


# --- Ceasing to be looked after -----------------------------------------------------------------------


@transaction.atomic
def period_end(*, actor, child: Person, end_date: datetime.date, reason_ceased: str) -> PeriodOfCare:
    """The child ceases to be looked after: the current episode and placement end with the
    reason (REC), and so do the period and the IRO's appointment. Due items that ran with the
    period stop; those already met stay as history."""
    child = begin(actor, child)
    period = open_period(child)
    current = Episode.objects.get(period=period, end_date__isnull=True)
    checks = DateChecks()
    if check_date(checks, "end_date", end_date, "The date the child ceased to be looked after"):
        checks.not_before(
            "end_date",
            end_date,
            current.start_date,
            (f"The end date must be on or after {long_date(current.start_date)}, when the current episode started"),
        )
    if reason_ceased == ReasonEpisodeCeased.X1:
        checks.add("reason_ceased", "X1 is for an episode followed by another the same day: record a change instead")
    elif reason_ceased not in ReasonEpisodeCeased.values:
        checks.add("reason_ceased", "Select the reason the child ceased to be looked after")
    checks.raise_if_any()

    current.end_date, current.reason_ceased = end_date, reason_ceased
    current.save(update_fields=["end_date", "reason_ceased"])
    Placement.objects.filter(period=period, end_date__isnull=True).update(end_date=end_date)
    IROAssignment.objects.filter(period=period, end_date__isnull=True).update(end_date=end_date)
    # A deprivation of liberty order does not outlive the care it was made in (SSDA903 rule 707).
    open_order = DeprivationOfLiberty.objects.filter(period=period, end_date__isnull=True).first()
    if open_order is not None:
        if open_order.start_date >= end_date:
            raise ValidationError(
                {
                    "end_date": f"The deprivation of liberty order was made on "
                    f"{long_date(open_order.start_date)}: care ends after that day"
                }
            )
        DeprivationOfLiberty.objects.filter(pk=open_order.pk).update(end_date=end_date)
    period.end_date, period.ended_by = end_date, actor
    period.save(update_fields=["end_date", "ended_by"])
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.ended",
        occurred_at=end_date,
        source=period,
        data={"reason_ceased": reason_ceased, "reason": ReasonEpisodeCeased(reason_ceased).label},
    )
    return period


# --- UASC ---------------------------------------------------------------------------------------------


@transaction.atomic
def uasc_record(
    *, actor, child: Person, uasc_from: datetime.date, ceased_on: datetime.date | None = None
) -> UASCStatus:
    """Record (or correct) the child's UASC status and the date it ceased (the UASC table's DUC).

    The person's own "unaccompanied asylum-seeking child" flag follows it, so the record and the
    return cannot disagree: set while the status lasts, cleared when it has ceased.
    """
    from django.db.models import F

    child = begin(actor, child)
    checks = DateChecks()
    check_date(checks, "uasc_from", uasc_from, "The date the child became an unaccompanied asylum-seeking child")
    if ceased_on is not None:
        checks.not_future("ceased_on", ceased_on, "The date UASC status ceased")
        checks.not_before(
            "ceased_on", ceased_on, uasc_from, "The date UASC status ceased must be on or after the date it started"
        )
    checks.raise_if_any()
    status, _ = UASCStatus.objects.update_or_create(
        child=child, defaults={"uasc_from": uasc_from, "ceased_on": ceased_on, "recorded_by": actor}
    )
    is_uasc = ceased_on is None
    if child.uasc != is_uasc:
        Person.objects.filter(pk=child.pk).update(uasc=is_uasc, version=F("version") + 1)
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.uasc",
        occurred_at=uasc_from,
        source=status,
        data={"uasc_from": long_date(uasc_from), "ceased_on": long_date(ceased_on)},
    )
    return status
