"""Fixtures for caseloads: a team with its manager and a social worker holding a child
(children_in_need.testing), and the workforce lead."""

import pytest

from children_in_need.testing import child, manager, other_team, today, worker  # noqa: F401
from workforce.roles import Role


@pytest.fixture
def lead(make_staff):
    return make_staff(Role.WORKFORCE_LEAD, first_name="Nadia", last_name="Lead")


@pytest.fixture
def teammate(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team, first_name="Tess", last_name="Teammate")


@pytest.fixture
def new_child(worker):
    from people.services import person_create

    def make(given="Riley", family="Smith", dob=None):
        import datetime

        return person_create(
            actor=worker, given_name=given, family_name=family, date_of_birth=dob or datetime.date(2016, 1, 1)
        )

    return make


@pytest.fixture(autouse=True)
def _configuration(db):
    """The checklists, courses, weights and limits the migrations seed (caseloads.testing)."""
    from caseloads.testing import seed_configuration

    seed_configuration()
