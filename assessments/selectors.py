"""Reads for assessments: one child's, and the queues (authorisations waiting, returned to me)."""

import datetime

from django.db.models import Q, QuerySet

from access.selectors import visible_to
from assessments import sections
from assessments.choices import AssessmentStatus
from assessments.framework import SECTIONS, SIDES
from assessments.models import Assessment


def assessment_for_child(child, assessment_id) -> Assessment | None:
    return (
        Assessment.objects.filter(child=child, pk=assessment_id)
        .select_related("episode", "author", "submitted_by", "returned_by", "authorised_by")
        .first()
    )


def task_list(assessment) -> list[dict]:
    """The task list: each section with its status, in order."""
    return [{"section": section, "status": sections.status(assessment, section.slug)} for section in SECTIONS]


def triangle(assessment) -> list[dict]:
    """What was written for each domain of each side of the triangle, for the record and its print."""
    written = assessment.domains or {}
    return [
        {"side": side, "domains": [{"domain": domain, **written.get(domain.code, {})} for domain in side.domains]}
        for side in SIDES
    ]


def agencies(assessment) -> list[dict]:
    """Other agencies' information, each with its date as a date (stored as ISO text in JSON)."""
    out = []
    for index, entry in enumerate(assessment.agency_information or []):
        try:
            on = datetime.date.fromisoformat(entry.get("on") or "")
        except ValueError:
            on = None
        out.append({"index": index, "agency": entry.get("agency", ""), "said": entry.get("said", ""), "on": on})
    return out


def teams_of(user):
    """The teams the user manages or belongs to, as a subquery (access.selectors.team_ids_for
    answers the same question with a query of its own)."""
    from workforce.models import Team

    return Team.objects.filter(Q(manager=user) | Q(pk=user.team_id)).values("pk")


def assessments_awaiting_authorisation(*, user) -> QuerySet[Assessment]:
    """Submitted assessments of children in the teams the user manages or belongs to, oldest
    submission first, leaving out children the user may not see. One query on the partial index
    assessment_awaiting."""
    submitted = Assessment.objects.filter(status=AssessmentStatus.SUBMITTED, child__current_team_id__in=teams_of(user))
    return (
        visible_to(user, submitted, via="child")
        .select_related("child", "author", "episode")
        .order_by("submitted_at", "id")
    )


def assessments_returned_to(*, user) -> QuerySet[Assessment]:
    """Assessments a manager returned to this author: waiting for their action (of children the
    author may still see)."""
    returned = Assessment.objects.filter(status=AssessmentStatus.RETURNED, author=user)
    return visible_to(user, returned, via="child").select_related("child", "returned_by").order_by("returned_at", "id")
