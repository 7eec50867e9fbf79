"""Each indicator beside England, the authority's region and the mean of its statistical
neighbours, for the latest year the DfE has published (performance/data/, with its source).

The authority is `settings.OPENCSC_BENCHMARK_LA_CODE` (its three-digit old LA code), which
defaults to `OPENCSC_LA_CODE`. A value the DfE suppressed (c, k, x, z, low) is not published,
never zero; the neighbours' mean is of those published, and says how many that was.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

DATA = Path(__file__).resolve().parent / "data"
SN_MODEL = "sn_model_2025_wide.csv"


@dataclass(frozen=True)
class Spec:
    file: str
    column: str
    filters: dict = field(default_factory=dict)
    # A figure the files hold only as parts: value(row) from the row of the main file and the
    # matching row of another (the population for a rate per 10,000).
    per_10k_of: tuple[str, str, dict] | None = None


@dataclass(frozen=True)
class Benchmark:
    year: int
    file: str
    own: float | None
    england: float | None
    region_name: str
    region: float | None
    neighbours: float | None
    neighbours_published: int
    neighbours_named: int

    @property
    def year_label(self) -> str:
        return f"year to 31 March {self.year}"


C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
CLA = "cla_number_and_rate_per_10k_children.csv"
STABILITY = "la_cla_placement_stability.csv"
LEAVERS = "la_care_leavers_accommodation_suitability.csv"
CLA_AT_31 = {"population_type": "Children looked after on 31 March each year"}

SPECS: dict[str, Spec] = {
    "rereferrals_12m": Spec(C1, "rereferral_percent"),
    "referrals_nfa": Spec(C1, "no_further_action_percent"),
    "cpp_second_plus": Spec("d3_cpps_subsequent_plan_2013_to_2025.csv", "CPP_subsequent_percent"),
    "cpp_2yrs_at_31march": Spec("d5_cpps_at31march_by_duration_2013_to_2025.csv", "2_years_or_more_percent"),
    "cin_per_10k": Spec(
        "b1_children_in_need_2013_to_2025.csv", "At31_episodes", per_10k_of=(CLA, "population_estimate", CLA_AT_31)
    ),
    "cla_per_10k": Spec(CLA, "rate_per_10000", CLA_AT_31),
    "cla_3plus_placements": Spec(
        STABILITY,
        "children_percent",
        {"cla_group": "CLA on 31 March", "placement_stability": "With 3 or more placements during the year"},
    ),
    "cla_long_term_stability": Spec(
        STABILITY,
        "children_percent",
        {
            "cla_group": "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
            "placement_stability": "Living with the same carer for at least 2 years",
        },
    ),
    "sw_stability_3plus": Spec(
        "la_cla_swcount.csv",
        "percentage",
        {"cla_group": "CLA on 31 March", "sw_stability": "3 or more social workers during the year"},
    ),
    "care_leavers_suitable_accommodation_17_18": Spec(
        LEAVERS,
        "care_leaver_percent",
        {"care_leaver_age": "17 to 18 years", "breakdown": "Accommodation considered suitable"},
    ),
    "care_leavers_suitable_accommodation_19_21": Spec(
        LEAVERS,
        "care_leaver_percent",
        {"care_leaver_age": "19 to 21 years", "breakdown": "Accommodation considered suitable"},
    ),
    "caseload_average": Spec("csww_indicators_2017_to_2025.csv", "caseload_fte"),
}


def la_code() -> str:
    return str(getattr(settings, "OPENCSC_BENCHMARK_LA_CODE", "") or settings.OPENCSC_LA_CODE)


def number(text: str | None) -> float | None:
    """A published value, or None when suppressed or not applicable."""
    try:
        return float(str(text).replace(",", "").strip())
    except (TypeError, ValueError):
        return None


@functools.cache
def _rows(file: str) -> tuple[dict, ...]:
    with open(DATA / file, encoding="utf-8-sig", newline="") as handle:
        return tuple(csv.DictReader(handle))


@functools.cache
def neighbours_of(code: str) -> tuple[str, ...]:
    for row in _rows(SN_MODEL):
        if row["old_la_code"] == code:
            return tuple(row[f"SN_{i}"] for i in range(1, 11) if row.get(f"SN_{i}"))
    return ()


def _matching(spec_file: str, filters: dict, year: str) -> list[dict]:
    return [r for r in _rows(spec_file) if r["time_period"] == year and all(r.get(k) == v for k, v in filters.items())]


def _value(spec: Spec, row: dict, others: dict[tuple, dict]) -> float | None:
    value = number(row.get(spec.column))
    if spec.per_10k_of is None or value is None:
        return value
    other = others.get((row["geographic_level"], row.get("region_name") or "", row.get("old_la_code") or ""))
    population = number(other.get(spec.per_10k_of[1])) if other else None
    return round(10000 * value / population, 1) if population else None


def benchmark_for(code: str) -> Benchmark | None:
    """The latest published year's figures for the indicator, or None when the DfE publishes none."""
    return _benchmark(code, la_code())


# The published files never change while the app runs, and finding one indicator's rows scans
# thousands of them (most of the performance page's CPU): each answer is worked out once.
@functools.cache
def _benchmark(code: str, own_code: str) -> Benchmark | None:
    spec = SPECS.get(code)
    if spec is None:
        return None
    years = sorted({r["time_period"] for r in _rows(spec.file)}, reverse=True)
    for year in years:
        rows = _matching(spec.file, spec.filters, year)
        others = {}
        if spec.per_10k_of is not None:
            other_file, _, other_filters = spec.per_10k_of
            others = {
                (r["geographic_level"], r.get("region_name") or "", r.get("old_la_code") or ""): r
                for r in _matching(other_file, other_filters, year)
            }
        england = next((r for r in rows if r["geographic_level"] == "National"), None)
        if england is None:
            continue
        by_la = {r["old_la_code"]: r for r in rows if r["geographic_level"] == "Local authority"}
        own = by_la.get(own_code)
        region_name = own["region_name"] if own else ""
        region = next(
            (r for r in rows if r["geographic_level"] == "Regional" and r["region_name"] == region_name), None
        )
        named = neighbours_of(own_code)
        values = [v for v in (_value(spec, by_la[c], others) for c in named if c in by_la) if v is not None]
        return Benchmark(
            year=int(year),
            file=spec.file,
            own=_value(spec, own, others) if own else None,
            england=_value(spec, england, others),
            region_name=region_name,
            region=_value(spec, region, others) if region else None,
            neighbours=round(sum(values) / len(values), 1) if values else None,
            neighbours_published=len(values),
            neighbours_named=len(named),
        )
    return None


def published_population(code: str | None = None) -> tuple[int, int] | None:
    """(reporting year, children aged 0 to 17) the DfE used for the authority's latest rates."""
    code = code or la_code()
    for row in sorted(
        _matching(CLA, CLA_AT_31, "2025") + _matching(CLA, CLA_AT_31, "2024"),
        key=lambda r: r["time_period"],
        reverse=True,
    ):
        if row["old_la_code"] == code and number(row["population_estimate"]):
            return int(row["time_period"]), int(number(row["population_estimate"]))
    return None
