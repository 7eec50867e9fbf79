"""What the people who run the returns see of the DfE feed: the last runs, and the children
whose documents the DfE rejected or that could not be delivered, with what the API said. The
list names children, so it holds only those the user may see (access.selectors.visible_to)."""

from access.selectors import visible_to
from dfe_feed.models import FeedChild, FeedRun, SubmissionStatus

RUNS_SHOWN = 14


def recent_runs():
    return FeedRun.objects.order_by("-started_at", "-id")[:RUNS_SHOWN]


def rejects_visible_to(user):
    rows = FeedChild.objects.filter(
        status__in=[SubmissionStatus.REJECTED, SubmissionStatus.FAILED], person__isnull=False
    )
    return visible_to(user, rows, via="person").select_related("person").order_by("la_child_id")
