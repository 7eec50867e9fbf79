"""Writes a planned batch: staff and teams first, then each stage in order (so every foreign key
points at a saved row), then the chronology events, whose sources now have ids.

Bulk inserts (`bulk_create`, one statement per 2,000 rows) keep the database round trips few and
memory bounded by the batch. Nothing here knows about journeys: it only saves what it is given.
"""

from __future__ import annotations

from collections import Counter

from django.contrib.contenttypes.models import ContentType

from casework.chronology import spec_for
from casework.models import ChronologyEvent
from workforce.models import Team, User

INSERT_CHUNK = 2_000


def write_staff(pools) -> Counter:
    teams, users = pools.drain()
    counts = Counter()
    if teams:
        managers = [team.manager for team in teams]
        for team in teams:
            team.manager = None
        Team.objects.bulk_create(teams)
        counts["workforce.Team"] += len(teams)
        User.objects.bulk_create(users, batch_size=INSERT_CHUNK)
        for team, manager in zip(teams, managers):
            team.manager = manager
        Team.objects.bulk_update(teams, ["manager"])
    elif users:
        User.objects.bulk_create(users, batch_size=INSERT_CHUNK)
    counts["workforce.User"] += len(users)
    return counts


def write_batch(batch, pools) -> Counter:
    counts = write_staff(pools)
    content_types: dict[type, int] = {}
    for _stage, rows in batch.ordered():
        model = type(rows[0])
        model.objects.bulk_create(rows, batch_size=INSERT_CHUNK)
        counts[model._meta.label] += len(rows)
    events = []
    for e in batch.events:
        model = type(e.source)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model).pk
        events.append(ChronologyEvent(
            child=e.child, event_type=e.event_type, occurred_at=e.occurred_at, significant=spec_for(e.event_type).significant,
            data=e.data, source_type_id=content_types[model], source_id=e.source.pk, recorded_by=e.actor,
        ))
    ChronologyEvent.objects.bulk_create(events, batch_size=INSERT_CHUNK)
    counts[ChronologyEvent._meta.label] += len(events)
    return counts
