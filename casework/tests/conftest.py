"""Fixtures for casework tests: a team, its social worker and manager, a child allocated to them,
a worker in another team, and uploads kept in a temporary folder."""

import datetime

import pytest

from workforce.roles import Role


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team, first_name="Sam", last_name="Worker")


@pytest.fixture
def manager(make_staff, team):
    manager = make_staff(Role.TEAM_MANAGER, team=team, first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    return manager


@pytest.fixture
def child(worker):
    from people.models import Person
    from people.services import person_create

    return person_create(
        actor=worker, given_name="Jonathan", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27)
    )


@pytest.fixture
def other_team():
    from workforce.services import team_create

    return team_create(name="Children in Care Team East")


@pytest.fixture
def stranger(make_staff, other_team):
    """A social worker in another team: may not see the child."""
    return make_staff(Role.SOCIAL_WORKER, team=other_team, first_name="Stella", last_name="Stranger")
