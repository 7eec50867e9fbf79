"""A column matched against a list of ids as one PostgreSQL array: `column = ANY(%s)`.

Why: `filter(child_id__in=ids)` makes Django check and convert each id and write a placeholder
for it, and psycopg send each apart. A team's caseload reads a few hundred children's ids two or
three times (caseloads.weights): on My team that was a tenth of the page's Python. As one array
parameter the list costs one conversion, done in psycopg's C, and the SQL text stays the same
whatever the number of ids. The same rows as `__in`: an empty list matches nothing.

    Relationship.objects.filter(in_ids("from_person_id", child_ids))
"""

from __future__ import annotations

from django.db.models import BooleanField, Expression, F


class _InIds(Expression):
    conditional = True
    output_field = BooleanField()

    def __init__(self, column: str, ids: list[int]):
        super().__init__()
        self.column = F(column)
        self.ids = ids

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, exprs):
        (self.column,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.column)
        return f"{sql} = ANY(%s::bigint[])", (*params, self.ids)


def in_ids(column: str, ids) -> _InIds:
    """`column` (a field name, or a path like "worker__team_id") is one of `ids` (integers)."""
    return _InIds(column, [int(i) for i in ids])
