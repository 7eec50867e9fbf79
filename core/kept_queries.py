"""A page's fixed-shape query built and compiled once per process, then run with each request's
values: the model instances Django would give, without Django building the query again.

Why: a page of a child's record runs a dozen small queries whose shape never changes ("this
child's open address", "their three latest visits with who recorded them"); only the child's id
and today's date differ. Django builds, resolves and compiles each afresh on every request, and
that is most of the case summary's CPU (bench/page_cpu.py). Here `build` makes the queryset once
with stand-in values (sentinels no real value equals), its SQL and the compiler's row layout are
kept, and each call sends the kept SQL with its own values and makes the instances the way
Django's ModelIterable does (select_related included).

Nothing is kept, and the query is built as before every time, when a stand-in does not come out
of the compiler as a parameter of its own, when a date or time other than a slot's is among the
parameters (it would be frozen), when a value is None (the SQL's shape would differ), or when the
queryset is not one of model instances.

    visits = kept_queries.fetch("summary.visits", lambda child: Visit.objects.filter(child_id=child)
                                .select_related("recorded_by")[:3], child=person.pk)
"""

from __future__ import annotations

import copy
import datetime
import threading
from collections.abc import Callable

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models.query import ModelIterable, get_related_populators

_kept: dict = {}
_UNKEPT = object()
_lock = threading.Lock()


def _sentinel(position: int, value):
    """A stand-in of the value's own type that no real value equals."""
    if type(value) is int:
        return -918_273_600 - position
    if type(value) is str:
        return f"\x00opencsc-kept:{position}"
    if type(value) is datetime.datetime:
        return datetime.datetime(1, 1, 1 + position, 0, 0, 7, tzinfo=datetime.UTC)
    if type(value) is datetime.date:
        return datetime.date(1, 1, 1 + position)
    return None


def fetch(key: str, build: Callable, /, **values) -> list:
    """list(build(**values)), from SQL kept under `key` (one shape of query per key). Positional
    only, so that a value may be called anything, "key" included."""
    stand_ins = {name: _sentinel(i, value) for i, (name, value) in enumerate(sorted(values.items()))}
    if any(s is None for s in stand_ins.values()):
        return list(build(**values))
    kind = (key, tuple((name, type(value)) for name, value in sorted(values.items())))
    kept = _kept.get(kind)
    if kept is None:
        with _lock:
            kept = _kept.get(kind)
            if kept is None:
                kept = _kept[kind] = _compile(build(**stand_ins), stand_ins)
    if kept is _UNKEPT:
        return list(build(**values))
    return _run(kept, values)


def _compile(queryset, stand_ins: dict):
    if queryset._iterable_class is not ModelIterable or queryset._prefetch_related_lookups:
        return _UNKEPT
    alias = queryset.db
    compiler = queryset.query.get_compiler(using=alias)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return _UNKEPT
    by_value = {(type(v), v): name for name, v in stand_ins.items()}
    plan = []
    for param in params:
        name = by_value.get((type(param), param))
        if name is not None:
            plan.append((True, name))
        elif isinstance(param, datetime.date):
            return _UNKEPT
        else:
            plan.append((False, param))
    if {name for is_slot, name in plan if is_slot} != set(stand_ins):
        return _UNKEPT
    # The columns' converters too (Django works them out on every run): they are given the
    # connection when they run, so they hold none of their own.
    converters = compiler.get_converters([s[0] for s in compiler.select[0 : compiler.col_count]])
    return alias, sql, tuple(plan), compiler, converters


def _run(kept, values: dict) -> list:
    alias, sql, plan, template, converters = kept
    params = [values[p] if is_slot else p for is_slot, p in plan]
    compiler = copy.copy(template)
    compiler.connection = connections[alias]
    with compiler.connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if converters:
        rows = compiler.apply_converters(rows, converters)
    return list(_instances(compiler, alias, rows))


def _instances(compiler, alias: str, rows):
    """ModelIterable's making of instances from the kept compiler's layout."""
    select, klass_info, annotation_col_map = compiler.select, compiler.klass_info, compiler.annotation_col_map
    model_cls = klass_info["model"]
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    init_list = [f[0].target.attname for f in select[start:end]]
    related_populators = get_related_populators(klass_info, select, alias)
    for row in rows:
        obj = model_cls.from_db(alias, init_list, row[start:end])
        for populator in related_populators:
            populator.populate(row, obj)
        for attr_name, col_pos in (annotation_col_map or {}).items():
            setattr(obj, attr_name, row[col_pos])
        yield obj
