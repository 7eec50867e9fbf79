"""The benchmark's plan and assessment scenarios, run once each through the test client on the small
generated authority (the whole benchmark runs on the large one, never in the suite): each worker's
pages are the plans and assessments of the children they hold, each page answers as that worker
with its content, and within the benchmark's limit of queries."""

import random

from django.test import Client

from bench import data, scenarios
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401


def _built(small_authority):
    workers = data.social_workers(20, rng=random.Random(1))
    plan = scenarios.build(
        social_workers=workers,
        managers=[],
        searchers=[],
        names=[],
        cp_plans=data.record_pages(workers, "cp_plan"),
        assessments=data.record_pages(workers, "assessment"),
    )
    return {s.name: s for s in plan}


def _run_every_page(scenario, django_assert_max_num_queries, *expected):
    """Each worker's pages, as that worker: 200, with the content the page is about."""
    assert scenario.workers and not scenario.unavailable
    for worker in scenario.workers:
        client = Client()
        client.cookies["sessionid"] = worker.session_key
        for path in worker.pages:
            with django_assert_max_num_queries(scenarios.QUERY_LIMIT):
                response = client.get(path)
            assert response.status_code == 200, path
            body = response.content.decode()
            assert all(text in body for text in expected), path


def test_the_cp_plan_scenario_reads_each_workers_plans_with_their_outcomes_and_actions(
    small_authority, django_assert_max_num_queries
):
    from child_protection.models import ChildProtectionPlan

    scenario = _built(small_authority)["cp_plan"]
    assert scenario.target_p95_ms == 150
    paths = {p for w in scenario.workers for p in w.pages}
    held = set(
        ChildProtectionPlan.objects.filter(
            end_date__isnull=True, child__current_worker__role="social_worker"
        ).values_list("child_id", "pk")
    )
    assert paths == {f"/people/{child}/plans/cp/{plan}/" for child, plan in held}
    _run_every_page(scenario, django_assert_max_num_queries, "How we will know", "Due by")


def test_the_assessment_scenario_reads_each_workers_authorised_assessments_with_their_sections(
    small_authority, django_assert_max_num_queries
):
    scenario = _built(small_authority)["assessment"]
    assert scenario.target_p95_ms == 150
    _run_every_page(scenario, django_assert_max_num_queries, "Analysis")


def test_a_kind_of_record_page_the_benchmark_does_not_know_is_refused(small_authority):
    import pytest

    with pytest.raises(ValueError, match="No record pages"):
        data.record_pages([], "letters")
