"""Reads for private fostering: a child's arrangements, and the private fostering officer's list
of every open arrangement with its next visit due."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from access.selectors import visible_to
from private_fostering.models import PrivateFostering
from timescales.models import DueItem

VISIT_RULES = ("pf_first_visit_7wd", "pf_visit_6w", "pf_visit_12w")


def arrangements_for_child(child) -> list[PrivateFostering]:
    return list(
        PrivateFostering.objects.filter(child=child).select_related("recorded_by").order_by("-notified_on", "-id")
    )


def arrangement_for_child(child, arrangement_id) -> PrivateFostering | None:
    return PrivateFostering.objects.filter(child=child, pk=arrangement_id).select_related("child").first()


def open_arrangements(*, user) -> QuerySet[PrivateFostering]:
    """Every open arrangement in the authority, with its next visit (title and due date): the
    private fostering service holds them all, except a restricted child's without a grant
    (access.selectors.visible_to). One query."""
    next_visit = (
        DueItem.objects.open().filter(person_id=OuterRef("child_id"), rule_code__in=VISIT_RULES).order_by("due_date")
    )
    return (
        visible_to(user, PrivateFostering.objects.open(), via="child")
        .annotate(
            next_visit_title=Subquery(next_visit.values("title")[:1]),
            next_visit_due=Subquery(next_visit.values("due_date")[:1]),
        )
        .select_related("child")
        .order_by("next_visit_due", "notified_on", "id")
    )
