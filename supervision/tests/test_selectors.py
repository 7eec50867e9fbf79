"""Reads for supervision: the line of managers above a supervisor, which sessions each person
reads, when supervision is next due under the local standards, and a session's case discussions
filtered by the reader's access to each child."""

import datetime

import pytest

from children_in_need.testing import TODAY
from people.models import Person
from supervision import selectors
from supervision.tests.factories import days, discuss, supervise
from timescales.services import local_standard_set

pytestmark = pytest.mark.usefixtures("today")


def test_the_line_runs_from_a_service_manager_down_through_their_managers(manager, worker, teammate, service_manager):
    assert selectors.line_reports_of(service_manager) == {manager.pk, worker.pk, teammate.pk}
    assert selectors.line_reports_of(manager) == {worker.pk, teammate.pk}
    assert selectors.line_reports_of(worker) == set()


def test_a_loop_in_the_teams_managers_ends(manager, worker, team):
    worker_team = team
    from workforce.services import team_create

    loop = team_create(name="Loop team")
    loop.manager = worker
    loop.save()
    manager.team = loop
    manager.save()
    assert worker_team.manager == manager
    assert selectors.line_reports_of(manager) == {worker.pk}


def test_who_reads_which_sessions(manager, worker, teammate, other_manager, service_manager):
    mine = supervise(manager, worker, TODAY)
    theirs = supervise(manager, teammate, TODAY)
    assert set(selectors.sessions_visible_to(worker)) == {mine}
    assert set(selectors.sessions_visible_to(teammate)) == {theirs}
    assert set(selectors.sessions_visible_to(manager)) == {mine, theirs}
    assert set(selectors.sessions_visible_to(service_manager)) == {mine, theirs}
    assert not selectors.sessions_visible_to(other_manager).exists()


def test_supervision_is_due_four_weeks_from_the_last_one_or_from_the_start(manager, worker):
    worker.started_on = TODAY - days(60)
    worker.save()
    due = selectors.supervision_due_for_worker(user=worker)
    assert (due.due_on, due.last_held, due.is_overdue) == (TODAY - days(32), None, True)
    assert "Started in the service on" in due.trigger_description
    supervise(manager, worker, TODAY - days(27))
    due = selectors.supervision_due_for_worker(user=worker)
    assert (due.due_on, due.is_overdue) == (TODAY + days(1), False)
    assert "Last supervision on" in due.trigger_description


def test_a_local_standard_changes_the_interval(manager, worker):
    local_standard_set(actor=manager, rule_code="supervision", amount=6, unit="weeks", reason="Board decision")
    supervise(manager, worker, TODAY - days(30))
    assert selectors.supervision_due_for_worker(user=worker).due_on == TODAY - days(30) + days(42)


def test_fortnightly_only_in_the_first_months_of_the_asye(manager, worker):
    worker.asye_started_on = TODAY - datetime.timedelta(days=200)
    worker.save()
    supervise(manager, worker, TODAY - days(3))
    assert selectors.supervision_due_for_worker(user=worker).rule.code == "supervision"
    assert selectors.newly_qualified_on(worker, TODAY - days(100))


def test_a_sessions_case_discussions_are_only_those_of_children_the_reader_may_see(
    manager, worker, child, second_child, service_manager
):
    session = supervise(manager, worker, TODAY)
    discuss(manager, session, child)
    discuss(manager, session, second_child)
    Person.objects.filter(pk=second_child.pk).update(restricted=True)
    assert [d.child for d in selectors.case_discussions_in(session, user=manager)] == [child]
    assert selectors.case_discussions_in(session, user=service_manager) == []  # no team of theirs holds the child


def test_children_to_discuss_leave_out_those_already_discussed(manager, worker, child, second_child):
    session = supervise(manager, worker, TODAY)
    discuss(manager, session, child)
    assert list(selectors.children_to_discuss(session, user=manager)) == [second_child]
