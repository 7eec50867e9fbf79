"""Missing episodes and return home interviews.

A child may be missing (whereabouts unknown) or away from placement without authorisation
(whereabouts known). Both are timed to the minute: the independent return home interview must be
offered within 72 hours of the moment the child came back (TIMESCALES.md A3 #35, C3.5), and that
due item carries the exact deadline. Recorded for any child, in care or not; the SSDA903 Missing
table takes those that fall in a period of care.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from codelists.ssda903 import MissingType
from core.clock import LONDON
from looked_after.models import MissingEpisode, ReturnInterview
from looked_after.services.common import (
    DateChecks,
    begin,
    clean_text,
    constraint_messages,
    finish,
    long_date,
    period_on,
)
from people.models import Person
from timescales.calendar import london_date

OVERLAP = {"missing_no_overlap": ("started_at", "That time overlaps another missing episode for this child")}
RETURN_BEFORE_START = "The time the child returned must be after the time they went missing"


def moment_text(moment: datetime.datetime | None) -> str:
    if moment is None:
        return ""
    local = moment.astimezone(LONDON)
    return f"{long_date(local.date())} at {local:%H:%M}"


@transaction.atomic
def missing_start(
    *,
    actor,
    child: Person,
    kind: str,
    started_at: datetime.datetime,
    returned_at: datetime.datetime | None = None,
    reported_to_police: bool = False,
    circumstances: str = "",
) -> MissingEpisode:
    """The child went missing (or away without authorisation). If they are already back, give
    `returned_at` too and the return is recorded with it (one event each)."""
    child = begin(actor, child)
    checks = DateChecks()
    if kind not in MissingType.values:
        checks.add("kind", "Select whether the child was missing or away without authorisation")
    if checks.required("started_at", started_at, "the date the child went missing"):
        checks.not_future("started_at", started_at, "The time the child went missing")
        if child.date_of_birth and london_date(started_at) < child.date_of_birth:
            checks.add("started_at", "The date must be on or after the child's date of birth")
    if returned_at is not None and started_at is not None:
        checks.not_future("returned_at", returned_at, "The time the child returned")
        if returned_at <= started_at:
            checks.add("returned_at", RETURN_BEFORE_START)
    if started_at is not None and not checks.errors:
        still_missing = MissingEpisode.objects.open().filter(child=child).first()
        if still_missing is not None:
            raise ValidationError(
                f"{child.full_name} has been missing since {moment_text(still_missing.started_at)}: record their return first"
            )
        ends = returned_at
        clash = MissingEpisode.objects.filter(child=child, returned_at__gt=started_at)
        if ends is not None:
            clash = clash.filter(started_at__lt=ends)
        clash = clash.first()
        if clash is not None:
            checks.add(
                "started_at",
                (
                    f"That time overlaps the missing episode from {moment_text(clash.started_at)} to {moment_text(clash.returned_at)}"
                ),
            )
    checks.raise_if_any()
    # Saved whole: an episode saved open first would run to infinity, and overlap a later one.
    with constraint_messages(OVERLAP):
        episode = MissingEpisode.objects.create(
            child=child,
            period=period_on(child, london_date(started_at)),
            kind=kind,
            started_at=started_at,
            returned_at=returned_at,
            reported_to_police=reported_to_police,
            circumstances=clean_text(circumstances),
            recorded_by=actor,
        )
    from casework.chronology import chronology_record

    chronology_record(
        child=child,
        event_type="missing.started",
        occurred_at=started_at,
        actor=actor,
        source=episode,
        data={"kind": kind, "kind_label": MissingType(kind).label, "police": reported_to_police},
    )
    if returned_at is not None:
        _returned(actor, child, episode)
    else:
        from timescales.engine import refresh_due_items

        refresh_due_items(child)
    return episode


@transaction.atomic
def missing_return(*, actor, episode: MissingEpisode, returned_at: datetime.datetime) -> MissingEpisode:
    """The child came back. The return home interview falls due 72 hours from this moment."""
    child = begin(actor, episode.child)
    episode = MissingEpisode.objects.get(pk=episode.pk)
    if not episode.is_open:
        raise ValidationError(f"The child's return is already recorded: {moment_text(episode.returned_at)}")
    checks = DateChecks()
    if checks.required("returned_at", returned_at, "the date the child returned"):
        checks.not_future("returned_at", returned_at, "The time the child returned")
        if returned_at <= episode.started_at:
            checks.add("returned_at", f"{RETURN_BEFORE_START}, {moment_text(episode.started_at)}")
    checks.raise_if_any()
    return _return(actor, child, episode, returned_at)


def _return(actor, child, episode: MissingEpisode, returned_at) -> MissingEpisode:
    episode.returned_at = returned_at
    with constraint_messages({**OVERLAP, "missing_return_after_start": ("returned_at", RETURN_BEFORE_START)}):
        episode.save(update_fields=["returned_at"])
    return _returned(actor, child, episode)


def _returned(actor, child, episode: MissingEpisode) -> MissingEpisode:
    """The return's chronology event; the due items bring the 72-hour interview."""
    returned_at = episode.returned_at
    hours = round((returned_at - episode.started_at).total_seconds() / 3600, 1)
    finish(
        child=child,
        actor=actor,
        event_type="missing.returned",
        occurred_at=returned_at,
        source=episode,
        data={"kind_label": episode.get_kind_display(), "hours": hours},
    )
    return episode


@transaction.atomic
def return_interview_record(
    *,
    actor,
    episode: MissingEpisode,
    offered_at: datetime.datetime,
    accepted: bool,
    held_on: datetime.date | None = None,
    interviewer: str = "",
    learned: str = "",
) -> ReturnInterview:
    """The return home interview offered, accepted or declined, and what was learned. Meets the
    72-hour due item: on time if offered by the deadline."""
    child = begin(actor, episode.child)
    episode = MissingEpisode.objects.get(pk=episode.pk)
    if episode.is_open:
        raise ValidationError("Record the child's return before the return home interview")
    if ReturnInterview.objects.filter(missing_episode=episode).exists():
        raise ValidationError("The return home interview for this episode is already recorded")
    checks = DateChecks()
    if checks.required("offered_at", offered_at, "the date the interview was offered"):
        checks.not_future("offered_at", offered_at, "The time the interview was offered")
        if offered_at < episode.returned_at:
            checks.add(
                "offered_at",
                (f"The interview cannot be offered before the child returned, {moment_text(episode.returned_at)}"),
            )
    if accepted is None:
        checks.add("accepted", "Select whether the child accepted the interview")
    if held_on is not None:
        if not accepted:
            checks.add("held_on", "Leave the date of the interview blank: the child declined it")
        else:
            checks.not_future("held_on", held_on, "The date of the interview")
            checks.not_before(
                "held_on",
                held_on,
                london_date(episode.returned_at),
                "The date of the interview must be on or after the child returned",
            )
    checks.raise_if_any()
    interview = ReturnInterview.objects.create(
        missing_episode=episode,
        offered_at=offered_at,
        accepted=accepted,
        held_on=held_on,
        interviewer=clean_text(interviewer),
        learned=clean_text(learned),
        recorded_by=actor,
    )
    finish(
        child=child,
        actor=actor,
        event_type="missing.return_interview",
        occurred_at=offered_at,
        source=interview,
        data={"accepted": accepted},
    )
    return interview
