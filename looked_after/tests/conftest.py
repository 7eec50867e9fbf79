"""Fixtures for looked-after tests: the help-and-protection staff and child (a social worker in
"Assessment Team West" who holds Jay Smith, born 27 March 2015, and their manager), an IRO, a
worker in another team, and `today`: the clock frozen on Monday 2 June 2025 at 17:00."""

import pytest

from children_in_need.testing import child, manager, today, worker  # noqa: F401
from workforce.roles import Role


@pytest.fixture
def iro(make_staff):
    from workforce.services import team_create

    team = team_create(name="Independent Reviewing Service")
    return make_staff(Role.IRO, team=team, first_name="Irene", last_name="Reviewer")


@pytest.fixture
def stranger(make_staff):
    from workforce.services import team_create

    team = team_create(name="Children in Care Team East")
    return make_staff(Role.SOCIAL_WORKER, team=team, first_name="Stella", last_name="Stranger")


@pytest.fixture
def on(clock):
    """on(day): move the clock to 17:00 that day."""
    from children_in_need.testing import at

    return lambda day: clock.travel_to(at(day, 17))
