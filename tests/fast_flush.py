"""Emptying the database after a transactional test (`transactional_db`, `live_server`: the
browser tests and a few others), in a fraction of the time Django's own way takes.

Django's TransactionTestCase runs `flush`: one TRUNCATE of every table (some 250 of them, each
with its indexes given new files), then post_migrate for every app, which builds the content
types and the thousand permissions again one app at a time, re-syncs the administrators' group
(gone with the TRUNCATE: it finds none) and grants the app role its privileges again (which a
TRUNCATE leaves as they were). Several seconds of the database's and Python's CPU per test.

Here the same end state is reached more directly: only the tables that hold a row are truncated
(CASCADE takes along the empty ones that refer to them: emptying an empty table changes nothing),
and the rows post_migrate would make (content types and permissions) are put back as the freshly
cloned test database held them, ids included, in two inserts. Every other table is empty, as
after `flush`; the fixtures that re-seed the calendar and the audit tools do so as before.

Tests that set `available_apps` or `serialized_rollback` keep Django's own teardown (none does
today)."""

from __future__ import annotations

from django.db import connections, transaction
from django.test import TransactionTestCase

ALIAS = "default"

# What post_migrate makes after a flush, in the order they refer to each other.
_remade_by_post_migrate: list = []
_django_teardown = TransactionTestCase._fixture_teardown


def install() -> None:
    """Remember the content types and permissions of the pristine test database (call it right
    after the database is made, before any test), and empty the database the quick way from now on."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    _remade_by_post_migrate[:] = [list(ContentType.objects.order_by("pk")), list(Permission.objects.order_by("pk"))]
    TransactionTestCase._fixture_teardown = _fixture_teardown


def _fixture_teardown(self) -> None:
    names = list(self._databases_names(include_mirrors=False))
    if self.available_apps is not None or self.serialized_rollback or names != [ALIAS] or not _remade_by_post_migrate:
        return _django_teardown(self)
    empty_the_database(connections[ALIAS])


def empty_the_database(connection) -> None:
    from django.contrib.contenttypes.models import ContentType

    with transaction.atomic(using=connection.alias, savepoint=False):
        holding = _tables_with_rows(connection)
        if holding:
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(connection.ops.quote_name(t) for t in holding)} CASCADE")
        for rows in _remade_by_post_migrate:
            type(rows[0]).objects.using(connection.alias).bulk_create(rows)
    # As post_migrate's create_contenttypes does: the cache is built again from the table.
    ContentType.objects.clear_cache()


def _tables_with_rows(connection) -> list[str]:
    """The tables `flush` would empty (Django's own list) that hold at least one row: one query."""
    return holding_rows(
        connection, sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))
    )


def holding_rows(connection, tables: list[str]) -> list[str]:
    """Those of `tables` that hold at least one row, in their order: one query (tests/snapshots.py too)."""
    probes = " UNION ALL ".join(
        f"SELECT {i} FROM (SELECT 1 FROM {connection.ops.quote_name(t)} LIMIT 1) AS t{i}" for i, t in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(probes)
        return [tables[i] for (i,) in cursor.fetchall()]
