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
    # The figures are those the nightly job kept, never computed inside the request (on a large
    # authority the seven take about 15 s); a figure not kept is offered for working out on its
    # own page. What is overdue and the caseloads are live: each is one cheap query.
    kept = selectors.latest_kept()
    as_of = kept.as_of if kept else today
    groups = dashboards.team_groups(as_of if kept else None, scope)
    loads, chart = dashboards.caseloads(scope)
    return render(
        request,
        "performance/dashboards/team.html",
        {
            "today": today,
            "kept": kept,
            "as_of": as_of,
            "scope": scope,
            "groups": groups,
            "overdue": dashboards.overdue_by_rule(scope),
            "caseloads": loads,
            "chart": chart,
            "oversight": oversight.figures(user, scope),
        },
    )


@require_GET
@require_roles(*sorted(PERFORMANCE_ROLES))
def leaders(request):
    kept = selectors.latest_kept()
    if kept is None:
        # Before the nightly job has run: say so, and open each indicator's own page, which works
        # out its figure on demand, rather than computing every indicator inside this request.
        return render(
            request,
            "performance/dashboards/leaders.html",
            {
                "kept": None,
                "today": clock.today(),
                "indicators": list(INDICATORS.values()),
            },
        )
    return render(
        request,
        "performance/dashboards/leaders.html",
        {
            "kept": kept,
            "as_of": kept.as_of,
            "rows": dashboards.leader_rows(kept.as_of),
        },
    )
