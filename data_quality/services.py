"""Writes for data quality: a child's problems brought up to date at every save, and the whole
authority's recomputed in bulk (the management command check_data_quality, and the benchmark)."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from core import clock
from data_quality import sql
from data_quality.checks import CHECKS


def refresh_child(person) -> None:
    """The record-changed hook (timescales.engine.on_record_changed): inside the save's own
    transaction, one statement makes this child's stored problems what the checks find now."""
    sql.store(sql.Period.containing(clock.today()), clock.now(), ids=[person.pk])


@dataclass
class CheckRun:
    period: sql.Period
    stored: bool
    seconds: float
    children: int  # children with at least one problem
    counts: Counter = field(default_factory=Counter)  # problems by check id

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def check_all(*, year: int | None = None) -> CheckRun:
    """Run every check over every child.

    Without `year` (or with the current collection year), the live picture: the stored problems
    are recomputed for everyone. For a past year (the collection year ending 31 March `year`), the
    problems as at that year end are found and counted, and the live table is left alone.
    """
    today = clock.today()
    period = sql.Period.containing(today) if year is None else sql.Period.year_ending(year, today)
    live = period.as_of == today
    started = time.perf_counter()
    if live:
        from data_quality.models import Problem

        with transaction.atomic():
            sql.store(period, clock.now())
            rows = list(Problem.objects.filter(person__merged_into__isnull=True).values_list("check_id", "person_id"))
    else:
        rows = [(f.check_id, f.child_id) for f in sql.find(period, clock.now())]
    seconds = time.perf_counter() - started
    counts = Counter({check_id: 0 for check_id in CHECKS})
    counts.update(check_id for check_id, _ in rows)
    return CheckRun(period=period, stored=live, seconds=seconds, children=len({c for _, c in rows}), counts=counts)
