"""The corporate parenting board pack's contents (issue 15, part 4; PRACTICE.md 4): its sections,
each a few indicators for the whole authority at the quarter's end, with the four quarters
before (the trend), the DfE's published benchmarks and the plain-English direction. The figures
come from the monthly snapshots where the job kept them (a quarter's end is a month's end), and
are computed otherwise."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from performance import selectors
from performance.benchmarks import benchmark_for
from performance.indicators import INDICATORS
from timescales.calendar import add_months


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    codes: tuple[str, ...]


SECTIONS = (
    Section("in_care", "Children in care", ("cla_per_10k", "sw_stability_3plus")),
    Section("stability", "Placement stability and distance", ("cla_3plus_placements", "cla_long_term_stability")),
    Section("health_education", "Health and education", ("cla_health_assessment", "cla_dental", "cla_sdq", "cla_pep")),
    Section("missing", "Missing from care", ("missing_rhi_72h",)),
    Section("reviews", "Reviews, visits and participation", ("cla_reviews_in_time", "cla_visits_in_time")),
    Section(
        "care_leavers",
        "Care leavers",
        (
            "care_leavers_eet_17_18",
            "care_leavers_eet_19_21",
            "care_leavers_suitable_accommodation_17_18",
            "care_leavers_suitable_accommodation_19_21",
        ),
    ),
)
SECTION_KEYS = {s.key: s for s in SECTIONS}
TREND_QUARTERS = 5  # the quarter and the four before it
DISTANCE_NOTE = (
    "Placements more than 20 miles from home are not yet an indicator of the record, so this section "
    "gives stability only."
)


def quarter_ends(today: datetime.date, count: int = 8) -> list[datetime.date]:
    """The last `count` quarters' ends (31 March, 30 June, 30 September, 31 December) on or before
    today, latest first."""
    month = ((today.month - 1) // 3) * 3 + 1  # the first month of this quarter
    first = datetime.date(today.year, month, 1)
    ends = []
    while len(ends) < count:
        end = first - datetime.timedelta(days=1)
        ends.append(end)
        first = add_months(first, -3)
    return ends


def _quarters(quarter_end: datetime.date) -> list[datetime.date]:
    first = quarter_end + datetime.timedelta(days=1)
    return [add_months(first, -3 * i) - datetime.timedelta(days=1) for i in range(TREND_QUARTERS - 1, -1, -1)]


def total_rows() -> int:
    return sum(len(s.codes) for s in SECTIONS)


def build_sections(quarter_end: datetime.date, progress: Callable[[int, int], None] | None = None) -> dict:
    """Every section's rows, as plain data (kept on the pack, so an issued pack's figures never
    change): {section key: {"title", "rows": [...]}}."""
    days = _quarters(quarter_end)
    total, done = total_rows(), 0
    out = {}
    for section in SECTIONS:
        rows = []
        for code in section.codes:
            rows.append(_row(code, days))
            done += 1
            if progress:
                progress(done, total)
        out[section.key] = {"title": section.title, "rows": rows}
    return out


def _row(code: str, days: list[datetime.date]) -> dict:
    indicator = INDICATORS[code]
    kept = selectors._snapshots(days, None, code)
    points = []
    for day in days:
        row = kept.get((code, day))
        if row is not None and row[2] == indicator.version:
            points.append(selectors.Point(day, row[0], row[1], indicator.value(row[0], row[1]), True))
        else:
            figure = selectors.evaluate(code, day).figure(None)
            points.append(selectors.Point(day, figure.numerator, figure.denominator, figure.value, False))
    latest = points[-1]
    benchmark = benchmark_for(code)
    return {
        "code": code,
        "title": indicator.title,
        "kind": indicator.kind,
        "shown": indicator.format(latest.value),
        "value": latest.value,
        "numerator": latest.numerator,
        "denominator": latest.denominator,
        "trend": [[p.as_of.isoformat(), p.value] for p in points],
        "england": benchmark.england if benchmark else None,
        "neighbours": benchmark.neighbours if benchmark else None,
        "direction": selectors.direction(indicator, points),
    }


def formatted(row: dict, value) -> str:
    if value is None:
        return "–"
    return f"{value:.1f}%" if row["kind"] == "percent" else f"{value:.1f}"
