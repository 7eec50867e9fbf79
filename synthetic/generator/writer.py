"""Writes a planned batch: staff and teams first (bulk_create: a handful of rows), then every
planned row with PostgreSQL COPY (psycopg 3's `cursor.copy()`, bulk.py).

All ids are taken from the tables' own sequences first, in stage order, so each row can be
written with the ids of the rows it points at and the chronology events with their sources' ids;
then each table is one COPY. Foreign keys are checked at the commit (Django makes them
deferrable), unique and check constraints row by row as ever. Memory is bounded by the batch.
Nothing here knows about journeys: it only saves what it is given.
"""

from __future__ import annotations

import json
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from casework.chronology import spec_for
from casework.models import CaseNote, ChronologyEvent, Visit
from synthetic.generator import bulk
from synthetic.generator.batch import Row
from workforce.models import Team, User

INSERT_CHUNK = 2_000
# The columns of each COPY table, in the order the planners give the values (activity.py).
COPY_TABLES = {
    "casework_visit": (
        Visit,
        [
            "child_id",
            "visited_at",
            "visit_type",
            "child_seen",
            "seen_alone",
            "bedroom_seen",
            "voice_of_child",
            "observations",
            "next_steps",
            "recorded_by_id",
            "recorded_at",
        ],
    ),
    "casework_casenote": (
        CaseNote,
        ["child_id", "note_type", "occurred_at", "subject", "body", "recorded_by_id", "recorded_at"],
    ),
}
FOREIGN_KEYS = {"child_id", "recorded_by_id"}
EVENT_COLUMNS = [
    "child_id",
    "event_type",
    "occurred_at",
    "significant",
    "data",
    "source_type_id",
    "source_id",
    "recorded_by_id",
    "recorded_at",
]


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


def _take_row_ids(cursor, table: str, rows: list[Row]) -> None:
    for row, pk in zip(rows, bulk.take_ids(cursor, table, "id", len(rows))):
        row.pk = pk


def _copy_table(cursor, table: str, rows: list[Row]) -> None:
    _model, columns = COPY_TABLES[table]
    foreign = [i for i, c in enumerate(columns) if c in FOREIGN_KEYS]

    def values(row: Row):
        v = list(row.values)
        for i in foreign:
            v[i] = v[i].pk
        return [row.pk, *v]

    bulk.copy_rows(cursor, table, ["id", *columns], (values(row) for row in rows))


def write_batch(batch, pools) -> Counter:
    counts = write_staff(pools)
    # The audit settings (pgtrigger.ignore, the pghistory context) are set by Django's execute
    # wrappers, for the transaction, on the first query that goes through Django: make sure one
    # has, since everything below goes straight to psycopg.
    with connection.cursor() as django_cursor:
        django_cursor.execute("SELECT 1")
    with _raw_cursor() as cursor:
        tables = _by_model(batch)
        # Every id first, in the order bulk_create used to take them (stage order), so any row
        # can be serialised with the ids of the rows it points at.
        for rows in tables.values():
            bulk.assign_ids(cursor, rows)
        for table, rows in batch.copies.items():
            _take_row_ids(cursor, table, rows)
        documents = batch.rows.get("document", [])
        for document in documents:
            document.case_note_id = batch.documents_of[id(document)].pk
        if documents:
            bulk.assign_ids(cursor, documents)
        # Content types are looked up before any COPY starts: no other query may run during one.
        content_types = _content_types(batch.events)
        for model, rows in tables.items():
            bulk.copy_instances(cursor, rows)
            counts[model._meta.label] += len(rows)
        for table, rows in batch.copies.items():
            _copy_table(cursor, table, rows)
            counts[COPY_TABLES[table][0]._meta.label] += len(rows)
        if documents:
            bulk.copy_instances(cursor, documents)
            counts[type(documents[0])._meta.label] += len(documents)
        bulk.copy_rows(cursor, "casework_chronologyevent", EVENT_COLUMNS, _event_rows(batch.events, content_types))
        counts[ChronologyEvent._meta.label] += len(batch.events)
    return counts


def _by_model(batch) -> dict[type, list]:
    """The planned instances by model, in stage order (a model planned in several stages, such
    as conferences or the referrals of one child after another, keeps that order)."""
    tables: dict[type, list] = {}
    for stage, rows in batch.ordered():
        if stage != "document":
            tables.setdefault(type(rows[0]), []).extend(rows)
    return tables


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
        yield [
            e.child.pk,
            e.event_type,
            e.occurred_at,
            significant[e.event_type],
            json.dumps(e.data),
            content_types[_key(e.source)],
            e.source.pk,
            e.actor.pk if e.actor else None,
            e.occurred_at,
        ]
