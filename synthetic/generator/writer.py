"""Writes a planned batch: staff and teams first, then each stage in order (so every foreign key
points at a saved row), the big tables with COPY, then the chronology events, whose sources now
have ids.

Ordinary tables go through `bulk_create` (one statement per 2,000 rows). Visits, case notes and
chronology events, the millions of rows of the large authority, are streamed with PostgreSQL's
COPY (psycopg 3's `cursor.copy()`); visit and note ids are taken from the tables' own sequences
first so the chronology can point at them. Memory is bounded by the batch. Nothing here knows
about journeys: it only saves what it is given.
"""

from __future__ import annotations

import json
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from casework.chronology import spec_for
from casework.models import CaseNote, ChronologyEvent, Visit
from workforce.models import Team, User

from synthetic.generator.batch import Row

INSERT_CHUNK = 2_000
# The columns of each COPY table, in the order the planners give the values (activity.py).
COPY_TABLES = {
    "casework_visit": (Visit, ["child_id", "visited_at", "visit_type", "child_seen", "seen_alone", "bedroom_seen",
                               "voice_of_child", "observations", "next_steps", "recorded_by_id", "recorded_at"]),
    "casework_casenote": (CaseNote, ["child_id", "note_type", "occurred_at", "subject", "body", "recorded_by_id",
                                     "recorded_at"]),
}
FOREIGN_KEYS = {"child_id", "recorded_by_id"}
EVENT_COLUMNS = ["child_id", "event_type", "occurred_at", "significant", "data", "source_type_id", "source_id",
                 "recorded_by_id", "recorded_at"]


def write_staff(pools) -> Counter:
    teams, users = pools.drain()
    counts = Counter()
    if teams:
        managers = [team.manager for team in teams]
        for team in teams:
            team.manager = None  # a team and its manager point at each other: the manager is set after
        Team.objects.bulk_create(teams)
        counts["workforce.Team"] += len(teams)
    if users:
        User.objects.bulk_create(users, batch_size=INSERT_CHUNK)
        counts["workforce.User"] += len(users)
    if teams:
        for team, manager in zip(teams, managers):
            team.manager = manager
        Team.objects.bulk_update(teams, ["manager"])
    return counts


def _raw_cursor():
    connection.ensure_connection()
    return connection.connection.cursor()  # psycopg 3, inside Django's transaction


def _copy(cursor, table: str, columns: list[str], rows):
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _copy_table(cursor, table: str, rows: list[Row]) -> None:
    _model, columns = COPY_TABLES[table]
    cursor.execute(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, %s)", [len(rows)])
    for row, (pk,) in zip(rows, cursor.fetchall()):
        row.pk = pk
    foreign = [i for i, c in enumerate(columns) if c in FOREIGN_KEYS]

    def values(row: Row):
        v = list(row.values)
        for i in foreign:
            v[i] = v[i].pk
        return [row.pk, *v]

    _copy(cursor, table, ["id", *columns], (values(row) for row in rows))


def write_batch(batch, pools) -> Counter:
    counts = write_staff(pools)
    for stage, rows in batch.ordered():
        if stage == "document":
            continue  # after the case notes they are attached to
        model = type(rows[0])
        model.objects.bulk_create(rows, batch_size=INSERT_CHUNK)
        counts[model._meta.label] += len(rows)
    with _raw_cursor() as cursor:
        for table, rows in batch.copies.items():
            _copy_table(cursor, table, rows)
            counts[COPY_TABLES[table][0]._meta.label] += len(rows)
        documents = batch.rows.get("document", [])
        for document in documents:
            document.case_note_id = batch.documents_of[id(document)].pk
        if documents:
            type(documents[0]).objects.bulk_create(documents, batch_size=INSERT_CHUNK)
            counts[type(documents[0])._meta.label] += len(documents)
        # Content types are looked up before the COPY starts: no other query may run during it.
        rows = list(_event_rows(batch.events, _content_types(batch.events)))
        _copy(cursor, "casework_chronologyevent", EVENT_COLUMNS, rows)
        counts[ChronologyEvent._meta.label] += len(batch.events)
    return counts


def _key(source):
    return source.table if isinstance(source, Row) else type(source)


def _content_types(events) -> dict:
    found = {}
    for e in events:
        key = _key(e.source)
        if key not in found:
            model = COPY_TABLES[key][0] if isinstance(key, str) else key
            found[key] = ContentType.objects.get_for_model(model).pk
    return found


def _event_rows(events, content_types):
    significant = {}
    for e in events:
        if e.event_type not in significant:
            significant[e.event_type] = spec_for(e.event_type).significant
        yield [e.child.pk, e.event_type, e.occurred_at, significant[e.event_type], json.dumps(e.data),
               content_types[_key(e.source)], e.source.pk, e.actor.pk if e.actor else None, e.occurred_at]
