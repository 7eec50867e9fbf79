"""The benchmark's own arithmetic and verdicts (no server, no database)."""

import random

from bench.data import misspell
from bench.report import verdict
from bench.stats import percentile, summarise


def test_percentiles_are_nearest_rank():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 100) == 100
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 95) is None


def test_summary_leaves_failed_requests_out_of_the_latencies_but_counts_them():
    samples = [{"ms": 10.0, "ok": True, "sql_ms": 2.0, "queries": 8}] * 9 + [
        {"ms": 5000.0, "ok": False, "sql_ms": None, "queries": None}
    ]
    summary = summarise(samples, seconds=5)
    assert summary["requests"] == 10 and summary["errors"] == 1
    assert summary["p95_ms"] == 10.0 and summary["max_ms"] == 10.0
    assert summary["throughput_rps"] == 1.8
    assert summary["sql_p50_ms"] == 2.0 and summary["queries_max"] == 8


def _scenario(**overrides):
    base = {"target_p95_ms": 100, "p95_ms": 80.0, "errors": 0, "queries_max": 12, "query_limit": 30}
    return {**base, **overrides}


def test_verdict_names_every_reason_a_target_is_missed():
    assert verdict(_scenario()) == "met"
    assert verdict(_scenario(p95_ms=101.0)) == "MISSED: p95 over target"
    assert verdict(_scenario(queries_max=31)) == "MISSED: over the query limit"
    assert verdict(_scenario(errors=2, p95_ms=None)) == "MISSED: 2 errors, p95 over target"
    # A page without a latency target is still held to the query limit.
    assert verdict(_scenario(target_p95_ms=None, p95_ms=900.0)) == "met (query limit; no p95 target)"
    assert verdict(_scenario(target_p95_ms=None, queries_max=40)) == "MISSED: over the query limit"
    assert verdict(_scenario(unavailable="no managers")) == "not available"


def test_misspellings_are_one_slip_in_the_last_name():
    rng = random.Random(3)
    for name in ["Okonkwo", "Sarah Whitfield", "Nowak"]:
        wrong = misspell(name, rng)
        assert wrong.split(" ")[:-1] == name.split(" ")[:-1]
        assert wrong[0] == name[0]  # people rarely mistype the first letter
        assert abs(len(wrong) - len(name)) <= 1
    assert misspell("Li", rng) == "Li"  # too short to misspell recognisably


def test_the_returns_are_timed_for_the_last_complete_collection_year():
    import datetime

    from bench.returns_timing import collection_year

    assert collection_year(datetime.date(2026, 12, 2)) == 2026  # the year that ended 31 March 2026
    assert collection_year(datetime.date(2026, 3, 31)) == 2026
    assert collection_year(datetime.date(2026, 3, 30)) == 2025


def test_a_builder_that_cannot_be_imported_says_why():
    from bench.returns_timing import _function

    assert _function("bench.no_such_module", "build") == (None, "bench.no_such_module is not on this branch")
    assert _function("bench.stats", "no_such_function") == (None, "bench.stats.no_such_function is not on this branch")
    assert _function("bench.stats", "percentile")[1] == ""


def _step(users, p95, rps, errors=0):
    return {"users": users, "p95_ms": p95, "throughput_rps": rps, "errors": errors}


def test_capacity_is_the_throughput_of_the_last_step_within_the_target():
    from bench.capacity import summarise

    found = summarise(
        {"target_p95_ms": 150, "steps": [_step(20, 40.0, 19.0), _step(60, 90.0, 55.0), _step(100, 400.0, 61.0)]}
    )
    assert found["capacity_rps"] == 55.0 and found["capacity_users"] == 60
    assert found["passed_target_at_users"] == 100 and found["rps_when_passed"] == 61.0


def test_a_step_with_failed_requests_ends_the_capacity_run_as_if_slow():
    from bench.capacity import summarise

    found = summarise({"target_p95_ms": 150, "steps": [_step(20, 40.0, 19.0), _step(40, 90.0, 30.0, errors=3)]})
    assert found["capacity_rps"] == 19.0 and found["passed_target_at_users"] == 40
    never = summarise({"target_p95_ms": 150, "steps": [_step(20, 40.0, 19.0)]})
    assert never["passed_target_at_users"] is None and never["capacity_rps"] == 19.0


def test_capacity_raises_the_users_until_the_p95_passes_the_target():
    from bench.capacity import run
    from bench.load import Scenario

    tried = []

    def measure(scenario, users):
        tried.append(users)
        return {
            "requests": users * 10,
            "errors": 0,
            "throughput_rps": users * 0.9,
            "p50_ms": 20.0,
            "p95_ms": 60.0 if users < 80 else 200.0,
            "app_cpu_ms_per_request": 10.0,
            "db_cpu_ms_per_request": 3.0,
        }

    found = run(Scenario("case_summary", "Case summary", 150, [], None), measure, start=20, most=300)
    assert tried == [20, 40, 60, 80]
    assert found["capacity_users"] == 60 and found["passed_target_at_users"] == 80
