"""Reads: the journey in a fixed number of queries, and the work trays, each one query."""

import datetime

import pytest

from assessments.selectors import assessments_awaiting_authorisation, assessments_returned_to
from assessments.services import assessment_return
from children_in_need.selectors import journey_for_child
from children_in_need.testing import (
    at,
    decide_referral,
    make_assessment,
    make_contact,
    make_cp_plan,
    make_referral,
    make_visit,
    submit_assessment,
)
from people.services import person_create
from trays import selectors as trays
from workforce.roles import Role

D = datetime.date


@pytest.fixture
def on(clock):
    return lambda day, hour=17: clock.travel_to(at(day, hour))


def test_the_journey_loads_in_a_fixed_number_of_queries(worker, child, on, django_assert_num_queries):
    on(D(2025, 6, 2))
    make_contact(worker, child, received_at=at(D(2025, 5, 30), 9))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    with django_assert_num_queries(
        11
    ):  # contacts, episodes, and one per kind of record in them (conference bookings too)
        journey = journey_for_child(child)
    assert journey.open_cp_plan is not None and journey.open_episode is not None
    assert len(journey.undecided_contacts) == 1


def test_the_worker_trays_split_overdue_from_due_soon(worker, child, on, django_assert_num_queries):
    on(D(2025, 6, 2))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))  # core group by 16 June, visit by 16 June, RCPC by 2 Sept
    on(D(2025, 6, 10))
    with django_assert_num_queries(1):
        soon = {item.rule_code for item in trays.due_soon_for_worker(user=worker)}
    assert soon == {"core_group_first_10wd", "cp_visit"}  # 16 June is within 7 days of 10 June
    assert not trays.overdue_for_worker(user=worker).exists()
    on(D(2025, 6, 17))
    with django_assert_num_queries(1):
        overdue = [item for item in trays.overdue_for_worker(user=worker)]
    assert {i.rule_code for i in overdue} == {"core_group_first_10wd", "cp_visit"}
    assert overdue[0].person.full_name == "Jay Smith"  # the child comes with the item, no extra query


def test_the_team_trays_show_overdue_by_worker_and_children_not_seen(
    worker, manager, child, make_staff, team, on, django_assert_num_queries
):
    on(D(2025, 6, 2))
    colleague = make_staff(Role.SOCIAL_WORKER, team=team, first_name="Ash", last_name="Colleague")
    other_child = person_create(actor=colleague, given_name="Lee", family_name="Jones", date_of_birth=D(2016, 1, 1))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    make_cp_plan(colleague, other_child, referral_on=D(2025, 6, 2))
    on(D(2025, 6, 12))
    make_visit(colleague, other_child, at(D(2025, 6, 12), 10))
    on(D(2025, 6, 17))
    with django_assert_num_queries(1):
        not_seen = list(trays.children_not_seen(user=manager))
    assert [(i.person, i.rule_code) for i in not_seen] == [(child, "cp_visit")]
    with django_assert_num_queries(1):
        overdue = list(trays.team_overdue(user=manager))
    assert [i.worker for i in overdue] == [colleague, worker, worker]  # by worker's name, then due date
    assert {i.rule_code for i in trays.team_overdue(user=manager, worker_id=worker.pk, rule_code="cp_visit")} == {
        "cp_visit"
    }
    counts = {row["worker_id"]: (row["n"], row["visits"]) for row in trays.team_overdue_counts(user=manager)}
    assert counts == {worker.pk: (2, 1), colleague.pk: (1, 0)}


def test_a_manager_of_another_team_sees_none_of_it(worker, child, make_staff, other_team, on):
    on(D(2025, 6, 2))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    on(D(2025, 7, 1))
    outsider = make_staff(Role.TEAM_MANAGER, team=other_team)
    other_team.manager = outsider
    other_team.save()
    assert not trays.team_overdue(user=outsider).exists() and not trays.children_not_seen(user=outsider).exists()


def test_authorisations_waiting_and_returned_to_me_are_one_query_each(
    worker, manager, child, on, django_assert_num_queries
):
    on(D(2025, 6, 2))
    decide_referral(worker, make_referral(worker, child))
    assessment = submit_assessment(worker, make_assessment(worker, child))
    with django_assert_num_queries(1):
        assert list(assessments_awaiting_authorisation(user=manager)) == [assessment]
    assessment_return(actor=manager, assessment=assessment, comments="More on the father.")
    with django_assert_num_queries(1):
        assert [a.pk for a in assessments_returned_to(user=worker)] == [assessment.pk]
    assert not assessments_awaiting_authorisation(user=manager).exists()
