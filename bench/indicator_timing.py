"""Each indicator computed live for one date (issue 15: any single indicator for any date in at
most 2 seconds on the large authority), in-process after the server has stopped, as the board
pack is timed: the indicator's queries and counting and the query for its children's teams
(`performance.selectors.evaluate`), then the authority's figure. The date is the last 31 March,
the end of the DfE's reporting year, whose "in the year" indicators read a whole year."""

from __future__ import annotations

import datetime
import time

TARGET_S = 2.0


def last_year_end(today: datetime.date) -> datetime.date:
    year = today.year if (today.month, today.day) >= (3, 31) else today.year - 1
    return datetime.date(year, 3, 31)


def measure(as_of: datetime.date | None = None) -> dict:
    from core import clock
    from performance.indicators import INDICATORS
    from performance.selectors import evaluate

    as_of = as_of or last_year_end(clock.today())
    rows = []
    for code in INDICATORS:
        started = time.perf_counter()
        figure = evaluate(code, as_of).figure()
        seconds = time.perf_counter() - started
        rows.append(
            {
                "code": code,
                "seconds": round(seconds, 2),
                "numerator": figure.numerator,
                "denominator": figure.denominator,
                "result": "met" if seconds <= TARGET_S else "missed",
            }
        )
    slowest = max(rows, key=lambda r: r["seconds"]) if rows else None
    return {
        "as_of": as_of.isoformat(),
        "target_s": TARGET_S,
        "indicators": rows,
        "slowest": slowest and {"code": slowest["code"], "seconds": slowest["seconds"]},
        "result": "met" if all(r["result"] == "met" for r in rows) else "missed",
    }
