"""Statements PostgreSQL plans once per connection instead of on every run.

Django sends each query with its values written into the text (psycopg's client-side binding), so
PostgreSQL parses and plans it afresh every time. For most queries that costs little; for the few
large fixed-shape statements run on every write it is most of their cost: timescales.engine's
read of everything a child's timescales depend on is 25 KB of SQL that takes 4-5 ms planned
afresh and under 1 ms prepared; data_quality's statement that stores a child's problems is larger.

`PreparedQuery` keeps such a statement with its constants written in as literals and `SLOT` where
each run's values go, and runs it through a cursor that binds on the server and asks psycopg to
prepare it: PostgreSQL then plans it once per connection (psycopg keeps the prepared statements
in a cache of its own, per connection, and makes them again when it must). It needs the
connection's `prepare_threshold` to be a number (opencsc.database sets it; with
OPENCSC_DB_PREPARE=0 it is None and nothing is prepared, the statements simply run).

The cursor is wrapped as Django wraps its own, so the tests' query counts, the bench's SQL timing
(core.sql_timing) and every other execute wrapper see these statements like any other.

    read = PreparedQuery(sql, (*constants, SLOT))          # positional: %s where each SLOT is
    with read.execute((child_id,)) as cursor: row = cursor.fetchone()
    store = PreparedQuery(sql, {"check_0": "...", "now": SLOT})   # named: %(now)s stays
    with store.execute({"now": now}): pass
"""

from __future__ import annotations

from contextlib import contextmanager

import psycopg
from django.db import connection

SLOT = object()  # where a run's value goes
# Stand-ins for the slots while the constants are written in: plain integers no constant equals.
_FIRST_STAND_IN = 918_273_645_501


class _PreparingCursor(psycopg.Cursor):
    """Binds on the server and asks for every statement it runs to be prepared (psycopg
    prepares nothing for Django's own cursors, which bind on the client)."""

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


class PreparedQuery:
    def __init__(self, sql: str, params: tuple | dict):
        """`sql` and `params` as a compiled Django query gives them, with SLOT for each value a
        run supplies; every other parameter is a constant of the statement's shape."""
        self._source = (sql, params)
        self._text: str | None = None

    def _prepared_text(self) -> str:
        """The SQL with its constants as literals and a placeholder where each slot is."""
        if self._text is None:
            sql, params = self._source
            named = isinstance(params, dict)
            items = params.items() if named else enumerate(params)
            stand_ins = {}
            written_params = {} if named else []
            for key, value in items:
                if value is SLOT:
                    value = stand_ins[key] = _FIRST_STAND_IN + len(stand_ins)
                if named:
                    written_params[key] = value
                else:
                    written_params.append(value)
            connection.ensure_connection()
            written = psycopg.ClientCursor(connection.connection).mogrify(sql, written_params)
            # The literals may hold % (a LIKE pattern): the text is given placeholders again.
            written = written.replace("%", "%%")
            for key, stand_in in stand_ins.items():
                found = written.count(str(stand_in))
                if found == 0 or (not named and found != 1):
                    raise RuntimeError(f"A prepared statement's slot {key!r} could not be placed.")
                written = written.replace(str(stand_in), f"%({key})s" if named else "%s")
            self._text = written
        return self._text

    @contextmanager
    def execute(self, values: tuple | dict):
        """Run with `values` in the slots (in order, or by name); yields the cursor to read."""
        text = self._prepared_text()
        if _history_context_adds_a_statement(text):
            with connection.cursor() as cursor:
                cursor.execute(text, values)
                yield cursor
            return
        connection.ensure_connection()
        raw = _PreparingCursor(connection.connection)
        cursor = connection.make_debug_cursor(raw) if connection.queries_logged else connection.make_cursor(raw)
        with cursor:
            cursor.execute(text, values)
            yield cursor


def _history_context_adds_a_statement(sql: str) -> bool:
    """Inside pghistory's context (a web request that writes: core.audit), pghistory puts a
    statement that sets the context before every statement but a SELECT, so that the audit
    triggers know who and where. Two statements cannot be prepared: such a run goes through
    Django's own cursor, unprepared, as any other query does."""
    from pghistory import runtime

    return hasattr(runtime._tracker, "value") and sql.lstrip()[:6].lower() != "select"
