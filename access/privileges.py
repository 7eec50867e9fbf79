"""What the app's database role may do to each table, granted after every migrate.

The append-only promise (the read log, the audit trail) cannot rest on triggers alone: the
tables' owner can TRUNCATE, disable triggers or set session_replication_role, and anyone can
`SET pgtrigger.ignore` to skip a pgtrigger trigger. So the app connects as a role that owns
nothing (opencsc/database.py), and this module gives it, on the schema's tables:

- SELECT, INSERT, UPDATE, DELETE on ordinary tables, USAGE and SELECT on their sequences;
- SELECT and INSERT only on the append-only tables: every pghistory event table (found from
  the models, so a newly audited model is covered by the migration that creates its table)
  and every table whose model protects itself from UPDATE and DELETE with a pgtrigger
  Protect trigger (the read log);
- on pghistory's Context table, SELECT and INSERT and UPDATE of `metadata` and `updated_at`
  only: `_pgh_attach_context()`, which the audit triggers call as the app role, upserts the
  request's context (INSERT ... ON CONFLICT (id) DO UPDATE SET metadata, updated_at);
- SELECT only on django_migrations: the app never applies a migration.

Never TRUNCATE, REFERENCES or TRIGGER. Everything is revoked and granted again in one
transaction, so the result does not depend on what was granted before (idempotent).
"""

from __future__ import annotations

import logging

import pghistory.models
import pgtrigger
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections, transaction
from psycopg import sql

logger = logging.getLogger(__name__)

ORDINARY = ("SELECT", "INSERT", "UPDATE", "DELETE")
APPEND_ONLY = ("SELECT", "INSERT")
CONTEXT_UPDATABLE_COLUMNS = ("metadata", "updated_at")
READ_ONLY_TABLES = ("django_migrations",)


def _is_append_only_by_trigger(model) -> bool:
    """An unconditional Protect of updates and deletes: a table only ever added to (the read
    logs). A conditional one (an issued board pack may not change) still leaves its rows to be
    updated until then, so the table keeps its ordinary privileges."""
    for trigger in getattr(model._meta, "triggers", []):
        if isinstance(trigger, pgtrigger.Protect) and trigger.condition is None:
            operation = str(trigger.operation)
            if "UPDATE" in operation and "DELETE" in operation:
                return True
    return False


def append_only_tables() -> list[str]:
    """Every table the app may only read and add to."""
    tables = set()
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        if issubclass(model, pghistory.models.Event) or _is_append_only_by_trigger(model):
            tables.add(model._meta.db_table)
    return sorted(tables)


def context_table() -> str:
    return pghistory.models.Context._meta.db_table


def grant_app_privileges(using: str = "default") -> None:
    connection = connections[using]
    app_role = settings.DATABASE_APP_ROLE
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_schema()")
        current_user, schema = cursor.fetchone()
        if current_user == app_role:
            raise ImproperlyConfigured(
                f"Migrations ran as {app_role!r}, the app's own role: the app would own the tables and could "
                "remove the read log and the audit trail. Migrate as the owner (DATABASE_OWNER_URL; "
                "manage.py selects it for migrate)."
            )
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = %s", [schema])
        existing = {row[0] for row in cursor.fetchall()}
        role, schema_id = sql.Identifier(app_role), sql.Identifier(schema)

        def run(statement, *args):
            cursor.execute(sql.SQL(statement).format(*args).as_string(connection.connection))

        def tables(names):
            return sql.SQL(", ").join(sql.Identifier(schema, name) for name in names)

        run("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}", schema_id, role)
        run("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}", schema_id, role)
        run("REVOKE CREATE ON SCHEMA {} FROM {}", schema_id, role)
        run("GRANT USAGE ON SCHEMA {} TO {}", schema_id, role)
        run("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {} TO {}", schema_id, role)
        run("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}", schema_id, role)
        append_only = [t for t in append_only_tables() if t in existing]
        if append_only:
            run("REVOKE UPDATE, DELETE ON {} FROM {}", tables(append_only), role)
        read_only = [t for t in READ_ONLY_TABLES if t in existing]
        if read_only:
            run("REVOKE INSERT, UPDATE, DELETE ON {} FROM {}", tables(read_only), role)
        if context_table() in existing:
            run("REVOKE UPDATE, DELETE ON {} FROM {}", tables([context_table()]), role)
            run(
                "GRANT UPDATE ({}) ON {} TO {}",
                sql.SQL(", ").join(map(sql.Identifier, CONTEXT_UPDATABLE_COLUMNS)),
                tables([context_table()]),
                role,
            )
    logger.info("Granted %s its privileges on %d tables (%d append-only)", app_role, len(existing), len(append_only))


def grant_after_migrate(sender, using="default", **kwargs) -> None:
    grant_app_privileges(using=using)
