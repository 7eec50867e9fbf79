"""The visibility rule compiled to SQL once per request and user, instead of once per list.

Why: `visible_to` nests `people_visible_to` (an OR of the user's children, their team's, linked
adults, grants and every registered rule, each an EXISTS) into each list's query. Django builds,
resolves, relabels and compiles that tree afresh every time: about 10 ms of CPU per list, so half
the application's time on My work and My team, which show five or six lists (bench.page_cpu).
The SQL it produces is the same every time for one user in one request, so inside a request
(`VisibilityScope`, a middleware) it is compiled once and each list adds it as text, with the
list's own column put where the rule compares the person's id.

The SQL is exactly what Django would write for `Exists(people_visible_to(user).filter(pk=
OuterRef(via)))` but for its table aliases, which are renamed to "vis0", "vis1", ... (Django's own
are upper case letters and digits, so they can never be the outer query's and shadow it). Outside
a request (jobs, commands, tests calling a selector) nothing is cached and `visible_to` builds
the expression as before.

The text depends only on the user (id, role, team), the registered rules and the moment: the
rules compare with "now" through `ClockNow`, which is compiled as a marker and replaced by
clock.now() each time the text is used, so the text is kept between requests too (keyed by what
it depends on). Should a rule ever put another date or time into the SQL, that user's text is
kept for the one request only, as it was first written.
"""

from __future__ import annotations

import contextvars
import datetime

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, DateTimeField, Expression, F

from core import clock

# The placeholder for the outer query's column while the rule is compiled alone. No "%".
_MARKER = "opencsc_visible_outer_person_id"
PREFIX = "vis"

_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("opencsc_visibility_sql", default=None)
# Texts that hold no moment, kept between requests; emptied when it grows past the bound (a few
# hundred staff use the app; the bound only stops a leak).
_kept: dict = {}
KEPT_MOST = 5000
# Set while the rule is compiled to be kept: ClockNow writes _NOW, not the moment.
_compiling = contextvars.ContextVar("opencsc_visibility_compiling", default=False)
_NOW = object()


class ClockNow(Expression):
    """clock.now() when the query is compiled rather than when it is built, so that the
    visibility rule's SQL can be kept and each use compares with its own "now"."""

    output_field = DateTimeField()

    def as_sql(self, compiler, connection):
        return "%s", [_NOW if _compiling.get() else clock.now()]


class _Marker(Expression):
    output_field = BooleanField()  # never read: it only stands in the WHERE clause

    def as_sql(self, compiler, connection):
        return _MARKER, []


def compiled(user, alias: str, build, rules: tuple = ()) -> tuple[str, tuple] | None:
    """(sql, params) of EXISTS(<the rule> AND person.id = <marker>) for this user, built by
    build(user) with the registered `rules`; None outside a request, or when the rule cannot be
    compiled alone. The params may hold _NOW, which VisibleRow replaces."""
    cache = _scope.get()
    if cache is None:
        return None
    key = (
        alias,
        user.pk,
        getattr(user, "role", None),
        getattr(user, "team_id", None),
        getattr(user, "is_authenticated", False),
        rules,
    )
    kept = _kept.get(key)  # one look-up: another thread may empty _kept between two
    if kept is not None:
        return kept
    if key not in cache:
        cache[key] = _compile(build(user), alias)
        if cache[key] is not None and not any(isinstance(p, datetime.date) for p in cache[key][1]):
            if len(_kept) >= KEPT_MOST:
                _kept.clear()
            _kept[key] = cache[key]
    return cache[key]


def _compile(people, alias: str) -> tuple[str, tuple] | None:
    token = _compiling.set(True)
    try:
        return _compiled(people, alias)
    finally:
        _compiling.reset(token)


def _compiled(people, alias: str) -> tuple[str, tuple] | None:
    query = people.filter(pk=_Marker()).query.exists()
    query.alias_prefix = PREFIX
    query.subq_aliases = query.subq_aliases | {PREFIX}
    query.change_aliases({a: f"{PREFIX}{pos}" for pos, a in enumerate(query.alias_map)})
    query.subquery = True
    try:
        sql, params = query.get_compiler(connection=connections[alias]).as_sql()
    except EmptyResultSet:
        return None
    if sql.count(_MARKER) != 1:
        return None
    return f"EXISTS({sql})", tuple(params)


def holds(user, alias: str, build, rules: tuple, person_id: int) -> bool | None:
    """Whether the person `person_id` is one the user may see, by the kept SQL in one statement
    (None outside a request, or when the rule cannot be compiled alone: ask the ORM). Why: the
    record pages ask this of every person not plainly the user's (another team's child, a linked
    adult, a child the user audits or reviews, and every 404); building and compiling the whole rule
    for that one question was most of such a request's CPU."""
    cached = compiled(user, alias, build, rules)
    if cached is None:
        return None
    sql, params = _with_outer(*cached, "%s", (person_id,))
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        return cursor.fetchone()[0]


def _with_outer(sql: str, params: tuple, column: str, column_params: tuple) -> tuple[str, tuple]:
    """The kept EXISTS with `column` (SQL and its params) where the marker stands, and this
    moment where the kept params hold _NOW."""
    before, after = sql.split(_MARKER)
    cut = before.count("%s")
    now = clock.now()
    params = tuple(now if p is _NOW else p for p in params)
    return before + column + after, (*params[:cut], *column_params, *params[cut:])


def in_request() -> bool:
    """Whether a request's scope is open (the middleware): only then is compiled SQL kept."""
    return _scope.get() is not None


def compile_keepable(query, alias: str) -> tuple[str, list]:
    """(sql, params) of a query that holds the visibility rule, compiled to be kept: "now" is the
    NOW marker in its params (put back by with_now), not the moment. Raises EmptyResultSet."""
    token = _compiling.set(True)
    try:
        return query.get_compiler(connection=connections[alias]).as_sql()
    finally:
        _compiling.reset(token)


def is_now(param) -> bool:
    return param is _NOW


class VisibleRow(Expression):
    """The row's person (the column at `via`) is one the user may see: the cached EXISTS with
    that column in place of the marker."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, sql: str, params: tuple, via: str):
        super().__init__()
        self.sql, self.params, self.outer = sql, params, F(via)

    def get_source_expressions(self):
        return [self.outer]

    def set_source_expressions(self, exprs):
        (self.outer,) = exprs

    def as_sql(self, compiler, connection):
        column, column_params = compiler.compile(self.outer)
        return _with_outer(self.sql, self.params, column, tuple(column_params))


class VisibilityScope:
    """Middleware: one cache of the compiled rule per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _scope.set({})
        try:
            return self.get_response(request)
        finally:
            _scope.reset(token)
