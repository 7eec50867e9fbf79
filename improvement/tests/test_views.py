"""The pages: the plan with its RAG tags and the rule beside them, an action marked done by its
owner turning blue, the "how do we know" page, and who reads what."""

import datetime

import pytest
from django.urls import reverse

from improvement.models import Action
from workforce.roles import Role

D = datetime.date
pytestmark = pytest.mark.django_db


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_the_plan_shows_each_action_with_its_rag_and_the_rule(client, inspected, add_action, manager, leader):
    inspection, _, (first, second, _) = inspected
    add_action(first, manager, D(2025, 6, 10), description="Dip sample CIN plans")
    add_action(second, leader, D(2025, 5, 30), description="Commission supported lodgings")
    body = _get(client, leader, reverse("improvement:plan", args=[inspection.pk])).content.decode()
    assert "Amber: not done and due within 10 working days" in body
    assert "9 September 2025 (70 working days after the report of 2 June 2025)" in body
    dip = body.split("Dip sample CIN plans")[1].split("</li>")[0]
    lodgings = body.split("Commission supported lodgings")[1].split("</li>")[0]
    assert 'govuk-tag--yellow">At risk' in dip and 'govuk-tag--red">Overdue' in lodgings


def test_the_plan_is_a_fixed_number_of_queries(client, inspected, add_action, manager, leader):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    inspection, _, recommendations = inspected
    client.force_login(leader)
    url = reverse("improvement:plan", args=[inspection.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_action(recommendations[0], manager, D(2025, 6, 10), indicators=["cp_visits_in_time"], audit_themes=["voice"])
    queries()  # the first request of the session loads the calendar and local standards into their caches
    one = queries()
    for n in range(6):
        add_action(
            recommendations[n % 3],
            manager,
            D(2025, 6, 11 + n),
            indicators=["cp_visits_in_time"],
            audit_themes=["voice"],
        )
    assert queries() == one
    assert one <= 30


def test_the_owner_marks_their_action_done_and_its_tag_turns_blue(client, inspected, add_action, manager):
    inspection, _, (first, *_) = inspected
    action = add_action(first, manager, D(2025, 6, 10))
    client.force_login(manager)
    assert "Your improvement plan actions" in client.get(reverse("my_work")).content.decode()
    url = reverse("improvement:action_update", args=[action.pk])
    response = client.post(
        url, {"status": "done", "done_on_0": "2", "done_on_1": "6", "done_on_2": "2025", "progress": "Running weekly"}
    )
    assert response.status_code == 302
    body = client.get(reverse("improvement:plan", args=[inspection.pk])).content.decode()
    assert 'govuk-tag--blue">Complete' in body and "Running weekly" in body


def test_a_date_in_the_future_is_an_error_on_the_page_and_nothing_is_saved(client, inspected, add_action, manager):
    action = add_action(inspected[2][0], manager, D(2025, 6, 10))
    client.force_login(manager)
    response = client.post(
        reverse("improvement:action_update", args=[action.pk]),
        {"status": "done", "done_on_0": "9", "done_on_1": "6", "done_on_2": "2025"},
    )
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert Action.objects.get(pk=action.pk).status == "not_started"


def test_someone_elses_action_does_not_exist_for_a_worker(client, inspected, add_action, manager, worker):
    action = add_action(inspected[2][0], manager, D(2025, 6, 10))
    assert _get(client, worker, reverse("improvement:action_update", args=[action.pk])).status_code == 404
    assert _get(client, worker, reverse("improvement:inspection", args=[inspected[0].pk])).status_code == 404


def test_recording_an_inspection_with_its_judgements(client, today, qa):
    client.force_login(qa)
    response = client.post(
        reverse("improvement:inspection_new"),
        {
            "kind": "ilacs_standard",
            "started_on_0": "12",
            "started_on_1": "5",
            "started_on_2": "2025",
            "ended_on_0": "23",
            "ended_on_1": "5",
            "ended_on_2": "2025",
            "report_published_on_0": "2",
            "report_published_on_1": "6",
            "report_published_on_2": "2025",
            "grade_overall": "3",
            "grade_in_care": "2",
        },
    )
    assert response.status_code == 302
    body = client.get(response["Location"]).content.decode()
    assert "Requires improvement to be good" in body and "9 September 2025" in body


def test_how_do_we_know_draws_on_indicators_audits_and_oversight(client, inspected, leader, make_staff):
    body = _get(client, leader, reverse("improvement:how_do_we_know", args=["leaders"])).content.decode()
    assert "Judged <strong>requires improvement to be good</strong>" in body
    for source in ("Indicator", "Oversight", "Case audits"):
        assert f">{source}<" in body
    assert "Average caseload" in body or "caseload" in body.lower()
    assert (
        _get(
            client, make_staff(Role.SOCIAL_WORKER), reverse("improvement:how_do_we_know", args=["leaders"])
        ).status_code
        == 403
    )
    assert _get(client, leader, reverse("improvement:how_do_we_know", args=["nonsense"])).status_code == 404


def test_the_plan_reads_the_linked_indicators_from_the_latest_snapshot(
    client, inspected, add_action, manager, leader, clock
):
    from performance.services import snapshot_take

    inspection, _, (first, *_) = inspected
    add_action(
        first,
        manager,
        D(2025, 6, 10),
        description="Visit every child on a plan in time",
        indicators=["cp_visits_in_time"],
    )
    url = reverse("improvement:plan", args=[inspection.pk])
    before = _get(client, leader, url).content.decode().split("Visit every child on a plan in time")[1]
    # Before any snapshot nothing is worked out for the page: the indicator is offered instead.
    assert "Not kept" in before.split("</li>")[0]
    snapshot_take(D(2025, 5, 31))
    after = client.get(url).content.decode().split("Visit every child on a plan in time")[1].split("</li>")[0]
    assert 'href="/performance/indicators/cp_visits_in_time/?as_of=2025-05-31"' in after
    assert "Not kept" not in after and "No figure" in after  # nobody on a plan in the test authority
    assert "as at 31 May 2025, taken 2 June 2025 at 17:00" in client.get(url).content.decode()


def test_how_do_we_know_says_when_its_figures_were_taken(client, inspected, leader):
    from performance.services import snapshot_take

    url = reverse("improvement:how_do_we_know", args=["help_and_protection"])
    body = _get(client, leader, url).content.decode()
    assert "No monthly figure kept yet: open the indicator to work it out now" in body
    snapshot_take(D(2025, 5, 31))
    body = client.get(url).content.decode()
    assert "As at 31 May 2025 (monthly snapshot taken 2 June 2025 at" in body
    assert "No monthly figure kept" not in body
