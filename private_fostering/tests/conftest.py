"""Fixtures for private fostering tests: staff and a child (children_in_need.testing), and the
private fostering officer."""

import pytest

from children_in_need.testing import child, manager, other_team, stranger, today, worker  # noqa: F401
from workforce.roles import Role


@pytest.fixture
def officer(make_staff):
    return make_staff(Role.PRIVATE_FOSTERING_OFFICER, first_name="Fran", last_name="Officer")
