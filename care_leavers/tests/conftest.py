"""Fixtures for care leaver tests: the help-and-protection staff (children_in_need.testing), a
young person turning 16 on 10 September 2024, and personal advisers."""

import datetime

import pytest

from children_in_need.testing import manager, other_team, stranger, today, worker  # noqa: F401
from workforce.roles import Role

BORN = datetime.date(2008, 9, 10)  # 16 on 10 September 2024, 18 on 10 September 2026


@pytest.fixture
def young_person(worker):
    from people.services import person_create

    return person_create(actor=worker, given_name="Tyler", family_name="Brown", date_of_birth=BORN)


@pytest.fixture
def adviser(make_staff):
    return make_staff(Role.PERSONAL_ADVISER, first_name="Pat", last_name="Adviser")


@pytest.fixture
def other_adviser(make_staff):
    return make_staff(Role.PERSONAL_ADVISER, first_name="Priya", last_name="Other")
