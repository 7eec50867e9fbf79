"""The performance app's part of the improvement plan (improvement.evidence): the indicators an
action can be linked to with their latest figures, and for each ILACS judgement area the
indicators and oversight figures that answer "how do we know" in the self-evaluation. Registered
from PerformanceConfig.ready(), because the improvement app sits in a layer below this one."""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse

from improvement import evidence
from improvement.choices import JudgementArea
from performance.indicators import INDICATORS

# Which indicators speak to which judgement (PRACTICE.md section 4; Ofsted's ILACS areas).
AREA_INDICATORS = {
    JudgementArea.HELP_AND_PROTECTION: (
        "rereferrals_12m",
        "referrals_nfa",
        "assessments_45wd",
        "icpc_15wd",
        "cpp_second_plus",
        "cpp_2yrs_at_31march",
        "cpp_reviews_in_time",
        "cp_visits_in_time",
        "cin_per_10k",
    ),
    JudgementArea.IN_CARE: (
        "cla_per_10k",
        "cla_3plus_placements",
        "cla_long_term_stability",
        "cla_reviews_in_time",
        "cla_visits_in_time",
        "cla_health_assessment",
        "cla_dental",
        "cla_sdq",
        "cla_pep",
        "missing_rhi_72h",
        "sw_stability_3plus",
        "permanence_decision_to_plan",
        "pwp_agreement_in_place",
    ),
    JudgementArea.CARE_LEAVERS: (
        "care_leavers_eet_17_18",
        "care_leavers_eet_19_21",
        "care_leavers_suitable_accommodation_17_18",
        "care_leavers_suitable_accommodation_19_21",
    ),
    JudgementArea.LEADERS: ("caseload_average", "sw_stability_3plus"),
    JudgementArea.OVERALL: (
        "rereferrals_12m",
        "cpp_second_plus",
        "cla_3plus_placements",
        "care_leavers_eet_19_21",
        "caseload_average",
    ),
}


def catalogue() -> list[tuple[str, str]]:
    return [(code, indicator.title) for code, indicator in INDICATORS.items()]


def figures(codes: Iterable[str]) -> dict[str, evidence.Evidence]:
    """The figure of each code at the latest day the monthly snapshot kept, saying the date it is
    as at and when it was taken: two queries, whatever the authority's size. Nothing is computed
    here (the plan and "how do we know" pages would otherwise work out each indicator live): a
    figure not kept says so and links to the indicator's own page, which works it out."""
    from performance.selectors import figures_kept, latest_kept

    codes = [c for c in codes if c in INDICATORS]
    if not codes:
        return {}
    latest = latest_kept()
    kept = figures_kept(latest.as_of) if latest else {}
    out = {}
    for code in codes:
        figure = kept.get(code)
        if figure is None:
            when = f"at {latest.as_of:%-d %B %Y}" if latest else "yet"
            out[code] = evidence.Evidence(
                "Indicator",
                INDICATORS[code].title,
                "Not kept",
                f"No monthly figure kept {when}: open the indicator to work it out now",
                reverse("performance:indicator", args=[code]),
            )
            continue
        denominator = "" if figure.denominator is None else f"{figure.numerator} of {figure.denominator:g}. "
        as_at = f"{latest.as_of:%-d %B %Y}, taken {_taken(latest.taken_at)}"
        out[code] = evidence.Evidence(
            "Indicator",
            figure.indicator.title,
            figure.shown,
            f"{denominator}As at {latest.as_of:%-d %B %Y} (monthly snapshot taken {_taken(latest.taken_at)})",
            reverse("performance:indicator", args=[code]) + f"?as_of={latest.as_of.isoformat()}",
            as_at,
        )
    return out


def _taken(moment) -> str:
    from core import clock

    local = moment.astimezone(clock.LONDON)
    return f"{local:%-d %B %Y at %H:%M}"


def for_area(area: str, user) -> list[evidence.Evidence]:
    items = list(figures(AREA_INDICATORS.get(area, ())).values())
    if area in (JudgementArea.LEADERS, JudgementArea.OVERALL):
        items += _oversight(user)
    return items


def _oversight(user) -> list[evidence.Evidence]:
    """Supervision, case supervision and key events overseen in time, for the whole authority."""
    from performance import oversight

    f = oversight.figures(user, None)
    period = f"{f.period_start:%-d %B %Y} to {f.today:%-d %B %Y}"
    url = reverse("performance_oversight:figures")
    rows = [
        ("Workers supervised within the standard", f.workers.total, "Now"),
        (
            f"Open cases discussed in case supervision in the last {f.case_supervision_weeks}",
            f.case_supervision.total,
            "Now",
        ),
        ("Key events with the manager's recorded oversight in time", f.key_events.total, period),
    ]
    return [
        evidence.Evidence(
            "Oversight",
            label,
            "No figure" if c.percent is None else f"{c.percent:g}%",
            f"{c.numerator} of {c.denominator}. {when}",
            url,
        )
        for label, c, when in rows
    ]


def register() -> None:
    evidence.register_indicators(catalogue, figures)
    evidence.register_source(for_area)
