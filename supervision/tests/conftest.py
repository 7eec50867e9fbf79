"""Fixtures for supervision tests: a team with its manager and a social worker who holds a child
(children_in_need.testing), another team, and helpers that record through the services."""

import datetime

import pytest

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
from workforce.roles import Role

D = datetime.date


@pytest.fixture
def second_child(worker):
    from people.services import person_create

    return person_create(actor=worker, given_name="Riley", family_name="Jones", date_of_birth=D(2017, 8, 1))


@pytest.fixture
def other_manager(make_staff, other_team):
    manager = make_staff(Role.TEAM_MANAGER, team=other_team, first_name="Olu", last_name="Othermanager")
    other_team.manager = manager
    other_team.save()
    return manager


@pytest.fixture
def teammate(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team, first_name="Tess", last_name="Teammate")


@pytest.fixture
def service_manager(make_staff, manager):
    """The manager's own manager: the manager sits in a team the service manager manages."""
    from workforce.services import team_create

    service = team_create(name="Service management")
    head = make_staff(Role.TEAM_MANAGER, team=service, first_name="Sasha", last_name="Service")
    service.manager = head
    service.save()
    manager.team = service
    manager.save()
    return head
