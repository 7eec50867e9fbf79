"""Reads for the two dashboards (issue 15, part 4): the team manager's (their teams: visits in
timescale, what is overdue, plans and reviews in date, caseloads, oversight) and the senior
leader's (every indicator with its trend and benchmark, from the snapshots the scheduled job
keeps, so the page is a few queries whatever the authority's size)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count

from casework.models import Allocation
from performance import selectors
from performance.benchmarks import Benchmark, benchmark_for
from performance.charts import BarChart, Spark, bar_chart, sparkline
from performance.indicators import INDICATORS, Indicator
from performance.selectors import Figure
from timescales.models import DueItem
from timescales.rules import RULES
from workforce.models import User

# The team manager's figures, grouped as the page shows them.
TEAM_GROUPS = (
    ("Visits in timescale", ("cp_visits_in_time", "cla_visits_in_time")),
    ("Plans and reviews in date", ("cpp_reviews_in_time", "cla_reviews_in_time", "pwp_agreement_in_place")),
    ("Assessments and conferences", ("assessments_45wd", "icpc_15wd")),
)


def team_groups(as_of: datetime.date | None, scope) -> list[tuple[str, list[tuple[Indicator, Figure | None]]]]:
    """The team dashboard's indicators by group, each with the figure the job kept at the date
    (None when not kept, or when nothing has been kept yet: `as_of` None). One query at most."""
    kept = selectors.figures_kept(as_of, scope) if as_of is not None else {}
    return [(title, [(INDICATORS[code], kept.get(code)) for code in group]) for title, group in TEAM_GROUPS]


@dataclass
class Overdue:
    rule_code: str
    title: str
    count: int


def overdue_by_rule(scope) -> list[Overdue]:
    """The teams' overdue due items by what is due, most first: one grouped query."""
    items = DueItem.objects.overdue().filter(person__merged_into__isnull=True)
    if scope is not None:
        items = items.filter(team_id__in=scope)
    rows = items.order_by().values_list("rule_code").annotate(n=Count("id")).order_by("-n", "rule_code")
    return [Overdue(code, RULES[code].title if code in RULES else code, n) for code, n in rows]


@dataclass
class Caseload:
    worker: User
    cases: int


def caseloads(scope) -> tuple[list[Caseload], BarChart | None]:
    """Each worker's open cases in the teams (their open allocations), most first: one query."""
    allocations = Allocation.objects.filter(
        end_date__isnull=True, worker__isnull=False, child__merged_into__isnull=True
    )
    if scope is not None:
        allocations = allocations.filter(team_id__in=scope)
    counts = dict(allocations.order_by().values_list("worker_id").annotate(n=Count("id")))
    workers = {u.pk: u for u in User.objects.filter(pk__in=counts)}
    rows = sorted((Caseload(workers[pk], n) for pk, n in counts.items()), key=lambda c: (-c.cases, c.worker.last_name))
    return rows, bar_chart([(c.worker.get_full_name(), c.cases) for c in rows])


@dataclass
class LeaderRow:
    figure: Figure | None  # None: the job kept no figure of this indicator at the date
    code: str
    title: str
    benchmark: Benchmark | None
    spark: Spark | None
    direction: str
    kept_months: int
    indicator: Indicator


def leader_rows(as_of: datetime.date) -> list[LeaderRow]:
    """Every indicator for the whole authority with its 24 months and benchmark, from the
    snapshots only: one query. Nothing is computed for the page (on the large authority the 27
    indicators take half a minute live); a figure the job did not keep at the date (an indicator
    added or changed since it ran) is left empty, and its own page works it out."""
    days = selectors.month_ends(as_of)
    kept = selectors._snapshots(days, None)
    rows = []
    for code, indicator in INDICATORS.items():
        points = []
        for day in days:
            row = kept.get((code, day))
            if row is not None and row[2] == indicator.version:
                value = indicator.value(row[0], row[1])
                points.append(selectors.Point(day, row[0], row[1], value, True))
        latest = next((p for p in points if p.as_of == as_of), None)
        figure = Figure(indicator, as_of, latest.numerator, latest.denominator) if latest else None
        series = {p.as_of: p.value for p in points}
        rows.append(
            LeaderRow(
                figure,
                code,
                indicator.title,
                benchmark_for(code),
                sparkline([series.get(day) for day in days]),
                selectors.direction(indicator, points) if figure else "Not kept at this date.",
                len(points),
                indicator,
            )
        )
    return rows
