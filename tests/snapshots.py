"""Building a large fixture (the generated small authority) once per test process, and putting
its rows back from memory every later time it is wanted (synthetic/testing.py).

Generating the small authority costs 3.5-5 s of CPU, and the tests wanted it afresh for every test
(`small_authority`) or module (`small_authority_of_the_module`) on each xdist worker. Generating is
deterministic: on the same database, with the same seed and the same clock, it writes the same
rows. So the first time `built_or_restored(key, build)` runs in a process it runs `build()` as
ever and then captures what the build changed:

- the rows of every table whose contents the build changed (`COPY ... TO STDOUT`, text format),
- the value of every sequence the build moved (ids, so later inserts do not collide),
- what `build()` returned, pickled (the generator's `Result`).

Every later call with the same key, on a database in the same state as the one the capture was
built on, restores that instead of building: it deletes the rows of the tables the build had
changed (only tables that already held rows before it: most were empty), COPYs the captured rows
back in and sets the sequences to where the build left them. The restore runs inside the caller's
transaction (a test's, or a module's), so it is rolled back exactly as a build would be. The rows
are the captured ones, ids included, so the state is the one the build left, as a test would
have found it; `tests/test_snapshots.py` checks that table by table.

"The same state" is checked, not assumed: the key of a capture includes a fingerprint of the
database before the build (every table's row count and a checksum of its rows, and the schema's
columns). A test that put rows in before asking for the authority (a member of staff made by
another fixture first, say), or a database a transactional test emptied and another fixture
seeded again with new ids, has another fingerprint: the authority is built there as before, and
captured too (up to CAPTURES_PER_KEY states a key, so a fixture whose starting rows differ every
time does not keep them all).

Triggers: the captured rows include the audit rows (pghistory's events) the build's own triggers
wrote. Putting the rows back must not fire those triggers again (they would add a second set of
events) nor the foreign-key triggers (the rows were checked when they were built), so the restore
runs with `SET LOCAL session_replication_role = replica`, as a trusted bulk load does
(synthetic/generator/loading.py), and sets it back afterwards. Only a superuser may: the test
database's connection is the tables' owner, the embedded server's superuser; where it is not one
(a council's own PostgreSQL), every call simply builds.

Why DELETE and not TRUNCATE for the few tables that held rows before the build and that it
changed (for the small authority, the oversight start dates and their audit rows): TRUNCATE
refuses a table with foreign-key checks still queued in the transaction ("pending trigger
events": Django's foreign keys are DEFERRABLE INITIALLY DEFERRED, and the test or a fixture may
have inserted rows before), and a DELETE under the replica role fires no trigger either.

What is outside the database is the caller's: `build()` returns whatever the caller must set up
again after a restore (synthetic/testing.py returns the clock's position at the end of the
generation with the result). The generator writes no files (its letters are rows; the PDF is
drawn on download) and fills only caches of tables it does not change (the calendar, the local
standards, content types), which read the same after a restore.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

from tests.fast_flush import holding_rows

CAPTURES_PER_KEY = 4


@dataclass(frozen=True)
class Capture:
    columns: dict[str, str]  # table -> its column list for COPY (generated columns left out)
    replaced: tuple[str, ...]  # tables that held rows before the build and that the build changed
    rows: dict[str, bytes]  # table -> its rows after the build (COPY text format)
    sequences: dict[str, tuple[int, bool]]  # sequence -> (last_value, is_called) after the build
    result: bytes  # pickle of what build() returned


class Snapshots:
    """One process's captures, in memory, for the session."""

    def __init__(self):
        self._captures: dict[Hashable, dict[tuple, Capture]] = {}
        self._may_restore: bool | None = None
        self.builds = 0  # how many times build() ran (the tests of this module count them)
        self.restores = 0

    def built_or_restored(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """What `build()` returns, with the database as it leaves it: built the first time for
        this key and this starting state, restored from the capture after that."""
        if not connection.in_atomic_block or not self._replica_allowed():
            # Outside a transaction a restore could not be rolled back; without the superuser's
            # replica role it could not keep the triggers quiet. Build, as without this module.
            self.builds += 1
            return build()
        schema = _schema()
        before = _fingerprint(holding_rows(connection, list(schema)))
        starting = (tuple(sorted(schema.items())), tuple(sorted(before.items())))
        captured = self._captures.get(key, {}).get(starting)
        if captured is not None:
            self.restores += 1
            _restore(captured)
            return pickle.loads(captured.result)

        sequences_before = _sequences()
        self.builds += 1
        result = build()
        after = holding_rows(connection, list(schema))
        changed_before = {t for t, sums in _fingerprint([t for t in before if t in after]).items() if sums != before[t]}
        changed_before |= set(before) - set(after)  # emptied by the build
        new = [t for t in after if t not in before]
        sequences_after = _sequences()
        captures = self._captures.setdefault(key, {})
        if len(captures) >= CAPTURES_PER_KEY:
            captures.pop(next(iter(captures)))
        captures[starting] = Capture(
            columns={t: schema[t] for t in sorted(changed_before) + new},
            replaced=tuple(sorted(changed_before)),
            rows={t: _copy_out(t, schema[t]) for t in sorted(changed_before & set(after)) + new},
            sequences={s: v for s, v in sequences_after.items() if sequences_before.get(s) != v},
            result=pickle.dumps(result),
        )
        return result

    def _replica_allowed(self) -> bool:
        if self._may_restore is None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                row = cursor.fetchone()
            self._may_restore = bool(row and row[0])
        return self._may_restore


def _schema() -> dict[str, str]:
    """Every table of the public schema -> the quoted list of its columns COPY reads and writes.
    Generated columns are left out: PostgreSQL computes them again from the others on the way in."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.oid::regclass::text, string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum) "
            "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' "
            "AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' "
            "GROUP BY c.oid ORDER BY 1"
        )
        return dict(cursor.fetchall())


def _fingerprint(tables: list[str]) -> dict[str, tuple[int, str]]:
    """table -> (rows, checksum of its rows whatever their order): one query."""
    if not tables:
        return {}
    sums = " UNION ALL ".join(
        f"SELECT {i}, count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM {table} AS t"
        for i, table in enumerate(tables)
    )
    with connection.cursor() as cursor:
        cursor.execute(sums)
        return {tables[i]: (count, checksum) for i, count, checksum in cursor.fetchall()}


def _sequences() -> dict[str, tuple[int, bool]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.oid::regclass::text FROM pg_class c "
            "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' ORDER BY 1"
        )
        names = [name for (name,) in cursor.fetchall()]
        if not names:
            return {}
        cursor.execute(" UNION ALL ".join(f"SELECT {i}, last_value, is_called FROM {s}" for i, s in enumerate(names)))
        return {names[i]: (value, called) for i, value, called in cursor.fetchall()}


def _copy_out(table: str, columns: str) -> bytes:
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({columns}) TO STDOUT") as copy:
            return b"".join(bytes(block) for block in copy)


def _restore(captured: Capture) -> None:
    """Put the captured rows and sequences back, in a savepoint of the caller's transaction (all
    or nothing), with every trigger off (the module's docstring says why)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('session_replication_role')")
        (role,) = cursor.fetchone()
        cursor.execute("SET LOCAL session_replication_role = replica")
        for table in captured.replaced:
            cursor.execute(f"DELETE FROM {table}")
        for table, rows in captured.rows.items():
            with cursor.copy(f"COPY {table} ({captured.columns[table]}) FROM STDIN") as copy:
                copy.write(rows)
        if captured.sequences:
            # Where the build left them: above every captured id, so the test's own inserts do not
            # collide. Sequences are not transactional: after the rollback they stay there, which
            # is as safe, since every row then left in those tables was in the starting state.
            names, values = list(captured.sequences), list(captured.sequences.values())
            cursor.execute(
                "SELECT setval(s::regclass, v, c) FROM unnest(%s::text[], %s::bigint[], %s::bool[]) AS x(s, v, c)",
                [names, [v for v, _ in values], [c for _, c in values]],
            )
        # SET LOCAL would last to the end of the test's transaction: back to what it was now.
        cursor.execute("SELECT set_config('session_replication_role', %s, true)", [role])
