"""Reads: every open arrangement with its next visit, in one query."""

import datetime

import pytest

from people.services import person_create
from private_fostering import selectors, services
from private_fostering.tests.factories import notify

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def test_open_arrangements_with_their_next_visit_soonest_first(officer, worker, child):
    later = notify(officer, child, D(2025, 6, 2))
    other = person_create(actor=worker, given_name="Ana", family_name="Lopes", date_of_birth=D(2012, 2, 2))
    sooner = notify(officer, other, D(2025, 5, 20))
    ended_child = person_create(actor=worker, given_name="Ben", family_name="Ng", date_of_birth=D(2013, 3, 3))
    ended = notify(officer, ended_child, D(2025, 5, 1))
    services.private_fostering_end(actor=officer, arrangement=ended, ended_on=D(2025, 6, 1), reason="returned_home")
    rows = list(selectors.open_arrangements(user=officer))
    assert rows == [sooner, later]
    assert (rows[0].next_visit_due, rows[0].next_visit_title) == (
        D(2025, 5, 30),
        "Visit the private fostering arrangement: premises, carer, household and child",  # over 26 May
    )


def test_open_arrangements_is_one_query(officer, worker, django_assert_num_queries):
    for n in range(4):
        notify(
            officer,
            person_create(actor=worker, given_name=f"C{n}", family_name="Doe", date_of_birth=D(2014, 1, 1)),
            D(2025, 5, 1),
        )
    with django_assert_num_queries(1):
        assert [row.child.full_name for row in selectors.open_arrangements(user=officer)]
