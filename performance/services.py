"""Writes: the snapshots of every indicator's figure, kept by the scheduled job
(`manage.py snapshot_indicators`) so the dashboard and the trends read stored figures."""

from __future__ import annotations

import datetime

from django.db import transaction

from core import clock
from performance.indicators import INDICATORS
from performance.models import IndicatorSnapshot
from performance.selectors import evaluate
from workforce.models import Team


@transaction.atomic
def snapshot_take(as_of: datetime.date, *, actor=None, codes: list[str] | None = None) -> int:
    """Compute every indicator at the date, for the authority and for each team, and keep the
    figures (replacing any kept for that date). Returns how many rows were written."""
    teams = list(Team.objects.values_list("pk", flat=True))
    now = clock.now()
    codes = codes or list(INDICATORS)
    rows = []
    for code in codes:
        evaluated = evaluate(code, as_of)
        for team_id in [None, *teams]:
            figure = evaluated.figure(None if team_id is None else frozenset({team_id}))
            if figure.denominator is None:
                continue  # a rate has no team figure
            rows.append(IndicatorSnapshot(
                code=code, as_of=as_of, team_id=team_id, version=evaluated.indicator.version,
                numerator=figure.numerator, denominator=figure.denominator, value=figure.value, computed_at=now,
                computed_by=actor,
            ))
    # The day's figures are replaced whole, in one transaction: a page never reads half a day.
    IndicatorSnapshot.objects.filter(as_of=as_of, code__in=codes).delete()
    IndicatorSnapshot.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
