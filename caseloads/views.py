"""Caseload and workforce pages. The team caseloads are for a team manager (their teams) and the
workforce lead (every team); the workforce figures for the workforce lead and the service's
leaders, who see numbers; only the workforce lead opens the staff behind a number (their HR
records), and the children behind the stability figure are listed through access.selectors."""

from __future__ import annotations

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access.selectors import people_visible_to
from caseloads import census, figures, selectors
from core import clock
from core.permissions import require_roles
from workforce.roles import Role

FIGURE_ROLES = (
    Role.WORKFORCE_LEAD,
    Role.SENIOR_LEADER,
    Role.QA_OFFICER,
    Role.SERVICE_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DIRECTOR,
)
FILE_ROLES = (Role.WORKFORCE_LEAD, Role.QA_OFFICER, Role.SENIOR_LEADER)
FIRST_YEAR = 2017  # the census has been collected per worker since 2017


def _iso(value: str) -> datetime.date | None:
    """A date typed in the address (2024-09-30); anything else is no date, never a 500."""
    try:
        day = datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if day.year >= FIRST_YEAR else None


def _year(request) -> int:
    latest = figures.latest_census_year()
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and FIRST_YEAR <= int(raw) <= latest else latest


@require_GET
@require_roles(Role.TEAM_MANAGER, Role.WORKFORCE_LEAD)
def team(request):
    today = clock.today()
    on = _iso(request.GET.get("on", "")) or today
    error = ""
    if on > today:
        on, error = today, "The date must be today or in the past"
    rows = selectors.team_loads(user=request.user, on=on)
    return render(
        request,
        "caseloads/team.html",
        {
            "rows": rows,
            "on": on,
            "today": today,
            "error": error,
            "census_days": [figures.census_date(y) for y in range(figures.latest_census_year(), FIRST_YEAR - 1, -1)][
                :5
            ],
        },
    )


@require_GET
@require_roles(*FIGURE_ROLES)
def figures_page(request):
    year = _year(request)
    return render(
        request,
        "caseloads/figures.html",
        {
            "year": year,
            "figures": figures.workforce_figures(year),
            "day": figures.census_date(year),
            "years": list(range(figures.latest_census_year(), FIRST_YEAR - 1, -1)),
            "can_drill": request.user.role == Role.WORKFORCE_LEAD,
            "can_download": request.user.role in FILE_ROLES,
        },
    )


@require_GET
@require_roles(*FIGURE_ROLES)
def figure(request, code):
    if code not in figures.FIGURE_CODES:
        raise Http404
    year = _year(request)
    found = next(f for f in figures.workforce_figures(year) if f.code == code)
    if found.children:
        children = list(
            people_visible_to(request.user).filter(pk__in=found.children).order_by("family_name", "given_name")
        )
        staff = []
    else:
        # The staff behind a number are HR records: the workforce lead's only.
        if request.user.role != Role.WORKFORCE_LEAD:
            raise Http404
        children, staff = [], found.staff
    return render(
        request,
        "caseloads/figure.html",
        {"figure": found, "year": year, "staff": staff, "children": children, "day": figures.census_date(year)},
    )


def _csv(name: str, text: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@require_roles(*FILE_ROLES)
def census_file(request):
    year = _year(request)
    return _csv(f"workforce-census-{year}.csv", census.to_csv(census.CENSUS_COLUMNS, census.census_rows(year)))


@require_GET
@require_roles(*FILE_ROLES)
def agency_file(request):
    today = clock.today()
    on = _iso(request.GET.get("quarter", "")) or today
    on = min(on, today)
    start, end = census.quarter_of(on)
    return _csv(
        f"agency-social-workers-{start:%Y}-q{(start.month - 1) // 3 + 1}.csv",
        census.to_csv(census.AGENCY_COLUMNS, census.agency_rows(end)),
    )
