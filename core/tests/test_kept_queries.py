"""core.kept_queries: a query compiled once gives each call the rows Django would, for its own
values, with what select_related joins already there; anything it cannot keep is built as before."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import kept_queries
from people.models import Address, Person

pytestmark = pytest.mark.django_db


def _visits(child):
    return Person(pk=child).visits.select_related("recorded_by")[:3]


def _addresses(person, since):
    return Address.objects.filter(person_id=person, start_date__gte=since).order_by("start_date")


def test_each_call_reads_its_own_childs_rows_with_what_they_join(worker, child, today):
    from casework.tests.factories import make_visit
    from people.services import person_create

    other = person_create(actor=worker, given_name="Ola", family_name="Brown", date_of_birth=datetime.date(2016, 1, 2))
    from children_in_need.testing import at

    for day in range(4):
        make_visit(actor=worker, child=child, visited_at=at(datetime.date(2025, 5, 20 + day)))
    make_visit(actor=worker, child=other, visited_at=at(datetime.date(2025, 5, 28)))

    for person in (child, other, child):
        expected = list(_visits(person.pk))
        with CaptureQueriesContext(connection) as queries:
            kept = kept_queries.fetch("test.visits", _visits, child=person.pk)
            names = [visit.recorded_by.get_full_name() for visit in kept]
        assert [(v.pk, v.visited_at, v.child_id) for v in kept] == [(v.pk, v.visited_at, v.child_id) for v in expected]
        assert names == [visit.recorded_by.get_full_name() for visit in expected]
        assert len(queries) == 1  # the recorder came with the visit
    assert len(kept_queries.fetch("test.visits", _visits, child=other.pk)) == 1


def test_a_date_given_as_a_value_is_each_calls_own(worker, child, today):
    from people.services import address_add

    address_add(
        actor=worker, person=child, line_1="1 High Street", postcode="SW1A 1AA", start_date=datetime.date(2025, 1, 6)
    )
    assert len(kept_queries.fetch("test.addresses", _addresses, person=child.pk, since=datetime.date(2025, 1, 1))) == 1
    assert kept_queries.fetch("test.addresses", _addresses, person=child.pk, since=datetime.date(2025, 2, 1)) == []


def test_what_cannot_be_kept_is_built_each_time(worker, child, today):
    # A date the query holds on its own would be frozen into the kept SQL: not kept.
    frozen = lambda person: Address.objects.filter(person_id=person, start_date__gte=today)  # noqa: E731
    assert kept_queries.fetch("test.frozen", frozen, person=child.pk) == []
    assert kept_queries._kept[("test.frozen", (("person", int),))] is kept_queries._UNKEPT
    # None changes the SQL's shape (IS NULL): built as before, never kept.
    assert kept_queries.fetch("test.none", lambda person: Address.objects.filter(person_id=person), person=None) == []
    assert not any(kind[0] == "test.none" for kind in kept_queries._kept)
