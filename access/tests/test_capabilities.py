"""The capability table itself: who may record what, by role and by relationship to the child."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from access import capabilities
from access.capabilities import TABLE, Capability, Relationship, capabilities_for, may, require, stands_in
from access.services import restricted_access_grant
from people import services as people_services
from people.models import Person
from workforce.roles import Role
from workforce.services import team_create


@pytest.fixture
def setting(make_staff, team):
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    teammate = make_staff(Role.SOCIAL_WORKER, team=team)
    manager = make_staff(Role.TEAM_MANAGER)  # manages the team without being in it
    team.manager = manager
    team.save()
    other_team = team_create(name="Other team")
    stranger = make_staff(Role.SOCIAL_WORKER, team=other_team)
    mash = make_staff(Role.MASH_WORKER)
    child = people_services.person_create(
        actor=worker, given_name="Maya", family_name="Patel", date_of_birth=datetime.date(2016, 5, 1)
    )
    unallocated = people_services.person_create(
        actor=mash, given_name="Noor", family_name="Ali", date_of_birth=datetime.date(2018, 1, 2)
    )
    return locals()


def test_allocated_is_the_childs_worker_their_team_and_its_managers(setting):
    child = setting["child"]
    for who in ("worker", "teammate", "manager"):
        assert stands_in(setting[who], child, Relationship.ALLOCATED), who
    assert not stands_in(setting["stranger"], child, Relationship.ALLOCATED)
    assert not stands_in(setting["worker"], setting["unallocated"], Relationship.ALLOCATED)


def test_a_worker_named_on_a_child_of_another_team_is_allocated_too(setting):
    child, stranger = setting["child"], setting["stranger"]
    Person.objects.filter(pk=child.pk).update(current_worker=stranger)
    child.refresh_from_db()
    assert stands_in(stranger, child, Relationship.ALLOCATED)


def test_unallocated_is_a_child_with_no_team_and_no_worker(setting):
    assert stands_in(setting["mash"], setting["unallocated"], Relationship.UNALLOCATED)
    assert not stands_in(setting["mash"], setting["child"], Relationship.UNALLOCATED)


def test_any_is_any_child(setting):
    assert stands_in(setting["stranger"], setting["child"], Relationship.ANY)


@pytest.mark.parametrize("relationship", [Relationship.CHAIRED, Relationship.ADVISED, Relationship.PRIVATELY_FOSTERED])
def test_a_relationship_an_area_registers_is_asked_of_that_area(setting, monkeypatch, relationship):
    asked = []

    def test(user, child):
        asked.append((user, child))
        return user == setting["stranger"]

    monkeypatch.setitem(capabilities._RELATIONSHIP_TESTS, relationship, test)
    assert stands_in(setting["stranger"], setting["child"], relationship)
    assert not stands_in(setting["worker"], setting["child"], relationship)
    assert asked == [(setting["stranger"], setting["child"]), (setting["worker"], setting["child"])]


def test_a_relationship_no_area_registered_is_never_held(setting, monkeypatch):
    monkeypatch.delitem(capabilities._RELATIONSHIP_TESTS, Relationship.ADVISED, raising=False)
    assert not stands_in(setting["worker"], setting["child"], Relationship.ADVISED)


def test_the_allocated_worker_records_and_the_front_door_takes_the_unallocated(setting):
    child, unallocated = setting["child"], setting["unallocated"]
    assert may(setting["worker"], Capability.RECORD_CASEWORK, child)
    assert may(setting["manager"], Capability.ALLOCATE, child)
    assert not may(setting["worker"], Capability.ALLOCATE, child)
    assert not may(setting["worker"], Capability.RECORD_CASEWORK, unallocated)
    assert may(setting["mash"], Capability.RECORD_CASEWORK, unallocated)
    assert not may(setting["mash"], Capability.RECORD_CASEWORK, child)
    assert may(setting["mash"], Capability.RECORD_FRONT_DOOR, child)  # the front door screens any child


# What is written on a child's record (the rest are about the whole authority: returns, access, merging).
ON_A_CHILD = set(Capability) - {
    Capability.RUN_RETURNS,
    Capability.PREPARE_BOARD_PACK,
    Capability.MANAGE_ACCESS,
    Capability.MERGE_RECORDS,
    Capability.RECORD_ALLEGATION,
    Capability.RECORD_SUPERVISION,
    Capability.SIGN_SUPERVISION,
    Capability.SET_UP_AUDITS,
    Capability.RECORD_IMPROVEMENT_PLAN,
    Capability.UPDATE_IMPROVEMENT_ACTION,
    Capability.MANAGE_LETTER_TEMPLATES,
}


@pytest.mark.parametrize("role", [Role.QA_OFFICER, Role.SENIOR_LEADER, Role.SYSTEM_ADMIN, Role.LADO_OFFICER])
def test_roles_that_read_across_the_authority_record_nothing_on_a_child(setting, make_staff, role):
    reader = make_staff(role)
    for child in (setting["child"], setting["unallocated"]):
        assert not capabilities_for(reader, child) & ON_A_CHILD, role
        with pytest.raises(PermissionDenied):
            require(reader, Capability.RECORD_CASEWORK, child)


def test_a_restricted_child_is_never_writable_without_a_grant(setting, make_staff):
    child, worker = setting["child"], setting["worker"]
    admin = make_staff(Role.SYSTEM_ADMIN)
    people_services.person_set_restricted(actor=admin, person=child, restricted=True)
    child.refresh_from_db()
    for who in ("worker", "teammate", "manager"):
        assert capabilities_for(setting[who], child) == frozenset(), who
        assert not may(setting[who], Capability.RECORD_CASEWORK, child), who
    restricted_access_grant(
        actor=admin,
        person=child,
        user=worker,
        reason="Allocated worker",
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    assert may(worker, Capability.RECORD_CASEWORK, child)
    assert not may(setting["teammate"], Capability.RECORD_CASEWORK, child)


def test_an_inactive_user_may_do_nothing(setting):
    worker, child = setting["worker"], setting["child"]
    worker.is_active = False
    worker.save()
    assert capabilities_for(worker, child) == frozenset()
    for capability in Capability:
        assert not may(worker, capability, child)
        assert not may(worker, capability)


def test_capabilities_for_gives_the_same_answer_as_may_for_every_capability(setting, make_staff):
    users = [setting["worker"], setting["manager"], setting["stranger"], setting["mash"]]
    users += [make_staff(role) for role in (Role.IRO, Role.QA_OFFICER, Role.PRIVATE_FOSTERING_OFFICER)]
    for user in users:
        for child in (setting["child"], setting["unallocated"], None):
            held = capabilities_for(user, child)
            assert held == {c for c in Capability if may(user, c, child)}, (user.role, child)


def test_every_capability_has_an_entry_and_every_entry_names_real_roles():
    assert set(TABLE) == set(Capability)
    for entry in TABLE.values():
        assert set(entry) <= set(Role)
