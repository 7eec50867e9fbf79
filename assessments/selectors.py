"""Reads for assessments: one child's, and the queues (authorisations waiting, returned to me)."""

from django.db.models import Q, QuerySet

from access.selectors import visible_to
from assessments.choices import AssessmentStatus
from assessments.models import Assessment


def assessment_for_child(child, assessment_id) -> Assessment | None:
    return (
        Assessment.objects.filter(child=child, pk=assessment_id)
        .select_related("episode", "author", "submitted_by", "returned_by", "authorised_by")
        .first()
    )


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
    return (
        visible_to(user, returned, via="child")
        .select_related("child", "returned_by")
        .order_by("returned_at", "id")
    )
