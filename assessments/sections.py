"""Each section of the assessment (framework.SECTIONS): how what the worker wrote is put on the
assessment, what it still needs before it can be marked as completed, and its status on the
task list. Pure functions of the assessment: the services call them inside their transaction,
the pages and the record to show the status.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

from assessments.choices import AssessmentOutcome
from assessments.framework import FINDINGS, SECTION_BY_SLUG, SIDE_BY_SLUG
from codelists.cin import AssessmentFactor
from core.clock import today
from core.dates import DateChecks, long_date

NO_FACTORS = "21"  # census code: "No factors identified"; only on its own

NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In progress", "Completed"


def field_name(domain_code: str, finding: str) -> str:
    """The form's field for one finding of one domain: health__going_well."""
    return f"{domain_code}__{finding}"


def _text(value) -> str:
    return str(value or "").strip()


# --- putting what was written on the assessment ---------------------------------------------


def _apply_side(assessment, slug, content) -> None:
    domains = dict(assessment.domains or {})
    for domain in SIDE_BY_SLUG[slug].domains:
        written = {finding: _text(content.get(field_name(domain.code, finding))) for finding in FINDINGS}
        if any(written.values()):
            domains[domain.code] = written
        else:
            domains.pop(domain.code, None)
    assessment.domains = domains


def _apply_voice(assessment, content) -> None:
    seen_on = content.get("child_seen_on")
    checks = DateChecks()
    checks.not_future("child_seen_on", seen_on, "The date the child was seen")
    checks.not_before(
        "child_seen_on",
        seen_on,
        assessment.episode.start_date,
        f"The child cannot be seen for this assessment before the referral on "
        f"{long_date(assessment.episode.start_date)}",
    )
    checks.raise_if_any()
    seen_alone = content.get("seen_alone")
    assessment.child_seen_on = seen_on
    assessment.seen_alone = seen_alone if isinstance(seen_alone, bool) else None
    # A reason for not seeing the child alone means nothing once they were seen alone.
    assessment.not_seen_alone_reason = "" if assessment.seen_alone else _text(content.get("not_seen_alone_reason"))
    assessment.wishes_and_feelings = _text(content.get("wishes_and_feelings"))
    assessment.how_gathered = _text(content.get("how_gathered"))


def _apply_agency(assessment, content) -> None:
    """Adds the agency's information, when any of it was written."""
    agency, said, said_on = _text(content.get("agency")), _text(content.get("said")), content.get("said_on")
    if not (agency or said or said_on):
        return
    errors = {}
    if not agency:
        errors["agency"] = "Enter the agency"
    if not said:
        errors["said"] = "Enter what the agency said"
    if said_on is None:
        errors["said_on"] = "Enter the date the agency gave its information"
    elif isinstance(said_on, datetime.date) and said_on > today():
        errors["said_on"] = "The date the agency gave its information must be today or in the past"
    if errors:
        raise ValidationError(errors)
    assessment.agency_information = [
        *(assessment.agency_information or []),
        {"agency": agency, "said": said, "on": said_on.isoformat()},
    ]


def _apply_analysis(assessment, content) -> None:
    factors = list(dict.fromkeys(content.get("factors") or []))
    outcome = _text(content.get("outcome"))
    errors = {}
    if any(code not in AssessmentFactor.values for code in factors):
        errors["factors"] = "Select factors from the list"
    elif NO_FACTORS in factors and len(factors) > 1:
        errors["factors"] = "Select ‘No factors identified’ only on its own"
    if outcome and outcome not in AssessmentOutcome.values:
        errors["outcome"] = "Select the outcome"
    if errors:
        raise ValidationError(errors)
    assessment.factors, assessment.outcome = factors, outcome
    assessment.analysis = _text(content.get("analysis"))
    assessment.recommendation = _text(content.get("recommendation"))
    assessment.late_reason = _text(content.get("late_reason"))


def apply(assessment, slug: str, content: dict) -> None:
    """Put the section's content on the assessment (not saved); ValidationError for what cannot
    be right whatever else is written (a date in the future, a code not in the list)."""
    if slug in SIDE_BY_SLUG:
        _apply_side(assessment, slug, content)
    elif slug == "childs-voice":
        _apply_voice(assessment, content)
    elif slug == "parents-views":
        assessment.parents_views = _text(content.get("parents_views"))
    elif slug == "other-agencies":
        _apply_agency(assessment, content)
    elif slug == "analysis":
        _apply_analysis(assessment, content)
    else:
        raise ValidationError("There is no such section of the assessment")


# --- what a section still needs ---------------------------------------------------------------


def _side_missing(assessment, slug) -> dict[str, str]:
    missing = {}
    for domain in SIDE_BY_SLUG[slug].domains:
        written = (assessment.domains or {}).get(domain.code, {})
        if not (written.get("going_well") or written.get("worries") or written.get("not_assessed")):
            missing[field_name(domain.code, "going_well")] = (
                f"{domain.label}: enter what is going well or what we are worried about, or why it was not assessed"
            )
    return missing


def _voice_missing(assessment) -> dict[str, str]:
    missing = {}
    if assessment.child_seen_on is None:
        missing["child_seen_on"] = "Enter the date the child was seen"
    if assessment.seen_alone is None:
        missing["seen_alone"] = "Select whether the child was seen alone"
    elif assessment.seen_alone is False and not assessment.not_seen_alone_reason:
        missing["not_seen_alone_reason"] = "Enter why the child was not seen alone"
    if not assessment.wishes_and_feelings:
        missing["wishes_and_feelings"] = "Enter the child's wishes and feelings, in their own words"
    if not assessment.how_gathered:
        missing["how_gathered"] = "Enter how the child's wishes and feelings were gathered"
    return missing


def _analysis_missing(assessment) -> dict[str, str]:
    missing = {}
    if not assessment.analysis:
        missing["analysis"] = "Enter the analysis of risk and strengths"
    if not assessment.recommendation:
        missing["recommendation"] = "Enter the recommendation"
    if not assessment.factors:
        missing["factors"] = "Select the factors identified, or ‘No factors identified’"
    if not assessment.outcome:
        missing["outcome"] = "Select the outcome"
    return missing


def missing(assessment, slug: str) -> dict[str, str]:
    """What the section needs before it is complete: {field: message}, empty when it is."""
    if slug in SIDE_BY_SLUG:
        return _side_missing(assessment, slug)
    if slug == "childs-voice":
        return _voice_missing(assessment)
    if slug == "parents-views":
        return {} if assessment.parents_views else {"parents_views": "Enter the parents' and carers' views"}
    if slug == "other-agencies":
        return {} if assessment.agency_information else {"agency": "Add at least one agency's information"}
    return _analysis_missing(assessment)


# --- the task list ----------------------------------------------------------------------------


def _has_content(assessment, slug) -> bool:
    if slug in SIDE_BY_SLUG:
        return any(code in (assessment.domains or {}) for code in (d.code for d in SIDE_BY_SLUG[slug].domains))
    if slug == "childs-voice":
        return bool(
            assessment.child_seen_on
            or assessment.seen_alone is not None
            or assessment.wishes_and_feelings
            or assessment.how_gathered
        )
    if slug == "parents-views":
        return bool(assessment.parents_views)
    if slug == "other-agencies":
        return bool(assessment.agency_information)
    return bool(assessment.analysis or assessment.recommendation or assessment.factors or assessment.outcome)


def status(assessment, slug: str) -> str:
    if slug in (assessment.completed_sections or []):
        return COMPLETED
    return IN_PROGRESS if _has_content(assessment, slug) else NOT_STARTED


def incomplete(assessment) -> list[str]:
    """The sections not yet marked as completed, in the task list's order."""
    return [slug for slug in SECTION_BY_SLUG if slug not in (assessment.completed_sections or [])]
