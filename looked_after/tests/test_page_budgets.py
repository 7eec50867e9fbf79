"""What the benchmarked pages cost in queries for a looked-after child with a full record
(issue 7: no page above 30 SQL queries). The ceilings are what the pages cost today with a little
room; a change that adds a query per row or per provider shows up here."""

import datetime

import pytest
from django.urls import reverse

from casework.choices import VisitType
from looked_after import services
from looked_after.tests.factories import at, start_care, statutory_visit

D = datetime.date


@pytest.fixture
def full_record(worker, iro, manager, child, today):
    """Jay in care since 1 March 2025, with something in every table the looked-after provider reads."""
    start_care(worker, child, D(2025, 3, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 3, 5))
    services.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 3, 10))
    services.review_record(actor=iro, child=child, held_on=D(2025, 3, 25), participation="PN1")
    services.health_check_record(actor=worker, child=child, kind="iha", done_on=D(2025, 3, 20))
    services.health_check_record(actor=worker, child=child, kind="dental", done_on=D(2025, 4, 2))
    services.sdq_record(actor=worker, child=child, completed_on=D(2025, 4, 10), score=12)
    services.pep_record(actor=worker, child=child, held_on=D(2025, 3, 12))
    services.missing_start(
        actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22), returned_at=at(D(2025, 5, 31), 9)
    )
    statutory_visit(worker, child, at(D(2025, 3, 8), 10))
    statutory_visit(worker, child, at(D(2025, 4, 30), 10))
    return child


def _visit_form():
    return {
        "visit_date_0": "1",
        "visit_date_1": "6",
        "visit_date_2": "2025",
        "visit_time": "10:30",
        "visit_type": VisitType.STATUTORY_CLA,
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "voice_of_child": "Likes the new school.",
        "observations": "Settled with the carers.",
        "next_steps": "",
    }


def test_recording_a_visit_to_a_looked_after_child_is_at_most_30_queries(
    client, worker, full_record, django_assert_max_num_queries
):
    # The refresh after the visit skips the providers of areas the child is not in (41 queries before).
    client.force_login(worker)
    url = reverse("casework:visit_new", args=[full_record.pk])
    client.get(url)
    with django_assert_max_num_queries(30):
        response = client.post(url, _visit_form())
    assert response.status_code == 302
    assert full_record.visits.count() == 3


def test_the_case_summary_of_a_looked_after_child_is_bounded(
    client, worker, full_record, django_assert_max_num_queries
):
    # 22 before the badges of every area became one query.
    client.force_login(worker)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("people:summary", args=[full_record.pk])).status_code == 200


def test_my_work_and_my_team_are_bounded(client, worker, manager, full_record, django_assert_max_num_queries):
    client.force_login(worker)
    # 13 since My work shows the worker's supervision and the challenges addressed to them; 16 since
    # it shows their own induction items and mandatory training (the items, the courses, attendance);
    # 17 with their improvement plan actions (one query: improvement.selectors.tray_for).
    with django_assert_max_num_queries(17):
        assert client.get(reverse("my_work")).status_code == 200
    client.force_login(manager)
    # 23 since My team shows the weighted caseloads (the team's allocations, what each child's case
    # is, siblings, the weights, the limits, the FTEs) and the induction and training of the people
    # the manager line-manages; 24 with the team's unallocated tray (issue 13): a fixed number,
    # whatever the size of the teams; 25 with the manager's own improvement plan actions.
    with django_assert_max_num_queries(25):
        assert client.get(reverse("my_team")).status_code == 200
