"""Reads: lists for one child, the chronology's filters, who may allocate, caseloads."""

import datetime

import pytest
from django.utils import timezone

from casework import selectors
from casework.choices import CaseNoteType
from casework.chronology import chronology_record
from casework.models import ChronologyEvent
from casework.selectors import ChronologyFilters
from casework.services import allocation_change
from casework.tests.factories import hours_ago, make_note, make_visit, upload
from people.services import person_create
from workforce.roles import Role


def london(*args) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def sibling(worker):
    return person_create(actor=worker, given_name="Amy", family_name="Smith", date_of_birth=datetime.date(2017, 5, 1))


def test_visits_are_the_childs_own_newest_first(worker, child, sibling):
    old = make_visit(actor=worker, child=child, visited_at=hours_ago(48))
    new = make_visit(actor=worker, child=child, visited_at=hours_ago(1))
    make_visit(actor=worker, child=sibling)
    assert list(selectors.visits_for_child(child)) == [new, old]
    assert selectors.visit_for_child(sibling, old.pk) is None


def test_case_notes_filter_by_type(worker, child):
    call = make_note(actor=worker, child=child, note_type=CaseNoteType.TELEPHONE)
    oversight = make_note(actor=worker, child=child, note_type=CaseNoteType.MANAGEMENT_OVERSIGHT)
    assert set(selectors.case_notes_for_child(child)) == {call, oversight}
    assert list(selectors.case_notes_for_child(child, note_type=CaseNoteType.MANAGEMENT_OVERSIGHT)) == [oversight]


def test_a_document_is_found_only_through_its_own_child(worker, child, sibling):
    make_note(actor=worker, child=child, upload=upload("report.pdf"))
    document = child.documents.get()
    assert selectors.document_for_child(child, document.pk) == document
    assert selectors.document_for_child(sibling, document.pk) is None


# --- Chronology ----------------------------------------------------------------------------


@pytest.fixture
def timeline(worker, child):
    """A visit, a note and a significant warning on known days (times in London)."""
    make_visit(actor=worker, child=child, visited_at=london(2025, 6, 1, 23, 30))  # 22:30 UTC, still 1 June here
    make_note(actor=worker, child=child, occurred_at=london(2025, 6, 3, 10, 0))
    chronology_record(
        child=child,
        event_type="warning.added",
        occurred_at=london(2025, 6, 5, 9, 0),
        actor=worker,
        data={"kind": "Dog at the address", "review_date": "01/12/2025"},
    )
    return child


def types(events):
    return [e.event_type for e in events]


def test_the_chronology_is_newest_first(timeline):
    # The record was created and allocated today, after these three.
    assert types(selectors.chronology_for_child(timeline))[-3:] == ["warning.added", "note.recorded", "visit.recorded"]


def test_the_chronology_filters_by_category(timeline):
    only = ChronologyFilters(categories=("visit", "note"))
    assert types(selectors.chronology_for_child(timeline, only)) == ["note.recorded", "visit.recorded"]


def test_the_date_range_is_whole_days_in_england(timeline):
    june_1 = ChronologyFilters(date_from=datetime.date(2025, 6, 1), date_to=datetime.date(2025, 6, 1))
    assert types(selectors.chronology_for_child(timeline, june_1)) == ["visit.recorded"]
    from_2nd = ChronologyFilters(date_from=datetime.date(2025, 6, 2), date_to=datetime.date(2025, 6, 5))
    assert types(selectors.chronology_for_child(timeline, from_2nd)) == ["warning.added", "note.recorded"]


def test_significant_only(timeline):
    significant = selectors.chronology_for_child(timeline, ChronologyFilters(significant_only=True))
    assert types(significant) == ["warning.added"]


def test_an_event_type_no_longer_registered_is_kept_under_record(timeline):
    ChronologyEvent.objects.create(child=timeline, event_type="retired.type", occurred_at=london(2025, 6, 2, 12, 0))
    found = selectors.chronology_for_child(timeline, ChronologyFilters(categories=("record",)))
    assert "retired.type" in types(found)


def test_entries_are_described_by_the_registry(timeline):
    entries = selectors.chronology_entries(
        selectors.chronology_for_child(timeline, ChronologyFilters(categories=("warning",)))
    )
    assert [(e.label, e.category, e.text, e.significant) for e in entries] == [
        ("Warning added", "Warnings", "Warning added: Dog at the address. Review by 01/12/2025.", True)
    ]


def test_the_chronology_is_one_query_whatever_its_length(timeline, django_assert_num_queries):
    for day in range(40):
        chronology_record(
            child=timeline,
            event_type="person.updated",
            occurred_at=london(2024, 1, 1) + datetime.timedelta(days=day),
            actor=timeline.created_by,
            data={"fields": ["Last name"]},
        )
    with django_assert_num_queries(1):
        entries = selectors.chronology_entries(selectors.chronology_for_child(timeline))
        assert len({str(e.event.recorded_by) for e in entries}) == 1


# --- Allocation ----------------------------------------------------------------------------


def test_who_may_change_the_allocation(child, worker, manager, make_staff, other_team):
    """The child's team's managers (access.capabilities.TABLE); not the worker, another team's
    manager, nor roles that only read (system administrators included: allocating is a manager's
    decision, and an administrator supports the system, not the case)."""
    from access.capabilities import Capability, may

    other_manager = make_staff(Role.TEAM_MANAGER, team=other_team)
    assert may(manager, Capability.ALLOCATE, child)
    assert not may(make_staff(Role.SYSTEM_ADMIN), Capability.ALLOCATE, child)
    assert not may(worker, Capability.ALLOCATE, child)
    assert not may(other_manager, Capability.ALLOCATE, child)
    assert not may(make_staff(Role.SENIOR_LEADER), Capability.ALLOCATE, child)


def test_workers_in_a_team_are_its_active_members_and_manager(team, worker, manager, make_staff, stranger):
    leaver = make_staff(Role.SOCIAL_WORKER, team=team)
    leaver.is_active = False
    leaver.save()
    assert set(selectors.workers_in_team(team)) == {worker, manager}


def test_caseloads_count_open_cases_per_worker_in_one_query(
    worker, manager, team, make_staff, stranger, other_team, django_assert_num_queries
):
    colleague = make_staff(Role.SOCIAL_WORKER, team=team)
    children = [
        person_create(
            actor=worker, given_name=f"Child{i}", family_name="Jones", date_of_birth=datetime.date(2016, 1, i + 1)
        )
        for i in range(3)
    ]
    # One moves to the colleague: it leaves the worker's caseload (the allocation is ended).
    allocation_change(actor=manager, child=children[0], team=team, worker=colleague, start_date=timezone.localdate())
    person_create(actor=stranger, given_name="Elsewhere", family_name="Brown", date_of_birth=datetime.date(2014, 2, 2))
    with django_assert_num_queries(1):
        counts = {user: user.open_cases for user in selectors.caseloads_for_teams([team.pk], user=manager)}
    assert counts == {worker: 2, colleague: 1, manager: 0}


def test_a_worker_who_has_left_stays_on_the_caseload_list_while_they_hold_cases(worker, team, make_staff, child):
    idle_leaver = make_staff(Role.SOCIAL_WORKER, team=team)
    for user in (worker, idle_leaver):
        user.is_active = False
        user.save()
    assert {u: u.open_cases for u in selectors.caseloads_for_teams([team.pk], user=make_staff(Role.SENIOR_LEADER))} == {
        worker: 1
    }
