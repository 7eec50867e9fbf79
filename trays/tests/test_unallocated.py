"""Issue 13, hand-off 1: the front door sends a referral to a team; it waits in that team's
unallocated tray (how long it has waited, what is due) until the team manager allocates it."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Allocation
from people.models import Person
from people.services import person_create
from workforce.roles import Role
from workforce.services import team_create


@pytest.fixture
def mash(make_staff):
    return make_staff(Role.MASH_WORKER, team=team_create(name="MASH"), first_name="Mo", last_name="Front")


@pytest.fixture
def manager(make_staff, team):
    manager = make_staff(Role.TEAM_MANAGER, team=team, first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    return manager


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Worker")


@pytest.fixture
def child(mash):
    return person_create(actor=mash, given_name="Kai", family_name="Newton", date_of_birth=datetime.date(2016, 5, 1))


def _post(team, worker=None, reason="new_case"):
    day = timezone.localdate()
    return {
        "team": team.pk,
        "worker": worker.pk if worker else "",
        "start_date_0": str(day.day),
        "start_date_1": str(day.month),
        "start_date_2": str(day.year),
        "reason": reason,
    }


def _send(client, mash, child, team):
    client.force_login(mash)
    return client.post(reverse("casework:allocation", args=[child.pk]), _post(team), follow=True)


def test_the_front_door_sends_a_child_to_a_team_without_naming_a_worker(client, mash, child, team):
    response = _send(client, mash, child, team)
    assert f"sent to {team.name}’s unallocated tray" in response.content.decode()
    child = Person.objects.get(pk=child.pk)
    assert child.current_team == team and child.current_worker is None
    assert Allocation.objects.get(child=child, end_date__isnull=True).allocated_by == mash


def test_the_team_manager_sees_the_child_in_the_unallocated_tray_with_its_age(
    client, mash, child, team, manager, clock
):
    _send(client, mash, child, team)
    client.force_login(manager)
    body = client.get(reverse("my_team")).content.decode()
    tray = body.split('data-testid="tray-unallocated"')[1].split("</table>")[0]
    assert "Kai Newton" in tray and "0 days" in tray and reverse("casework:allocation", args=[child.pk]) in tray


def test_the_team_manager_finds_the_sent_child_in_search(client, mash, child, team, manager):
    _send(client, mash, child, team)
    client.force_login(manager)
    body = client.get(reverse("people:search"), {"name": "Kai Newton"}).content.decode()
    assert reverse("people:summary", args=[child.pk]) in body


def test_the_team_manager_allocates_from_the_tray_and_it_leaves_the_tray(client, mash, child, team, manager, worker):
    _send(client, mash, child, team)
    client.force_login(manager)
    response = client.post(reverse("casework:allocation", args=[child.pk]), _post(team, worker), follow=True)
    assert "Kai Newton allocated to Sam Worker" in response.content.decode()
    body = client.get(reverse("my_team")).content.decode()
    tray = body.split('data-testid="tray-unallocated"')[1].split("</table>")[0]
    assert "Kai Newton" not in tray


def test_another_teams_manager_does_not_see_the_child_in_their_tray(client, mash, child, team, make_staff):
    _send(client, mash, child, team)
    other = team_create(name="Other Team")
    stranger = make_staff(Role.TEAM_MANAGER, team=other)
    other.manager = stranger
    other.save()
    client.force_login(stranger)
    body = client.get(reverse("my_team")).content.decode()
    assert "Kai Newton" not in body


def test_the_front_door_home_page_offers_a_new_contact(client, mash):
    client.force_login(mash)
    body = client.get(reverse("front_door_queue:queue")).content.decode()
    assert "New contact" in body and reverse("people:search") + "?purpose=contact" in body


def test_a_new_contact_starts_from_search_and_leads_to_the_contact_form(client, mash, child):
    client.force_login(mash)
    body = client.get(reverse("people:search"), {"name": "Kai Newton", "purpose": "contact"}).content.decode()
    assert reverse("front_door:contact_new", args=[child.pk]) in body
    assert reverse("people:child_new") + "?purpose=contact" in body


def test_a_child_added_for_a_new_contact_goes_straight_to_the_contact_form(client, mash):
    client.force_login(mash)
    response = client.post(
        reverse("people:child_new") + "?purpose=contact",
        {
            "given_name": "Lena",
            "family_name": "Unknown",
            "date_of_birth_0": "3",
            "date_of_birth_1": "4",
            "date_of_birth_2": "2019",
            "sex": "F",
        },
    )
    child = Person.objects.get(family_name="Unknown")
    assert response.status_code == 302 and response.url == reverse("front_door:contact_new", args=[child.pk])
