"""core.prepared: the large statements run on every write are planned once per connection, give
each run its own values' rows, are counted like any other query, and still run (unprepared)
where pghistory adds its audit context to a writing statement."""

import datetime

import pghistory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.prepared import SLOT, PreparedQuery
from opencsc.database import database_settings
from people.models import Person
from people.services import person_create

pytestmark = pytest.mark.django_db


def _person(worker, given, family):
    return person_create(actor=worker, given_name=given, family_name=family, date_of_birth=datetime.date(2015, 3, 1))


def _prepared_statements() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        return {row[0] for row in cursor.fetchall()}


def _names_like(pattern: str) -> PreparedQuery:
    """A statement with a constant holding % (a LIKE pattern) and a named slot used twice."""
    sql = (
        "SELECT count(*) FROM people_person WHERE family_name LIKE %(pattern)s AND (id >= %(least)s OR id = %(least)s)"
    )
    return PreparedQuery(sql, {"pattern": pattern, "least": SLOT})


def test_each_run_reads_its_own_values_and_the_statement_is_prepared_once(worker):
    people = [_person(worker, "Ava", f"Smith{i}") for i in range(3)]
    _person(worker, "Ava", "Jones")
    query = _names_like("Smith%")
    answers = []
    for least in (people[0].pk, people[1].pk, people[2].pk, people[2].pk + 1):
        with query.execute({"least": least}) as cursor:
            answers.append(cursor.fetchone()[0])
    assert answers == [3, 2, 1, 0]
    prepared = [s for s in _prepared_statements() if "family_name LIKE 'Smith%'" in s]
    assert len(prepared) == 1, "one prepared statement, its constant written in, for the four runs"


def test_positional_slots_and_the_queries_are_counted(worker):
    child = _person(worker, "Kai", "Brown")
    query = PreparedQuery("SELECT given_name FROM people_person WHERE family_name = %s AND id = %s", ("Brown", SLOT))
    with CaptureQueriesContext(connection) as queries:
        with query.execute((child.pk,)) as cursor:
            assert cursor.fetchone() == ("Kai",)
        with query.execute((child.pk + 1000,)) as cursor:
            assert cursor.fetchone() is None
    assert len(queries.captured_queries) == 2


def test_the_timescales_read_of_a_write_is_prepared(worker, child, today):
    from timescales.engine import refresh_due_items

    refresh_due_items(child)
    refresh_due_items(child)
    # The engine's read: the gates (does the child have rows in each table?) and the child's id.
    assert any(s.startswith("SELECT EXISTS") and '"people_person"."id" = $1' in s for s in _prepared_statements())


def test_a_writing_statement_inside_the_audit_context_runs_unprepared_and_is_audited(worker):
    """pghistory sets its context with a statement of its own before a write: such a run goes
    through Django's cursor, and the audit row still says who and where."""
    child = _person(worker, "Noor", "Khan")
    query = PreparedQuery("UPDATE people_person SET given_name = %s WHERE id = %s", ("Nur", SLOT))
    with pghistory.context(user=worker.pk, url="/people/test/"):
        with query.execute((child.pk,)):
            pass
    child.refresh_from_db()
    assert child.given_name == "Nur"
    event = Person.pgh_event_models["update"].objects.filter(pgh_obj_id=child.pk).latest("pgh_id")
    assert event.pgh_context.metadata == {"user": worker.pk, "url": "/people/test/"}


def test_a_council_can_turn_preparing_off_for_its_connection_pooler(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", "postgres://app@db.example:5432/opencsc")
    assert database_settings(tmp_path)["OPTIONS"]["prepare_threshold"] == 5
    monkeypatch.setenv("OPENCSC_DB_PREPARE", "0")
    assert "prepare_threshold" not in database_settings(tmp_path)["OPTIONS"]


def test_a_date_slot_keeps_its_type():
    """A slot's value is bound with its own type: a date compares as a date."""
    query = PreparedQuery("SELECT %s::date < %s", (datetime.date(2025, 1, 1), SLOT))
    with query.execute((datetime.date(2025, 6, 1),)) as cursor:
        assert cursor.fetchone() == (True,)
