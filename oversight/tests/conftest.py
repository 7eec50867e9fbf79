"""Fixtures for oversight tests: the child, their worker and team manager (children_in_need.testing),
an IRO and the line of management above the team manager."""

import pytest

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
from workforce.roles import Role


@pytest.fixture(autouse=True)
def oversight_started(db):
    """The tests' key events (2025) are after the day the authority started asking for oversight."""
    import datetime

    from oversight.services import oversight_start_set

    oversight_start_set(starts_on=datetime.date(2025, 1, 1))


@pytest.fixture
def iro(make_staff):
    return make_staff(Role.IRO, first_name="Irene", last_name="Reviewer")


@pytest.fixture
def service_manager(make_staff):
    return make_staff(Role.SERVICE_MANAGER, first_name="Sian", last_name="Service")


@pytest.fixture
def head(make_staff):
    return make_staff(Role.HEAD_OF_SERVICE, first_name="Hari", last_name="Head")


@pytest.fixture
def director(make_staff):
    return make_staff(Role.DIRECTOR, first_name="Dina", last_name="Director")
