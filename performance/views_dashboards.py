"""The team manager's dashboard and the senior leader's (issue 15, part 4): the figures each
needs on one page, every number opening the list behind it."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from core import clock
from core.permissions import require_roles
from performance import dashboards, oversight, selectors
from performance.indicators import INDICATORS
from workforce.roles import PERFORMANCE_ROLES


@require_GET
@require_roles(*selectors.READERS)
def team(request):
    user = request.user
    scope = selectors.scope_for(user)
    today = clock.today()
    codes = [code for _, group in dashboards.TEAM_GROUPS for code in group]
    figures = dashboards.figures_for(codes, today, scope)
    groups = [(title, [figures[c] for c in group]) for title, group in dashboards.TEAM_GROUPS]
    loads, chart = dashboards.caseloads(scope)
    return render(request, "performance/dashboards/team.html", {
        "today": today, "scope": scope, "groups": groups, "overdue": dashboards.overdue_by_rule(scope),
        "caseloads": loads, "chart": chart, "oversight": oversight.figures(user, scope),
    })


@require_GET
@require_roles(*sorted(PERFORMANCE_ROLES))
def leaders(request):
    kept = selectors.latest_kept()
    if kept is None:
        # Before the nightly job has run: say so, and open each indicator's own page, which works
        # out its figure on demand, rather than computing every indicator inside this request.
        return render(request, "performance/dashboards/leaders.html", {
            "kept": None, "today": clock.today(), "indicators": list(INDICATORS.values()),
        })
    return render(request, "performance/dashboards/leaders.html", {
        "kept": kept, "as_of": kept.as_of, "rows": dashboards.leader_rows(kept.as_of),
    })
