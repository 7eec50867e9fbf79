"""The oversight figures page and the lists behind its numbers (issue 14, part 5). A team
manager sees their teams'; the performance roles the whole authority's."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.forms import parse_id
from core.permissions import require_roles
from oversight.choices import Category, Stage
from performance import oversight, selectors

PAGE_SIZE = 25


@require_GET
@require_roles(*selectors.READERS)
def figures(request):
    scope = selectors.scope_for(request.user)
    return render(
        request,
        "performance/oversight/figures.html",
        {
            "f": oversight.figures(request.user, scope),
            "scope": scope,
            "may_name_workers": oversight.may_name_workers(request.user),
        },
    )


def _team(request, scope) -> int | None:
    team_id = parse_id(request.GET.get("team", "")) if request.GET.get("team") else None
    if team_id is not None and scope is not None and team_id not in scope:
        raise Http404
    return team_id


@require_GET
@require_roles(*selectors.READERS)
def child_list(request, name):
    if name not in oversight.LISTS:
        raise Http404
    scope = selectors.scope_for(request.user)
    parts = oversight.PARTS.get(name, {"all": "All"})
    part = request.GET.get("part") if request.GET.get("part") in parts else "all"
    stage = request.GET.get("stage", "")
    stage = int(stage) if stage in {str(value) for value in Stage.values} else None
    category = request.GET.get("theme") if request.GET.get("theme") in Category.values else ""
    rows = oversight.child_list(
        request.user, scope, name, part=part, team_id=_team(request, scope), stage=stage, category=category
    )
    return render(
        request,
        "performance/oversight/children.html",
        {
            "title": oversight.LISTS[name],
            "name": name,
            "part": part,
            "parts": parts,
            "part_label": parts[part],
            "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
            "count": len(rows),
            "stage": Stage(stage).label if stage is not None else "",
            "theme": Category(category).label if category else "",
            "query": request.GET.urlencode(),
        },
    )


@require_GET
@require_roles(*selectors.READERS)
def workers(request):
    scope = selectors.scope_for(request.user)
    team_id = _team(request, scope)
    part = request.GET.get("part") if request.GET.get("part") in ("within", "overdue") else "all"
    rows = oversight.worker_rows(request.user, scope, team_id=team_id)
    if part != "all":
        rows = [r for r in rows if r.within == (part == "within")]
    return render(
        request,
        "performance/oversight/workers.html",
        {
            "rows": rows,
            "part": part,
            "unnamed": sum(1 for r in rows if r.worker is None),
        },
    )


@require_GET
@require_roles(*selectors.READERS)
def supervision_actions(request):
    scope = selectors.scope_for(request.user)
    rows = oversight.supervision_action_rows(request.user, scope, team_id=_team(request, scope))
    return render(
        request,
        "performance/oversight/actions.html",
        {
            "rows": rows,
            "unnamed": sum(1 for r in rows if r.owner is None),
        },
    )
