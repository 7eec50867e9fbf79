"""Corrections after saving: a worker who typed a wrong date or code on an episode or a placement
puts it right, with the reason, instead of recording a change that never happened.

A correction is not a change in the child's care (that is `episode_change`): it rewrites what
was recorded, so the SSDA903 return reads the corrected row. Every rewrite is kept by the audit
triggers (who, when, the row before and after), and the chronology gains a line that says a
correction was made, what it changed and why; the original event moves to the corrected date.

The shape of the record is kept: a period's episodes run end to end, so moving the start of an
episode moves the end of the one before it (and, where the episode began a placement, the
placement's dates; where it is the first, the period's start). PostgreSQL's exclusion
constraints stay behind the checks.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from casework.models import ChronologyEvent
from codelists.ssda903 import CategoryOfNeed, LegalStatus, PlacementType, ReasonEpisodeCeased, ReasonNewEpisode
from core import clock
from looked_after.models import CarePlan, Episode, IROAssignment, IROContact, LAReview, PeriodOfCare, Placement
from looked_after.placements import clean_placement
from looked_after.services.common import (
    DateChecks,
    begin,
    check_date,
    clean_text,
    constraint_messages,
    day_moment,
    finish,
    long_date,
)
from looked_after.services.episodes import (
    NO_LEGAL_STATUS,
    OVERLAP_MESSAGES,
    _check_home_postcode,
    check_legal_status_age,
)
from people.models import Person

NO_REASON = "Enter why the record is being corrected"
NOTHING_CHANGED = "Nothing has been changed: correct at least one of the details, or cancel"


def _neighbours(episode: Episode) -> tuple[Episode | None, Episode | None]:
    episodes = list(Episode.objects.filter(period_id=episode.period_id).order_by("start_date", "id"))
    index = next(i for i, e in enumerate(episodes) if e.pk == episode.pk)
    return (episodes[index - 1] if index else None), (episodes[index + 1] if index + 1 < len(episodes) else None)


def _check_start(
    checks: DateChecks, child, episode: Episode, before: Episode | None, after: Episode | None, start_date
) -> None:
    if not check_date(checks, "start_date", start_date, "The start date"):
        return
    if before is not None and start_date <= before.start_date:
        checks.add(
            "start_date",
            (
                f"The start date must be after {long_date(before.start_date)}, when the episode before started: "
                "episodes run end to end, so the episode before will now end on the corrected date"
            ),
        )
    if episode.end_date is not None:
        if after is not None and start_date >= episode.end_date:
            checks.add(
                "start_date",
                (
                    f"The start date must be before {long_date(episode.end_date)}, when the next episode started. "
                    "Correct that episode first if its date is wrong too"
                ),
            )
        elif start_date > episode.end_date:
            checks.add(
                "start_date",
                f"The start date must be on or before {long_date(episode.end_date)}, when the period of care ended",
            )
    if before is None:
        last = (
            PeriodOfCare.objects.filter(child=child, end_date__isnull=False)
            .exclude(pk=episode.period_id)
            .filter(start_date__lt=episode.period.start_date)
            .order_by("-end_date")
            .first()
        )
        if last is not None and start_date <= last.end_date:
            checks.add(
                "start_date",
                f"The start date must be after {long_date(last.end_date)}, when the last period of care ended",
            )
        if child.date_of_birth and start_date < child.date_of_birth:
            checks.add("start_date", "The start date must be on or after the child's date of birth")
        if start_date > episode.start_date:
            _nothing_recorded_before(checks, episode.period_id, start_date)


# What is recorded against a period of care, dated: the period cannot start after any of it.
_PERIOD_RECORDS = (
    (LAReview, "held_on", "a looked-after review"),
    (IROAssignment, "start_date", "the IRO's appointment"),
    (IROContact, "contact_on", "an IRO contact"),
    (CarePlan, "agreed_on", "a care plan"),
)


def _nothing_recorded_before(checks: DateChecks, period_id, start_date) -> None:
    for model, field, what in _PERIOD_RECORDS:
        earliest = (
            model.objects.filter(period_id=period_id, **{f"{field}__lt": start_date})
            .order_by(field)
            .values_list(field, flat=True)
            .first()
        )
        if earliest is not None:
            checks.add(
                "start_date",
                (
                    f"The period of care cannot start after {what} on {long_date(earliest)}, recorded in it. "
                    "Check the date, or the date of that record"
                ),
            )
            return


def _check_status(
    checks: DateChecks, episode: Episode, before: Episode | None, after: Episode | None, legal_status
) -> None:
    if legal_status not in LegalStatus.values:
        checks.add("legal_status", NO_LEGAL_STATUS)
        return
    # An episode that began only because the legal status changed (RNE L) must differ from the one before.
    if episode.reason_new_episode == ReasonNewEpisode.L and before is not None and legal_status == before.legal_status:
        checks.add(
            "legal_status",
            (
                f"The episode before already has legal status {legal_status}, and this episode began because the legal "
                "status changed: choose the status it changed to"
            ),
        )
    if after is not None and after.reason_new_episode == ReasonNewEpisode.L and legal_status == after.legal_status:
        checks.add(
            "legal_status",
            (
                f"The next episode began because the legal status changed to {legal_status}, so this episode's status "
                "must be a different one"
            ),
        )


def _move_start(episode: Episode, before: Episode | None, start_date: datetime.date) -> None:
    """Move the episode's start, and with it the end of the one before, the placement it began and
    the period it began, in the order that never lets two rows overlap on the way."""
    old = episode.start_date
    began_placement = episode.placement.start_date == old

    def move_before():
        if before is not None:
            Episode.objects.filter(pk=before.pk).update(end_date=start_date)
            if began_placement:
                Placement.objects.filter(pk=before.placement_id).update(end_date=start_date)

    def move_this():
        Episode.objects.filter(pk=episode.pk).update(start_date=start_date)
        if began_placement:
            Placement.objects.filter(pk=episode.placement_id).update(start_date=start_date)
        if before is None:
            PeriodOfCare.objects.filter(pk=episode.period_id).update(start_date=start_date)

    # Earlier: the row before shrinks first. Later: this row shrinks first.
    for step in (move_before, move_this) if start_date < old else (move_this, move_before):
        step()


def _move_original_event(episode: Episode, start_date: datetime.date, legal_status: str) -> None:
    """The chronology's line for the episode's start moves to the corrected date and status."""
    events = ChronologyEvent.objects.filter(
        source_type=ContentType.objects.get_for_model(Episode), source_id=episode.pk
    )
    for event in events:
        event.occurred_at = day_moment(start_date)
        if event.data.get("legal_status"):
            event.data = {
                **event.data,
                "legal_status": legal_status,
                "legal_status_label": LegalStatus(legal_status).label,
            }
        event.save(update_fields=["occurred_at", "data"])


@transaction.atomic
def episode_correct(
    *,
    actor,
    child: Person,
    episode: Episode,
    start_date: datetime.date,
    legal_status: str,
    category_of_need: str,
    home_postcode: str,
    reason: str,
) -> Episode:
    """Correct an episode's start date, legal status, category of need or home postcode."""
    child = begin(actor, child)
    episode = Episode.objects.select_for_update().select_related("placement", "period").get(pk=episode.pk, child=child)
    before, after = _neighbours(episode)
    checks = DateChecks()
    reason = clean_text(reason)
    if not reason:
        checks.add("reason", NO_REASON)
    _check_start(checks, child, episode, before, after, start_date)
    _check_status(checks, episode, before, after, legal_status)
    if legal_status in LegalStatus.values and start_date is not None and "legal_status" not in checks.errors:
        check_legal_status_age(checks, child, legal_status, start_date)
    if category_of_need not in CategoryOfNeed.values:
        checks.add("category_of_need", "Select the category of need")
    home = _check_home_postcode(checks, home_postcode)
    checks.raise_if_any()

    changes = []
    if start_date != episode.start_date:
        changes.append(f"start date {long_date(episode.start_date)} to {long_date(start_date)}")
    for label, field, value in (
        ("legal status", "legal_status", legal_status),
        ("category of need", "category_of_need", category_of_need),
        ("home postcode", "home_postcode", home),
    ):
        if getattr(episode, field) != value:
            changes.append(f"{label} {getattr(episode, field)} to {value}")
    if not changes:
        raise ValidationError(NOTHING_CHANGED)
    described = f"the episode from {long_date(episode.start_date)}"

    with constraint_messages(OVERLAP_MESSAGES):
        if start_date != episode.start_date:
            _move_start(episode, before, start_date)
        Episode.objects.filter(pk=episode.pk).update(
            legal_status=legal_status, category_of_need=category_of_need, home_postcode=home
        )
    _move_original_event(episode, start_date, legal_status)
    episode.refresh_from_db()
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.corrected",
        occurred_at=clock.now(),
        source=episode,
        data={"what": described, "changes": changes, "reason": reason},
    )
    return episode


@transaction.atomic
def placement_correct(
    *,
    actor,
    child: Person,
    placement: Placement,
    placement_type: str,
    provider: str,
    postcode: str,
    ofsted_urn: str,
    carer_name: str,
    reason: str,
    local_authority: str | None = None,
) -> Placement:
    """Correct a placement's type, provider, postcode, local authority, Ofsted URN or carer.
    `local_authority` None keeps the recorded one."""
    child = begin(actor, child)
    placement = Placement.objects.select_for_update().get(pk=placement.pk, child=child)
    checks = DateChecks()
    reason = clean_text(reason)
    if not reason:
        checks.add("reason", NO_REASON)
    cleaned, errors = clean_placement(
        placement_type=placement_type,
        provider=provider,
        postcode=postcode,
        ofsted_urn=ofsted_urn,
        temporary_approval=placement.temporary_approval,
        local_authority=placement.local_authority if local_authority is None else local_authority,
    )
    for field, message in errors.items():
        checks.add(field, message)
    # Validation rule 392d, as when the placement was first recorded.
    homes = set(placement.episodes.values_list("home_postcode", flat=True))
    if (
        cleaned.get("postcode") in homes
        and placement_type in PlacementType.values
        and placement_type != PlacementType.P1
    ):
        checks.add(
            "postcode",
            "The placement postcode is the same as the child's home postcode: check it. "
            "They are the same only for a placement with parents (P1)",
        )
    checks.raise_if_any()

    carer_name = clean_text(carer_name)
    new = {**cleaned, "carer_name": carer_name}
    labels = {
        "placement_type": "placement type",
        "provider": "provider",
        "postcode": "postcode",
        "local_authority": "local authority",
        "ofsted_urn": "Ofsted URN",
        "carer_name": "carer",
    }
    changes = [
        f"{label} {getattr(placement, f) or '(none)'} to {new[f] or '(none)'}"
        for f, label in labels.items()
        if getattr(placement, f) != new[f]
    ]
    if not changes:
        raise ValidationError(NOTHING_CHANGED)
    carer = f", {placement.carer_name}" if placement.carer_name else ""
    described = f"the placement from {long_date(placement.start_date)} ({placement.placement_type}{carer})"
    for field, value in new.items():
        setattr(placement, field, value)
    placement.save(update_fields=list(new))
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.corrected",
        occurred_at=clock.now(),
        source=placement,
        data={"what": described, "changes": changes, "reason": reason},
    )
    return placement


@transaction.atomic
def period_end_correct(
    *,
    actor,
    child: Person,
    period: PeriodOfCare,
    end_date: datetime.date,
    reason_ceased: str,
    reason: str,
) -> PeriodOfCare:
    """Correct the date a period of care ended, or the reason (REC) it ended. The last episode,
    its placement and the IRO's appointment end with it, as when it was first recorded."""
    child = begin(actor, child)
    period = PeriodOfCare.objects.select_for_update().get(pk=period.pk, child=child)
    if period.end_date is None:
        raise ValidationError(f"{child.full_name} is still looked after: there is no end of this period to correct")
    last = Episode.objects.filter(period=period).order_by("-start_date", "-id").first()
    checks = DateChecks()
    reason = clean_text(reason)
    if not reason:
        checks.add("reason", NO_REASON)
    if check_date(checks, "end_date", end_date, "The end date"):
        checks.not_before(
            "end_date",
            end_date,
            last.start_date,
            f"The end date must be on or after {long_date(last.start_date)}, when the last episode started",
        )
        following = (
            PeriodOfCare.objects.filter(child=child, start_date__gt=period.start_date).order_by("start_date").first()
        )
        if following is not None and end_date >= following.start_date:
            checks.add(
                "end_date",
                f"The end date must be before {long_date(following.start_date)}, when the next period of care started",
            )
        if end_date < period.end_date:
            _nothing_recorded_after(checks, period.pk, end_date)
    if reason_ceased == ReasonEpisodeCeased.X1:
        checks.add(
            "reason_ceased",
            "X1 is for an episode followed by another the same day: choose why the child ceased to be looked after",
        )
    elif reason_ceased not in ReasonEpisodeCeased.values:
        checks.add("reason_ceased", "Select the reason the child ceased to be looked after")
    checks.raise_if_any()

    changes = []
    if end_date != period.end_date:
        changes.append(f"end date {long_date(period.end_date)} to {long_date(end_date)}")
    if reason_ceased != last.reason_ceased:
        changes.append(f"reason ceased {last.reason_ceased} to {reason_ceased}")
    if not changes:
        raise ValidationError(NOTHING_CHANGED)
    old_end = period.end_date
    with constraint_messages(OVERLAP_MESSAGES):
        Episode.objects.filter(pk=last.pk).update(end_date=end_date, reason_ceased=reason_ceased)
        Placement.objects.filter(period=period, end_date=old_end).update(end_date=end_date)
        IROAssignment.objects.filter(period=period, end_date=old_end).update(end_date=end_date)
        period.end_date = end_date
        period.save(update_fields=["end_date"])
    for event in ChronologyEvent.objects.filter(
        child=child,
        event_type="looked_after.ended",
        source_id=period.pk,
        source_type=ContentType.objects.get_for_model(PeriodOfCare),
    ):
        event.occurred_at = day_moment(end_date)
        event.data = {**event.data, "reason_ceased": reason_ceased, "reason": ReasonEpisodeCeased(reason_ceased).label}
        event.save(update_fields=["occurred_at", "data"])
    finish(
        child=child,
        actor=actor,
        event_type="looked_after.corrected",
        occurred_at=clock.now(),
        source=period,
        data={
            "what": f"the end of the period of care from {long_date(period.start_date)}",
            "changes": changes,
            "reason": reason,
        },
    )
    return period


def _nothing_recorded_after(checks: DateChecks, period_id, end_date) -> None:
    for model, field, what in _PERIOD_RECORDS:
        latest = (
            model.objects.filter(period_id=period_id, **{f"{field}__gt": end_date})
            .order_by(f"-{field}")
            .values_list(field, flat=True)
            .first()
        )
        if latest is not None:
            checks.add(
                "end_date",
                (
                    f"The period of care cannot end before {what} on {long_date(latest)}, recorded in it. "
                    "Check the date, or the date of that record"
                ),
            )
            return
