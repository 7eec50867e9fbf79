"""The app's own database account cannot break the append-only promise.

The tests connect to the test database as the app role (what gunicorn uses), through a plain
psycopg connection, and try every way the owner of a table could remove a read-log row or
rewrite the audit trail. Each must be refused with the row left as it was. The rows are made
through the ORM, committed (transactional_db), as the owner that creates the test database.
"""

import datetime

import pghistory.models
import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import timezone
from psycopg import errors

from access.models import RecordRead
from access.services import record_read_log
from casework.models import CaseNote
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("transactional_db")


@pytest.fixture(scope="session")
def app_role_settings():
    from opencsc.database import APP, database_settings

    return database_settings(settings.BASE_DIR, role=APP)


@pytest.fixture
def as_app(app_role_settings):
    """A connection to the test database as the app role, in a transaction per statement block."""
    test_db = connection.settings_dict
    conn = psycopg.connect(
        host=test_db["HOST"],
        port=test_db["PORT"],
        dbname=test_db["NAME"],
        user=app_role_settings["USER"],
        password=app_role_settings["PASSWORD"] or None,
    )
    yield conn
    conn.close()


def refused(conn, *statements, params=None):
    """Run the statements in one transaction as the app role; True when PostgreSQL refuses
    them for want of privilege (and the transaction is rolled back)."""
    try:
        with conn.transaction(), conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement, params)
    except errors.InsufficientPrivilege:
        return True
    return False


@pytest.fixture
def worker(make_staff):
    return make_staff(Role.SOCIAL_WORKER)


@pytest.fixture
def read(worker):
    return record_read_log(user=worker, person_id=42, path="/children/42/")


@pytest.fixture
def child(worker):
    from people.services import person_create

    return person_create(
        actor=worker, given_name="Jonathan", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27)
    )


def test_the_app_connects_as_a_role_that_is_no_superuser_and_owns_nothing(as_app):
    with as_app.cursor() as cursor:
        cursor.execute(
            "SELECT current_user, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication "
            "FROM pg_roles WHERE rolname = current_user"
        )
        user, *powers = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
        )
        (owned,) = cursor.fetchone()
    assert user == settings.DATABASE_APP_ROLE
    assert powers == [False] * 5
    assert owned == 0


def test_the_app_cannot_truncate_the_read_log(as_app, read):
    assert refused(as_app, "TRUNCATE access_recordread")
    assert refused(as_app, "TRUNCATE access_recordread CASCADE")
    assert RecordRead.objects.get().person_id == 42


def test_the_app_cannot_turn_off_triggers_with_session_replication_role(as_app, read):
    assert refused(as_app, "SET session_replication_role = replica")
    assert refused(as_app, "SET LOCAL session_replication_role = replica", "DELETE FROM access_recordread")
    assert refused(as_app, "DELETE FROM access_recordread")
    assert RecordRead.objects.get().person_id == 42


def test_the_app_cannot_disable_the_read_logs_triggers(as_app, read):
    assert refused(as_app, "ALTER TABLE access_recordread DISABLE TRIGGER ALL")
    assert refused(as_app, "ALTER TABLE access_recordread DISABLE TRIGGER USER")
    assert refused(as_app, "DROP TABLE access_recordread")
    assert RecordRead.objects.get().person_id == 42


def _append_only_trigger_names():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tgname FROM pg_trigger WHERE tgrelid = 'access_recordread'::regclass AND NOT tgisinternal"
        )
        return [row[0] for row in cursor.fetchall()]


def test_pgtrigger_ignore_would_skip_the_trigger_but_the_app_still_may_not_delete(as_app, read):
    names = _append_only_trigger_names()
    assert names, "the read log has its append-only trigger"
    ignore = "{" + ",".join(names) + "}"
    # The attack is real: the trigger honours pgtrigger.ignore, so the owner could delete...
    with psycopg.connect(
        host=connection.settings_dict["HOST"],
        port=connection.settings_dict["PORT"],
        dbname=connection.settings_dict["NAME"],
        user=connection.settings_dict["USER"],
        password=connection.settings_dict["PASSWORD"] or None,
    ) as owner:
        with owner.cursor() as cursor:
            cursor.execute("SELECT set_config('pgtrigger.ignore', %s, true)", [ignore])
            cursor.execute("DELETE FROM access_recordread")
            assert cursor.rowcount == 1
        owner.rollback()
    # ...but the app role has no DELETE or UPDATE privilege for the setting to matter.
    set_ignore = f"SET LOCAL pgtrigger.ignore = '{ignore}'"  # names from pg_trigger
    assert refused(as_app, set_ignore, "DELETE FROM access_recordread")
    assert refused(as_app, set_ignore, "UPDATE access_recordread SET person_id = 7")
    assert RecordRead.objects.get().person_id == 42


def test_the_app_cannot_change_or_remove_audit_events(as_app, worker, child):
    note = CaseNote.objects.create(
        child=child,
        note_type=CaseNote._meta.get_field("note_type").choices[0][0],
        occurred_at=timezone.now(),
        subject="Home visit",
        body="Seen alone.",
        recorded_by=worker,
    )
    event = note.events.get()
    for statement in (
        "UPDATE casework_casenoteevent SET body = 'nothing to see'",
        "DELETE FROM casework_casenoteevent",
        "TRUNCATE casework_casenoteevent",
        "ALTER TABLE casework_casenoteevent DISABLE TRIGGER ALL",
        "UPDATE pghistory_context SET id = gen_random_uuid()",
        "DELETE FROM pghistory_context",
    ):
        assert refused(as_app, statement), statement
    event.refresh_from_db()
    assert (event.body, event.pgh_label) == ("Seen alone.", "insert")


def test_the_app_role_records_ordinary_work(as_app, worker, child):
    """Reading, adding a read-log row, changing a person: and the audit trigger, running as the
    app role, writes the event row with its context."""
    with as_app.transaction(), as_app.cursor() as cursor:
        cursor.execute(
            "INSERT INTO access_recordread (user_id, person_id, read_at, path, reason) "
            "VALUES (%s, %s, now(), '/children/7/', '')",
            [worker.pk, child.pk],
        )
        cursor.execute(
            "SELECT set_config('pghistory.context_id', gen_random_uuid()::text, true), "
            "set_config('pghistory.context_metadata', %s, true)",
            ['{"user": %d}' % worker.pk],
        )
        cursor.execute("UPDATE people_person SET given_name = 'Jon' WHERE id = %s", [child.pk])
        cursor.execute(
            "SELECT set_config('pghistory.context_metadata', %s, true)",
            ['{"user": %d, "url": "/children/"}' % worker.pk],
        )
        cursor.execute("UPDATE people_person SET family_name = 'Smyth' WHERE id = %s", [child.pk])
    assert RecordRead.objects.filter(person_id=child.pk).count() == 1
    child.refresh_from_db()
    assert (child.given_name, child.family_name) == ("Jon", "Smyth")
    updates = list(child.events.filter(pgh_label="update").order_by("pgh_id"))
    assert [e.given_name for e in updates] == ["Jon", "Jon"]
    # The context was upserted (ON CONFLICT DO UPDATE) by the trigger as the app role.
    assert updates[0].pgh_context_id == updates[1].pgh_context_id
    assert updates[1].pgh_context.metadata == {"user": worker.pk, "url": "/children/"}


def test_the_app_role_deletes_an_ordinary_row(as_app, worker):
    from workforce.services import team_create

    team = team_create(name="Short-lived Team")
    assert not refused(as_app, "DELETE FROM workforce_team WHERE id = %(id)s", params={"id": team.pk})
    assert not type(team).objects.filter(pk=team.pk).exists()


# --- Every table has exactly the privileges it should ------------------------------------------

TABLE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")


def table_privileges():
    # MAINTAIN (VACUUM, ANALYZE, REINDEX, ...) came in PostgreSQL 17.
    return TABLE_PRIVILEGES + (("MAINTAIN",) if connection.pg_version >= 170000 else ())


def expected_privileges():
    """Worked out here from the models, independently of access/privileges.py."""
    event_tables = {
        m._meta.db_table for m in apps.get_models() if issubclass(m, pghistory.models.Event) and not m._meta.proxy
    }
    expected = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace "
            "AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
        )
        for (table,) in cursor.fetchall():
            # The read logs (of children's records, and of staff records) and the audit trail.
            if table in event_tables or table in ("access_recordread", "staff_staffread", "pghistory_context"):
                expected[table] = {"SELECT", "INSERT"}
            elif table == "django_migrations":
                expected[table] = {"SELECT"}
            else:
                expected[table] = {"SELECT", "INSERT", "UPDATE", "DELETE"}
    return expected, event_tables


def test_every_table_grants_the_app_role_exactly_its_privileges():
    expected, event_tables = expected_privileges()
    assert "casework_casenoteevent" in event_tables and "people_personevent" in event_tables
    assert len(event_tables) > 50  # every audited model, not a hand-kept list
    role = settings.DATABASE_APP_ROLE
    actual = {}
    with connection.cursor() as cursor:
        for table in expected:
            privileges = table_privileges()
            cursor.execute(
                "SELECT " + ", ".join(["has_table_privilege(%s, %s, %s)"] * len(privileges)),
                [x for p in privileges for x in (role, f'"{table}"', p)],
            )
            actual[table] = {p for p, granted in zip(privileges, cursor.fetchone()) if granted}
    wrong = {t: (sorted(actual[t]), sorted(expected[t])) for t in expected if actual[t] != expected[t]}
    assert wrong == {}, "table: (granted, expected)"


def test_of_the_context_only_the_metadata_and_its_time_may_be_updated():
    role = settings.DATABASE_APP_ROLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attname, has_column_privilege(%s, 'pghistory_context', attname, 'UPDATE') "
            "FROM pg_attribute WHERE attrelid = 'pghistory_context'::regclass AND attnum > 0 "
            "AND NOT attisdropped",
            [role],
        )
        updatable = {name for name, granted in cursor.fetchall() if granted}
    assert updatable == {"metadata", "updated_at"}


def test_the_app_role_may_use_the_sequences_but_not_set_them():
    role = settings.DATABASE_APP_ROLE
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, has_sequence_privilege(%s, c.oid, 'USAGE'), "
            "has_sequence_privilege(%s, c.oid, 'UPDATE') FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S'",
            [role, role],
        )
        sequences = cursor.fetchall()
    assert sequences
    assert [name for name, usage, update in sequences if not usage or update] == []


def test_granting_again_changes_nothing_and_repairs_drift():
    from access.privileges import grant_app_privileges

    role = settings.DATABASE_APP_ROLE
    with connection.cursor() as cursor:
        cursor.execute(f'GRANT DELETE, TRUNCATE ON access_recordread TO "{role}"')
        cursor.execute(f'REVOKE ALL ON workforce_team FROM "{role}"')
    grant_app_privileges()
    grant_app_privileges()
    test_every_table_grants_the_app_role_exactly_its_privileges()


def test_migrating_as_the_apps_own_role_is_refused(settings):
    """One account for both would own the tables: the grants would mean nothing."""
    from django.core.exceptions import ImproperlyConfigured

    from access.privileges import grant_app_privileges

    settings.DATABASE_APP_ROLE = connection.settings_dict["USER"]
    with pytest.raises(ImproperlyConfigured, match="the app would own the tables"):
        grant_app_privileges()
