"""Providers that declare what they read (timescales.reads): the engine reads it for all of them
in one query after locking the child, gives back what the ORM would have, and spends nothing on
a provider whose tables hold no row of the child's."""

import datetime
import threading
import time
from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import OuterRef

from casework.models import Visit
from core.clock import LONDON
from front_door.models import Contact
from people.models import Person
from timescales import engine
from timescales.calendar import get_calendar
from timescales.engine import DueSpec, refresh_due_items
from timescales.models import DueItem
from timescales.reads import CHILD, attach, column, records
from timescales.testing import only_providers
from workforce.models import User


def visit_specs(visits):
    """A CP visit due a week after each visit, met by the next: one item per visit."""
    for visit, following in zip(visits, [*visits[1:], None], strict=True):
        day = visit.visited_at.astimezone(LONDON).date()
        yield DueSpec(
            "cp_visit",
            day + datetime.timedelta(days=7),
            day,
            f"Visit by {visit.recorded_by.first_name}",
            source=visit,
            completed_at=following.visited_at if following else None,
        )


class VisitsProvider:
    """Reads the child's visits and who recorded them; keeps what it was given."""

    def __init__(self):
        self.calls = 0
        self.found = None

    def reads(self):
        visits = Visit.objects.filter(child_id=CHILD).order_by("visited_at", "pk")
        return {
            "visits": records(visits),
            "moments": column(visits, "visited_at"),
            # In a subquery of the subquery, the child is one level further out.
            "recorders": records(
                User.objects.filter(
                    pk__in=Visit.objects.filter(child_id=OuterRef(CHILD)).values("recorded_by_id")
                ).order_by("pk")
            ),
        }

    def __call__(self, person, calendar, found):
        self.calls += 1
        self.found = found
        attach(found["visits"], "recorded_by", found["recorders"])
        assert [v.visited_at for v in found["visits"]] == found["moments"]
        yield from visit_specs(found["visits"])


@pytest.fixture
def worker():
    return User.objects.create(username="sw1", first_name="Sam", last_name="Worker")


@pytest.fixture
def child():
    return Person.objects.create(family_name="Test", given_name="Jay", la_id="T1")


@pytest.fixture
def registered(bank_holidays):
    """The visits provider, gated on visits, alone with the engine."""
    get_calendar()  # warm the caches a running process already has
    ContentType.objects.get_for_model(Visit)
    provider = VisitsProvider()
    with only_providers():
        engine.register(provider, only_if_any=[(Visit, "child_id")], reads=provider.reads)
        try:
            yield provider
        finally:
            engine.unregister(provider)


def visit(child, worker, moment, **fields):
    return Visit.objects.create(
        child=child,
        visited_at=moment,
        visit_type="cp",
        child_seen=True,
        recorded_by=worker,
        observations="Seen at home.",
        **fields,
    )


def at(day, hour, minute=0, second=0, microsecond=0):
    return datetime.datetime(day.year, day.month, day.day, hour, minute, second, microsecond, tzinfo=LONDON)


@pytest.mark.django_db
def test_a_provider_gets_the_rows_as_the_orm_reads_them_and_queries_nothing_itself(
    child, worker, registered, django_assert_num_queries
):
    first = visit(
        child, worker, at(date(2025, 6, 2), 9, 30, 15, 123456), bedroom_seen=None, voice_of_child="“Fine”, she said"
    )
    second = visit(child, worker, at(date(2025, 6, 9), 16, 5), bedroom_seen=True)
    with django_assert_num_queries(3):  # lock, read, insert
        refresh_due_items(child)
    assert registered.calls == 1
    # Every field as the ORM gives it, of the same type (aware datetimes in the same zone).
    expected = list(Visit.objects.filter(child=child).order_by("visited_at", "pk"))
    for got, want in zip(registered.found["visits"], expected, strict=True):
        for field in Visit._meta.concrete_fields:
            mine, theirs = getattr(got, field.attname), getattr(want, field.attname)
            assert (mine, type(mine), getattr(mine, "tzinfo", None)) == (
                theirs,
                type(theirs),
                getattr(theirs, "tzinfo", None),
            )
    rows = DueItem.objects.filter(person=child).order_by("trigger_date")
    assert [(r.trigger_date, r.trigger_description, r.source_id, r.completed_at) for r in rows] == [
        (date(2025, 6, 2), "Visit by Sam", first.pk, second.visited_at),
        (date(2025, 6, 9), "Visit by Sam", second.pk, None),
    ]


@pytest.mark.django_db
def test_a_provider_with_nothing_to_start_from_is_not_read_for_nor_run(child, registered, django_assert_num_queries):
    with django_assert_num_queries(2):  # lock, read (the provider's EXISTS, and no item to write)
        refresh_due_items(child)
    assert registered.calls == 0


@pytest.mark.django_db
def test_another_provider_without_rows_for_the_child_costs_no_query(
    child, worker, registered, django_assert_num_queries
):
    """An area added later (its own tables, its own reads) costs a child who has nothing in it
    no query: only its EXISTS in the one read query, which guards its reads."""
    visit(child, worker, at(date(2025, 6, 2), 9))
    refresh_due_items(child)
    with django_assert_num_queries(2):
        refresh_due_items(child)
    other = VisitsProvider()
    engine.register(other, only_if_any=[(Contact, "child_id")], reads=other.reads)  # the child has no contact
    try:
        with django_assert_num_queries(2):
            refresh_due_items(child)
    finally:
        engine.unregister(other)
    assert (registered.calls, other.calls) == (3, 0)


def _wait_until_waiting(pid, timeout=10.0):
    """Until the backend `pid` waits for a lock (the other refresh, blocked on the child's row)."""
    deadline = time.monotonic() + timeout
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE pid = %s AND NOT granted", [pid])
            if cursor.fetchone()[0]:
                return True
            time.sleep(0.02)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_refresh_that_waited_for_another_sees_what_that_one_saved(child, worker, registered):
    """Two saves on one child at once: the second refresh waits for the first's lock on the
    child, and then must see the first's new row. Read in the statement that waited, a child's
    first row in a provider's tables was missed, and the item the first refresh had just made
    was deleted as no longer due."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    locked, outcome = threading.Event(), {}

    def first_save():
        try:
            with transaction.atomic():
                visit(child, worker, at(date(2025, 6, 2), 9))
                refresh_due_items(child)
                locked.set()
                outcome["waited"] = _wait_until_waiting(pid)
        finally:
            connection.close()

    thread = threading.Thread(target=first_save)
    thread.start()
    assert locked.wait(10)
    refresh_due_items(child)  # waits for the first save to commit
    thread.join(10)
    assert outcome == {"waited": True}
    assert list(DueItem.objects.filter(person=child).values_list("rule_code", "trigger_date", "completed_at")) == [
        ("cp_visit", date(2025, 6, 2), None)
    ]
