"""Fixtures for LADO tests: a LADO officer, and the help-and-protection staff and child."""

import pytest

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
from workforce.roles import Role


@pytest.fixture
def lado(make_staff):
    return make_staff(Role.LADO_OFFICER, first_name="Lee", last_name="Designated")
