"""Reads for data quality: a child's problems, and the counts behind the data-quality page, each
scoped by access.selectors.people_visible_to so a manager counts only the children they may see."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from access.selectors import people_visible_to, visible_to
from core import kept_queries
from data_quality.checks import CHECKS
from data_quality.models import Problem
from people.models import Person


def problems_for_child(person) -> list[Problem]:
    """One query, on the unique index that leads with the person."""
    return kept_queries.fetch("data_quality.problems_for_child", _problems, person=person.pk)


def _problems(person):
    return Problem.objects.filter(person_id=person).order_by("check_id", "record_id")


def _visible_problems(user) -> QuerySet[Problem]:
    return visible_to(user, Problem.objects.filter(person__is_child=True))


def counts_by_check(user) -> list[dict]:
    """[{check, problems, children}] for every check, those with none included (one query)."""
    found = {
        row["check_id"]: row
        for row in _visible_problems(user)
        .values("check_id")
        .annotate(problems=Count("id"), children=Count("person", distinct=True))
    }
    return [
        {
            "check": check,
            "problems": found.get(check.id, {}).get("problems", 0),
            "children": found.get(check.id, {}).get("children", 0),
        }
        for check in CHECKS.values()
    ]


def counts_by_team(user) -> list[dict]:
    """[{team_id, team, problems, children}], most problems first; team None for unallocated."""
    rows = (
        _visible_problems(user)
        .values("person__current_team_id", "person__current_team__name")
        .annotate(problems=Count("id"), children=Count("person", distinct=True))
        .order_by("-problems", "person__current_team__name")
    )
    return [
        {
            "team_id": r["person__current_team_id"],
            "team": r["person__current_team__name"],
            "problems": r["problems"],
            "children": r["children"],
        }
        for r in rows
    ]


def counts_by_worker(user) -> list[dict]:
    rows = (
        _visible_problems(user)
        .values("person__current_worker_id", "person__current_worker__first_name", "person__current_worker__last_name")
        .annotate(problems=Count("id"), children=Count("person", distinct=True))
        .order_by("-problems", "person__current_worker__last_name")
    )
    return [
        {
            "worker_id": r["person__current_worker_id"],
            "worker": " ".join(
                filter(None, [r["person__current_worker__first_name"], r["person__current_worker__last_name"]])
            ),
            "problems": r["problems"],
            "children": r["children"],
        }
        for r in rows
    ]


def children_with_problems(
    user, *, check_id: str | None = None, team_id=None, worker_id=None, unallocated: str | None = None
) -> QuerySet[Person]:
    """The children behind a count, with their problems prefetched: page it, then two queries.

    `unallocated` is "team" or "worker" for the children with no team or no named worker.
    """
    from django.db.models import Exists, OuterRef, Prefetch

    problems = Problem.objects.filter(person=OuterRef("pk"))
    shown = Problem.objects.order_by("check_id", "record_id")
    if check_id:
        problems = problems.filter(check_id=check_id)
        shown = shown.filter(check_id=check_id)
    children = people_visible_to(user).children().filter(Exists(problems))
    if unallocated == "team":
        children = children.filter(current_team__isnull=True)
    elif unallocated == "worker":
        children = children.filter(current_worker__isnull=True)
    elif team_id is not None:
        children = children.filter(current_team_id=team_id)
    elif worker_id is not None:
        children = children.filter(current_worker_id=worker_id)
    return (
        children.select_related("current_worker", "current_team")
        .prefetch_related(Prefetch("data_problems", queryset=shown, to_attr="problems"))
        .order_by("family_name", "given_name", "id")
    )
