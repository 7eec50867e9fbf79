"""The benchmark authority's monthly indicator snapshots (issue 15: the leader's dashboard is
measured "from snapshots"). An authority generated before the snapshots were part of the
benchmark, or one whose indicators changed version since, gets the figures of the 24 month ends
up to the last complete month, as the nightly job (`manage.py snapshot_indicators`) would have
kept them; the days and indicators already kept are left alone, so a second run builds nothing
and an existing authority gains them without being generated again."""

from __future__ import annotations

import datetime
import time


def month_ends_to(today: datetime.date) -> list[datetime.date]:
    """The 24 month ends up to the last complete month before `today`, oldest first."""
    from performance.selectors import month_ends

    return month_ends(today.replace(day=1) - datetime.timedelta(days=1))


def missing(days: list[datetime.date]) -> dict[datetime.date, list[str]]:
    """{day: the codes whose authority figure at that day is not kept at its current version}:
    one query."""
    from performance.indicators import INDICATORS
    from performance.models import IndicatorSnapshot

    kept = {
        (day, code)
        for day, code, version in IndicatorSnapshot.objects.filter(as_of__in=days, team__isnull=True).values_list(
            "as_of", "code", "version"
        )
        if code in INDICATORS and INDICATORS[code].version == version
    }
    out = {}
    for day in days:
        codes = [code for code in INDICATORS if (day, code) not in kept]
        if codes:
            out[day] = codes
    return out


def ensure(today: datetime.date | None = None, say=lambda message: None) -> dict:
    """Keep whatever is missing of the 24 month ends' figures (each day in its own transaction,
    snapshot_take's, so an interrupted run keeps the days it finished). Returns what was done
    and how long it took, for the results."""
    from core import clock
    from performance.services import snapshot_take

    days = month_ends_to(today or clock.today())
    todo = missing(days)
    started = time.perf_counter()
    rows = 0
    for n, (day, codes) in enumerate(todo.items(), start=1):
        day_started = time.perf_counter()
        rows += snapshot_take(day, codes=codes)
        say(
            f"snapshots: {day.isoformat()} ({len(codes)} indicators) in {time.perf_counter() - day_started:.1f} s "
            f"({n} of {len(todo)})"
        )
    return {
        "month_ends": [days[0].isoformat(), days[-1].isoformat()],
        "days_built": len(todo),
        "rows_written": rows,
        "seconds": round(time.perf_counter() - started, 1),
    }
