"""The performance pages: every indicator's figure, one indicator with its definition, trend and
benchmark, and the children behind a figure (with its CSV). Team managers see their teams'
figures; QA officers and senior leaders the authority's."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.permissions import require_roles
from performance import selectors
from performance.benchmarks import benchmark_for
from performance.charts import line_chart
from performance.dates import DateError, parse_as_of
from performance.forms import AsOfForm, ChildrenFilterForm
from performance.indicators import INDICATORS
from performance.population import population_on
from timescales.calendar import add_months
from workforce.models import Team

PAGE_SIZE = 25
PARTS = {"numerator": "Numerator", "denominator": "Denominator", "missed": "Not counted in the numerator"}


def _as_of(request):
    """The date asked for (`as_of=YYYY-MM-DD` in a link, or the date form), else the latest kept."""
    form = AsOfForm(request.GET if any(k.startswith("as_of_") for k in request.GET) else None)
    if "as_of" in request.GET:
        try:
            return parse_as_of(request.GET["as_of"]), form
        except DateError as error:
            form = AsOfForm({})
            form.is_valid()
            form.add_error("as_of", str(error))
    elif form.is_bound and form.is_valid() and form.cleaned_data["as_of"]:
        return form.cleaned_data["as_of"], form
    return selectors.default_as_of(), form


def _indicator(code):
    if code not in INDICATORS:
        raise Http404
    return INDICATORS[code]


def _teams(user):
    scope = selectors.scope_for(user)
    teams = Team.objects.order_by("name")
    if scope is not None:
        teams = teams.filter(pk__in=scope)
    return list(teams.values_list("pk", "name"))


@require_GET
@require_roles(*selectors.READERS)
def dashboard(request):
    as_of, form = _as_of(request)
    scope = selectors.scope_for(request.user)
    figures = selectors.figures(as_of, scope)
    year_before = selectors.figures_kept(add_months(as_of, -12), scope)
    rows = [
        {"figure": f, "benchmark": benchmark_for(f.indicator.code), "year_before": year_before.get(f.indicator.code)}
        for f in figures
    ]
    return render(
        request,
        "performance/dashboard.html",
        {
            "rows": rows,
            "as_of": as_of,
            "form": form,
            "scope": scope,
            "teams": _teams(request.user),
            "population": population_on(as_of),
        },
    )


@require_GET
@require_roles(*selectors.READERS)
def indicator(request, code):
    indicator = _indicator(code)
    as_of, form = _as_of(request)
    scope = selectors.scope_for(request.user)
    evaluated = selectors.evaluate(code, as_of)
    figure = evaluated.figure(scope)
    points = selectors.trend(code, as_of, scope, latest=figure)
    benchmark = benchmark_for(code)
    references = {}
    if benchmark is not None and scope is None:
        references = {"England": benchmark.england, "Statistical neighbours": benchmark.neighbours}
    chart = line_chart(
        [(f"{p.as_of:%b %Y}", p.value) for p in points],
        unit="%" if indicator.kind == "percent" else "",
        references=references,
    )
    by_team = [(name, evaluated.figure(frozenset({pk}))) for pk, name in _teams(request.user)]
    return render(
        request,
        "performance/indicator.html",
        {
            "indicator": indicator,
            "figure": figure,
            "as_of": as_of,
            "form": form,
            "points": points,
            "chart": chart,
            "benchmark": benchmark,
            "direction": selectors.direction(indicator, points),
            "by_team": by_team,
            "scope": scope,
            "population": population_on(as_of) if indicator.kind == "per_10k" else None,
            "blank_months": sum(1 for p in points if p.numerator is None),
        },
    )


def _children(request, code):
    indicator = _indicator(code)
    as_of, form = _as_of(request)
    part = request.GET.get("part")
    part = part if part in PARTS else "numerator"
    evaluated = selectors.evaluate(code, as_of)
    if part in ("denominator", "missed") and evaluated.result.figure is not None:
        part = "numerator"  # a population is not a list
    filters_form = ChildrenFilterForm(request.GET, teams=_teams(request.user))
    filters = filters_form.filters()
    rows = selectors.children_behind(request.user, evaluated, part, **filters)
    return indicator, as_of, form, part, evaluated, filters_form, filters, rows


@require_GET
@require_roles(*selectors.READERS)
def children(request, code):
    indicator, as_of, form, part, evaluated, filters_form, filters, rows = _children(request, code)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = {
        "as_of": as_of.isoformat(),
        "part": part,
        **{
            k: v
            for k, v in {
                "team": filters["team_id"],
                "age": filters["age_band"],
                "legal_status": filters["legal_status"],
            }.items()
            if v
        },
    }
    staff = part in ("denominator", "missed") and bool(indicator.denominator_unit_name)
    return render(
        request,
        "performance/children.html",
        {
            "indicator": indicator,
            "as_of": as_of,
            "part": part,
            "part_label": PARTS[part],
            "page": page,
            "filters_form": filters_form,
            "query_string": urlencode(query),
            "figure": evaluated.figure(selectors.scope_for(request.user)),
            "staff": staff,
            "has_denominator": evaluated.result.figure is None,
            "may_export": request.user.role in selectors.EXPORTERS,
            "by_event": indicator.counting == "event",
            "children_count": len({r.child_id for r in rows if r.child_id}),
        },
    )


@require_GET
@require_roles(*selectors.READERS)
def children_csv(request, code):
    if request.user.role not in selectors.EXPORTERS:
        raise PermissionDenied
    indicator, as_of, form, part, evaluated, filters_form, filters, rows = _children(request, code)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{code}-{part}-{as_of.isoformat()}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "Indicator",
            "Part",
            "As at",
            "LA child ID",
            "Name",
            "Date of birth",
            "Age",
            "Team",
            "Worker",
            "Legal status",
            "Date",
        ]
    )
    for row in rows:
        if not row.shown:
            writer.writerow(
                [
                    code,
                    part,
                    as_of.isoformat(),
                    "",
                    "A child with a restricted record",
                    "",
                    "",
                    "",
                    "",
                    "",
                    row.on.isoformat() if row.on else "",
                ]
            )
            continue
        writer.writerow(
            [
                code,
                part,
                as_of.isoformat(),
                row.la_id,
                _safe(row.name or row.label),
                row.date_of_birth.isoformat() if row.date_of_birth else "",
                "" if row.age is None else row.age,
                _safe(row.team),
                _safe(row.worker),
                row.legal_status,
                row.on.isoformat() if row.on else "",
            ]
        )
    return response


def _safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula is written as text."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
