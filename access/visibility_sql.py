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
the expression as before. The cached text holds the moment it was first compiled (the grants'
"now"): one request's lifetime.
"""

from __future__ import annotations

import contextvars

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, Expression, F

# The placeholder for the outer query's column while the rule is compiled alone. No "%".
_MARKER = "opencsc_visible_outer_person_id"
PREFIX = "vis"

_scope: contextvars.ContextVar[dict | None] = contextvars.ContextVar("opencsc_visibility_sql", default=None)


class _Marker(Expression):
    output_field = BooleanField()  # never read: it only stands in the WHERE clause

    def as_sql(self, compiler, connection):
        return _MARKER, []


def compiled(user, alias: str, build) -> tuple[str, tuple] | None:
    """(sql, params) of EXISTS(<the rule> AND person.id = <marker>) for this user, from the
    request's cache; None outside a request, or when the rule cannot be compiled alone."""
    cache = _scope.get()
    if cache is None:
        return None
    key = (alias, user.pk, getattr(user, "role", None), getattr(user, "team_id", None))
    if key not in cache:
        cache[key] = _compile(build(user), alias)
    return cache[key]


def _compile(people, alias: str) -> tuple[str, tuple] | None:
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
        before, after = self.sql.split(_MARKER)
        cut = before.count("%s")
        return before + column + after, (*self.params[:cut], *column_params, *self.params[cut:])


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
