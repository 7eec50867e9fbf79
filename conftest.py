"""Fixtures shared by every test: staff in each role, and teams."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# beside one unless told it is safe. It is: the browser is in another process.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

TEST_PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def team(db):
    from workforce.services import team_create

    return team_create(name="Assessment Team West")


@pytest.fixture
def make_staff(db):
    """make_staff(role, team=None, username=None) creates a member of staff who can sign in."""
    from workforce.services import staff_create

    counter = {"n": 0}

    def make(role, team=None, username=None, first_name="Alex", last_name=None):
        counter["n"] += 1
        return staff_create(
            username=username or f"{role}.{counter['n']}",
            first_name=first_name,
            last_name=last_name or f"Tester{counter['n']}",
            role=role,
            team=team,
            password=TEST_PASSWORD,
        )

    return make
