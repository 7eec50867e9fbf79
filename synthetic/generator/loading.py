"""How the large authority is loaded fast, and checked once at the end instead of row by row.

Row by row, PostgreSQL spends most of a generated batch's time not on the COPY itself but on
the triggers each row fires: the audit triggers (pghistory, which `pgtrigger.ignore` still calls
to let them decide to do nothing) and the foreign-key triggers queued to the commit. The large
build (`Size.audit` false) runs with `session_replication_role = replica`, the setting
PostgreSQL's own replication and `pg_restore` use for a trusted load: no ordinary trigger and no
foreign-key trigger fires. Check, unique and exclusion constraints and generated columns still
apply to every row, as ever.

What the foreign keys would have checked is then checked once, for every foreign key in the
schema, by one anti-join each (`broken_foreign_keys`): a row pointing at nothing stops the build
with the table and constraint named. The small and medium builds, which the tests use, keep the
ordinary row-by-row checks and their audit rows.

Only a superuser may set the role. Against a PostgreSQL where the generator's account is not one
(a council's own server), the build falls back to `pgtrigger.ignore` and row-by-row checks:
slower, the same rows.
"""

from __future__ import annotations

import contextlib

from django.db import connection


def can_load_as_replica() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
    return bool(row and row[0])


@contextlib.contextmanager
def replica_session():
    """Triggers and foreign-key checks off for this connection, and commits that do not wait
    for the disk (a crash loses only the last batches of a build that is rerun from empty)."""
    with connection.cursor() as cursor:
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET synchronous_commit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET session_replication_role")
            cursor.execute("RESET synchronous_commit")


FOREIGN_KEYS_SQL = """
SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text,
       array_agg(a.attname ORDER BY k.n), array_agg(fa.attname ORDER BY k.n)
FROM pg_constraint c
CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(attnum, fattnum, n)
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fattnum
WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
GROUP BY c.oid, c.conname, c.conrelid, c.confrelid
ORDER BY 2, 1
"""


def broken_foreign_keys() -> list[tuple[str, str, int]]:
    """(table, constraint, rows pointing at nothing) for every foreign key that some row breaks."""
    broken = []
    with connection.cursor() as cursor:
        cursor.execute(FOREIGN_KEYS_SQL)
        for name, table, target, columns, target_columns in cursor.fetchall():
            present = " AND ".join(f"t.{connection.ops.quote_name(c)} IS NOT NULL" for c in columns)
            joined = " AND ".join(
                f"p.{connection.ops.quote_name(fc)} = t.{connection.ops.quote_name(c)}"
                for c, fc in zip(columns, target_columns)
            )
            cursor.execute(
                f"SELECT count(*) FROM {table} t WHERE {present} "
                f"AND NOT EXISTS (SELECT 1 FROM {target} p WHERE {joined})"
            )
            (count,) = cursor.fetchone()
            if count:
                broken.append((table, name, count))
    return broken
