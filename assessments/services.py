"""Writes for assessments: start, save a section as the worker goes, submit, and a manager's authorisation or return.

Each is one transaction with its chronology event and the child's due items. The four-eyes rule
(an author never authorises their own assessment) is checked here with a message, and again by
a database constraint.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from assessments import sections
from assessments.choices import AssessmentStatus
from assessments.framework import SECTION_BY_SLUG
from assessments.models import Assessment
from casework.chronology import chronology_record
from children_in_need.models import CINEpisode
from core.clock import now, today
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from timescales.calendar import get_calendar
from timescales.engine import due_from, refresh_due_items

SELF_AUTHORISATION = "You cannot authorise an assessment you wrote or submitted. Ask another manager to authorise it"


def due_date_for(episode: CINEpisode) -> datetime.date:
    """45 working days from the referral (TIMESCALES.md A1 #3)."""
    return due_from("assessment_45wd", episode.start_date)


def _moment(day: datetime.date) -> datetime.datetime:
    from casework.times import local_moment

    return local_moment(day, datetime.time(9, 0))


def _locked(assessment: Assessment) -> Assessment:
    lock_child(assessment.child)
    return Assessment.objects.select_related("child", "episode").get(pk=assessment.pk)


@transaction.atomic
def assessment_start(*, actor, child, start_date: datetime.date) -> Assessment:
    """Start an assessment in the child's open episode; `actor` is its author."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, child)
    child = lock_child(child)
    episode = CINEpisode.objects.open().filter(child=child).first()
    if episode is None:
        raise ValidationError(f"{child.full_name} has no open child in need episode: record a referral first")
    checks = DateChecks()
    if checks.required("start_date", start_date, "the start date"):
        checks.not_future("start_date", start_date, "The start date")
        checks.not_before(
            "start_date",
            start_date,
            episode.start_date,
            f"The assessment cannot start before the referral on {long_date(episode.start_date)}",
        )
    checks.raise_if_any()
    in_hand = Assessment.objects.filter(episode=episode).exclude(status=AssessmentStatus.AUTHORISED).first()
    if in_hand is not None:
        raise ValidationError(
            f"An assessment started on {long_date(in_hand.start_date)} is not authorised yet. "
            "Finish that one before starting another"
        )
    with constraint_messages(
        {"assessment_one_in_hand": (None, "An assessment is already in progress for this episode")}
    ):
        assessment = Assessment.objects.create(child=child, episode=episode, start_date=start_date, author=actor)
    chronology_record(
        child=child,
        event_type="assessment.started",
        occurred_at=_moment(start_date),
        actor=actor,
        source=assessment,
        data={"start_date": long_date(start_date)},
    )
    refresh_due_items(child)
    return assessment


def _require_editable(assessment: Assessment) -> None:
    if not assessment.editable:
        raise ValidationError(f"This assessment is {assessment.get_status_display().lower()} and cannot be changed")


def _mark(assessment: Assessment, slug: str, completed: bool) -> None:
    done = [s for s in (assessment.completed_sections or []) if s != slug]
    assessment.completed_sections = [*done, slug] if completed else done


@transaction.atomic
def assessment_section_save(
    *, actor, assessment: Assessment, section: str, completed: bool = False, **content
) -> Assessment:
    """Save one section as the worker goes (a draft). Marked as completed only when it has
    everything it needs; otherwise nothing is saved and each gap is named."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, assessment.child)
    assessment = _locked(assessment)
    _require_editable(assessment)
    sections.apply(assessment, section, content)
    if completed:
        gaps = sections.missing(assessment, section)
        if gaps:
            raise ValidationError(gaps)
    _mark(assessment, section, completed)
    assessment.save()
    return assessment


@transaction.atomic
def assessment_agency_remove(*, actor, assessment: Assessment, index: int) -> Assessment:
    """Take out one agency's information added by mistake (the audit keeps it)."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, assessment.child)
    assessment = _locked(assessment)
    _require_editable(assessment)
    entries = list(assessment.agency_information or [])
    if not 0 <= index < len(entries):
        raise ValidationError("That agency's information is not on this assessment")
    del entries[index]
    assessment.agency_information = entries
    if not entries:
        _mark(assessment, "other-agencies", False)
    assessment.save()
    return assessment


@transaction.atomic
def assessment_submit(*, actor, assessment: Assessment) -> Assessment:
    """Send to a manager once every section is completed. Past 45 working days from the
    referral, the reason is required."""
    require(actor, Capability.RECORD_HELP_AND_PROTECTION, assessment.child)
    assessment = _locked(assessment)
    _require_editable(assessment)
    checks = DateChecks()
    for slug in sections.incomplete(assessment):
        checks.add(slug, f"Complete ‘{SECTION_BY_SLUG[slug].title}’")
    due = due_date_for(assessment.episode)
    if today() > due and not assessment.late_reason:
        checks.add(
            "late_reason",
            f"The assessment was due by {long_date(due)}. Enter why it took longer than 45 working "
            "days in ‘Analysis, recommendation and outcome’",
        )
    checks.raise_if_any()
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at, assessment.submitted_by = now(), actor
    assessment.save()
    chronology_record(
        child=assessment.child,
        event_type="assessment.submitted",
        occurred_at=assessment.submitted_at,
        actor=actor,
        source=assessment,
        data={"outcome": assessment.get_outcome_display()},
    )
    refresh_due_items(assessment.child)
    return assessment


def _require_manager_of(actor, assessment: Assessment) -> None:
    # Only a manager of the child's team (access.capabilities.TABLE).
    require(actor, Capability.AUTHORISE_ASSESSMENT, assessment.child)
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError(
            f"This assessment is {assessment.get_status_display().lower()}, not waiting for authorisation"
        )


@transaction.atomic
def assessment_authorise(
    *, actor, assessment: Assessment, rationale: str, authorised_on: datetime.date | None = None, late_reason: str = ""
) -> Assessment:
    """A manager authorises the assessment with their rationale: it is concluded (census
    AssessmentAuthorisationDate)."""
    assessment = _locked(assessment)
    _require_manager_of(actor, assessment)
    if actor.pk in (assessment.author_id, assessment.submitted_by_id):
        raise ValidationError(SELF_AUTHORISATION)
    authorised_on = authorised_on or today()
    checks = DateChecks()
    checks.not_future("authorised_on", authorised_on, "The authorisation date")
    checks.not_before(
        "authorised_on",
        authorised_on,
        assessment.start_date,
        f"The authorisation date cannot be before the assessment started on {long_date(assessment.start_date)}",
    )
    due = due_date_for(assessment.episode)
    late_reason = late_reason.strip() or assessment.late_reason
    if authorised_on > due and not late_reason:
        checks.add(
            "late_reason", f"The assessment was due by {long_date(due)}. Enter why it took longer than 45 working days"
        )
    rationale = (rationale or "").strip()
    if not rationale:
        checks.add("rationale", "Enter your rationale for authorising the assessment")
    checks.raise_if_any()
    assessment.status, assessment.late_reason = AssessmentStatus.AUTHORISED, late_reason
    assessment.authorisation_rationale = rationale
    assessment.authorised_on, assessment.authorised_at, assessment.authorised_by = authorised_on, now(), actor
    with constraint_messages({"assessment_not_self_authorised": ("__all__", SELF_AUTHORISATION)}):
        assessment.save()
    working_days = get_calendar().working_days_between(assessment.episode.start_date, authorised_on)
    chronology_record(
        child=assessment.child,
        event_type="assessment.authorised",
        occurred_at=assessment.authorised_at,
        actor=actor,
        source=assessment,
        data={
            "authorised_on": long_date(authorised_on),
            "working_days": working_days,
            "outcome": assessment.get_outcome_display(),
            "late_reason": late_reason if authorised_on > due else "",
            "rationale": rationale,
        },
    )
    refresh_due_items(assessment.child)
    return assessment


@transaction.atomic
def assessment_return(*, actor, assessment: Assessment, comments: str) -> Assessment:
    """A manager sends the assessment back to its author with comments; it shows in their tray."""
    assessment = _locked(assessment)
    _require_manager_of(actor, assessment)
    if not comments.strip():
        raise ValidationError({"comments": "Enter your comments for the social worker"})
    assessment.status = AssessmentStatus.RETURNED
    assessment.returned_at, assessment.returned_by, assessment.return_comments = now(), actor, comments.strip()
    assessment.save()
    chronology_record(
        child=assessment.child,
        event_type="assessment.returned",
        occurred_at=assessment.returned_at,
        actor=actor,
        source=assessment,
        data={"comments": assessment.return_comments},
    )
    refresh_due_items(assessment.child)
    return assessment
