"""Summaries of measured samples: percentiles and throughput."""

from __future__ import annotations

import math


def percentile(values: list[float], pct: float) -> float | None:
    """The nearest-rank percentile (what load-testing tools usually report), or None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def summarise(samples: list[dict], seconds: float) -> dict:
    """samples: [{"ms": float, "ok": bool, "sql_ms": float|None, "queries": int|None}, ...]"""
    ok = [s for s in samples if s["ok"]]
    latency = [s["ms"] for s in ok]
    sql = [s["sql_ms"] for s in ok if s["sql_ms"] is not None]
    queries = [s["queries"] for s in ok if s["queries"] is not None]
    return {
        "requests": len(samples),
        "errors": len(samples) - len(ok),
        "p50_ms": _round(percentile(latency, 50)),
        "p95_ms": _round(percentile(latency, 95)),
        "max_ms": _round(max(latency) if latency else None),
        "throughput_rps": round(len(ok) / seconds, 2) if seconds > 0 else None,
        "sql_p50_ms": _round(percentile(sql, 50)),
        "sql_p95_ms": _round(percentile(sql, 95)),
        "queries_p50": percentile(queries, 50),
        "queries_max": max(queries) if queries else None,
    }


def _round(value):
    return None if value is None else round(value, 1)
