"""The due items of the generated open cases, worked out as the timescale engine would.

`timescales.engine.refresh_due_items` keeps one child's items in step with their record after
a save: it locks the child's row, reads their existing items, matches, inserts, then runs the
record-changed hooks (data quality) for that child. A freshly generated child has no items, so
matching has nothing to do: here the engine's own providers and validation (`_collect`,
`_values`) give each child's items, a chunk of children's items is written with one COPY, and
the hooks that accept many children at once (data quality's one statement) run once per chunk.
The rows are the engine's (synthetic/tests/test_due.py compares the two ways on the small authority).
"""

from __future__ import annotations

from core import clock
from synthetic.generator import bulk
from timescales import engine
from timescales.models import DueItem


def _store_problems(people) -> None:
    """data_quality.services.refresh_child's statement (sql.store), scoped to many children.
    Sent through psycopg directly: pgtrigger.ignore (the large build) prefixes every query that
    goes through Django with a positional parameter, which psycopg refuses beside this
    statement's named ones. The ignore setting is already in the transaction (set_config local)."""
    from django.db import connection

    from data_quality import sql

    _, statement, constants = sql._statements()
    ids = [p.pk for p in people]
    with connection.connection.cursor() as cursor:
        cursor.execute(
            sql._scoped(statement, ids), sql._values(sql.Period.containing(clock.today()), clock.now(), ids) | constants
        )


def _chunk_hooks():
    """Each record-changed hook as a function of many children, or child by child (as the
    engine calls them) for a hook with no such form."""
    from data_quality import services as data_quality

    hooks = []
    for hook in engine.record_hooks():
        if hook is data_quality.refresh_child:
            hooks.append(_store_problems)
        else:
            hooks.append(lambda people, hook=hook: [hook(p) for p in people])
    return hooks


def refresh_fresh(people, calendar) -> int:
    """Write the due items of children who have none yet; returns how many rows."""
    from django.db import connection

    if DueItem.objects.filter(person_id__in=[p.pk for p in people]).exists():
        raise ValueError("refresh_fresh is for children without due items: use refresh_due_items")
    from workforce.models import Team

    now = clock.now()
    rows = []
    managers = dict(Team.objects.filter(pk__in={p.current_team_id for p in people}).values_list("pk", "manager_id"))
    for person in people:
        for spec in engine._collect(person, calendar):
            values = engine._values(
                spec, person.current_worker_id, person.current_team_id, managers.get(person.current_team_id)
            )
            rows.append(
                DueItem(
                    person_id=person.pk,
                    rule_code=spec.rule_code,
                    key=spec.key,
                    trigger_date=spec.trigger_date,
                    created_at=now,
                    updated_at=now,
                    **values,
                )
            )
    if rows:
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            bulk.assign_ids(cursor, rows)
            bulk.copy_instances(cursor, rows)
    for hook in _chunk_hooks():
        hook(people)
    return len(rows)
