"""What the harness reads from the authority: who it signs in, and as whom the server sees them."""

import datetime
import random

import pytest

from bench import data
from workforce.roles import Role


@pytest.fixture
def held_child(make_staff, team):
    from casework.services import allocation_change
    from people.services import person_create

    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    manager = make_staff(Role.TEAM_MANAGER, team=team)
    team.manager = manager
    team.save()
    child = person_create(
        actor=worker, given_name="Amara", family_name="Okonkwo", date_of_birth=datetime.date(2016, 5, 1)
    )
    allocation_change(actor=manager, child=child, team=team, worker=worker, start_date=datetime.date.today())
    return worker, manager, child


def test_the_server_accepts_the_harness_sign_in_as_that_member_of_staff(client, held_child):
    worker, _, child = held_child
    client.cookies["sessionid"] = data.sign_in(worker)
    response = client.get("/my-work/")
    assert response.status_code == 200
    assert response.wsgi_request.user == worker
    assert child.family_name in response.content.decode()


def test_social_workers_are_those_holding_children_with_their_children(held_child, make_staff, team):
    worker, _, child = held_child
    make_staff(Role.SOCIAL_WORKER, team=team)  # holds nobody: not a useful simulated user
    workers = data.social_workers(20, rng=random.Random(1))
    assert [(w.pk, w.children) for w in workers] == [(worker.pk, [child.pk])]
    assert workers[0].session_key


def test_managers_are_those_with_a_team(held_child):
    _, manager, _ = held_child
    assert [m.pk for m in data.managers(20)] == [manager.pk]


def test_names_to_search_come_from_the_authority(held_child, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        names = data.names_to_search(10, rng=random.Random(4))
    assert names and all(name.split(" ")[-1][0] == "O" for name in names)


def test_row_counts_say_how_big_the_authority_is(held_child):
    counts = data.row_counts()
    assert counts["people"] == 1 and counts["staff"] == 2
