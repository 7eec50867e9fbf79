"""Fixtures for staff records: a team with its manager and a social worker holding a child
(children_in_need.testing), another team's manager, and the workforce lead."""

import pytest

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
from workforce.roles import Role


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.WORKFORCE_LEAD, first_name="Nadia", last_name="Lead")


@pytest.fixture
def other_manager(make_staff, other_team):
    manager = make_staff(Role.TEAM_MANAGER, team=other_team, first_name="Olu", last_name="Othermanager")
    other_team.manager = manager
    other_team.save()
    return manager


@pytest.fixture(autouse=True)
def _configuration(db):
    """The checklists, courses, weights and limits the migrations seed (caseloads.testing)."""
    from caseloads.testing import seed_configuration

    seed_configuration()
