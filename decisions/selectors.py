"""Reads for decisions that need a manager; lists go through the visibility rule."""

from __future__ import annotations

from django.db.models import QuerySet

from access.selectors import visible_to
from core.forms import parse_id
from decisions.models import ManagerDecision, Status


def decisions_for_child(child) -> list[ManagerDecision]:
    return list(ManagerDecision.objects.filter(child=child).select_related("submitted_by", "decided_by"))


def decision_for_child(child, decision_id) -> ManagerDecision | None:
    """One of this child's decisions (another child's id is None: the page's 404)."""
    return (
        ManagerDecision.objects.filter(child=child, pk=parse_id(decision_id))
        .select_related("child", "submitted_by", "decided_by")
        .first()
    )


def waiting_for(*, user) -> QuerySet[ManagerDecision]:
    """The requests waiting for `user`'s decision: those about the children of the teams they
    manage, oldest first (one query)."""
    waiting = ManagerDecision.objects.filter(status=Status.SUBMITTED, child__current_team__manager=user)
    return visible_to(user, waiting, via="child").select_related("child", "submitted_by").order_by("submitted_at", "id")
