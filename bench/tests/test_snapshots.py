"""The benchmark authority's monthly snapshots: the 24 month ends up to the last complete month
built when missing, and only what is missing, so a second run builds nothing."""

import datetime

import pytest

from bench import indicator_timing, snapshots
from performance.indicators import INDICATORS
from performance.models import IndicatorSnapshot

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_month_ends_are_the_24_up_to_the_last_complete_month():
    days = snapshots.month_ends_to(D(2026, 12, 3))
    assert len(days) == 24
    assert (days[0], days[-1]) == (D(2024, 12, 31), D(2026, 11, 30))


def test_the_missing_figures_are_built_once(team, django_assert_num_queries):
    from performance.services import snapshot_take

    today = D(2026, 5, 15)
    days = snapshots.month_ends_to(today)
    snapshot_take(days[-1])  # the latest month end kept already, by the nightly job say
    IndicatorSnapshot.objects.filter(as_of=days[-1], code="rereferrals_12m").delete()
    with django_assert_num_queries(1):
        todo = snapshots.missing(days)
    assert len(todo) == 24 and todo[days[-1]] == ["rereferrals_12m"]

    built = snapshots.ensure(today)
    assert built["days_built"] == 24 and built["month_ends"] == ["2024-05-31", "2026-04-30"]
    kept = IndicatorSnapshot.objects.filter(team__isnull=True)
    assert kept.count() == 24 * len(INDICATORS)
    assert set(kept.values_list("as_of", flat=True)) == set(days)
    with django_assert_num_queries(1):  # nothing left to build: one query to find that out
        again = snapshots.ensure(today)
    assert again["days_built"] == 0 and again["rows_written"] == 0


def test_a_changed_indicator_version_is_built_again(team):
    from performance.services import snapshot_take

    today = D(2026, 5, 15)
    days = snapshots.month_ends_to(today)
    for day in days:
        snapshot_take(day, codes=["cla_per_10k", "cla_sdq"])
    IndicatorSnapshot.objects.filter(code="cla_sdq").update(version=INDICATORS["cla_sdq"].version + 1)
    todo = snapshots.missing(days)
    assert "cla_sdq" in todo[days[0]] and "cla_per_10k" not in todo[days[0]]


def test_each_indicator_is_timed_live_for_the_last_31_march(team):
    assert indicator_timing.last_year_end(D(2026, 12, 3)) == D(2026, 3, 31)
    assert indicator_timing.last_year_end(D(2026, 3, 30)) == D(2025, 3, 31)
    timing = indicator_timing.measure(D(2026, 3, 31))
    assert [row["code"] for row in timing["indicators"]] == list(INDICATORS)
    assert timing["as_of"] == "2026-03-31" and timing["target_s"] == 2.0
    from performance.selectors import evaluate

    # The figures timed are the figures the indicator's page shows.
    for row in timing["indicators"]:
        figure = evaluate(row["code"], D(2026, 3, 31)).figure()
        assert (row["numerator"], row["denominator"]) == (figure.numerator, figure.denominator)
    assert timing["result"] == ("met" if all(r["seconds"] <= 2.0 for r in timing["indicators"]) else "missed")
