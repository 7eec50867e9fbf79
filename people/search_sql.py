"""The search page's query compiled once per kind of user and kept as SQL text.

Why: the ranked search (people.selectors) is a large expression: the visibility rule, the name
keys' lookups and the score, worked out twice for current names and once more for previous
ones. Django builds, resolves and compiles that tree afresh for every search, about half of the
page's own CPU (bench/page_cpu.py, `make bench`'s search). Its SQL is the same for every name
typed: only the values differ (the name, its keys, "now"). So it is built once with
placeholders where those values go, compiled, and kept; each search then sends the same text
with its own values (the same way access.visibility_sql keeps the visibility rule).

A placeholder is a string no one types ("\\x00opencsc-search:<slot>"), alone or as the one
element of a list (a key array). The kept text holds no value of the name searched for: if a
placeholder does not come out of the compiler as a parameter of its own (were a value ever
rewritten on its way into the SQL), or a date other than "now" is among the parameters, nothing
is kept and the search is built as before.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import EmptyResultSet
from django.db import connections

from access import visibility_sql
from core import clock

PREFIX = "\x00opencsc-search:"
# Emptied when it grows past the bound: a few hundred staff, a few shapes each; it only stops a leak.
KEPT_MOST = 5000
_kept: dict = {}
_UNKEPT = object()


def slot(name: str) -> str:
    return PREFIX + name


def rows(key: tuple, alias: str, build, values: dict) -> list[tuple] | None:
    """The rows of the query build() makes (with placeholders), for these slot `values`; None
    outside a request or when the query cannot be kept (the caller then builds it itself)."""
    if not visibility_sql.in_request():
        return None
    key = (alias, *key)
    kept = _kept.get(key)  # one look-up: another thread may empty _kept between two
    if kept is None:
        kept = _compile(build(), alias)
        if len(_kept) >= KEPT_MOST:
            _kept.clear()
        _kept[key] = kept
    if kept is _UNKEPT:
        return None
    sql, plan = kept
    now = clock.now()
    params = [values[value] if kind == "slot" else now if kind == "now" else value for kind, value in plan]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _compile(queryset, alias: str):
    try:
        sql, params = visibility_sql.compile_keepable(queryset.query, alias)
    except EmptyResultSet:
        return _UNKEPT
    plan = []
    for param in params:
        name = _slot_of(param)
        if name is not None:
            plan.append(("slot", name))
        elif visibility_sql.is_now(param):
            plan.append(("now", None))
        elif isinstance(param, datetime.date) or PREFIX in str(param):
            return _UNKEPT
        else:
            plan.append(("value", param))
    return sql, tuple(plan)


def _slot_of(param) -> str | None:
    if isinstance(param, str) and param.startswith(PREFIX):
        return param[len(PREFIX) :]
    if isinstance(param, list) and len(param) == 1 and isinstance(param[0], str) and param[0].startswith(PREFIX):
        return param[0][len(PREFIX) :]
    return None
