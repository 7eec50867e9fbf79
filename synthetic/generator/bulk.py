"""COPY for planned model instances: the generator's fast path to the database.

`bulk_create` spends most of its time per field per row (pre_save, get_db_prep_save, building
the placeholders of one INSERT); for hundreds of thousands of rows that costs more than the
insert. Here each model gets a plan once (its columns and how each value is read), ids come from
the table's own sequence in one query per table and batch, and the rows stream through
PostgreSQL's COPY (psycopg 3). The constraints and indexes stay as they are: COPY checks them
like an INSERT (foreign keys are deferred to the commit, as Django creates them DEFERRABLE
INITIALLY DEFERRED, so rows of one table may point at each other in any order).

Values are what `bulk_create` would send: plain fields are read as they are (the planners give
values of the right type); fields that change their value on the way to the database (JSON,
arrays, files, anything unusual) go through the field's own `get_db_prep_save`; `auto_now` and
`auto_now_add` through `pre_save`, as Django does. A model this plan cannot write exactly (an
inherited model, a database default) is refused with a message rather than written wrongly.
"""

from __future__ import annotations

from django.db import connection, models
from django.db.models.expressions import DatabaseDefault

# Fields whose Python value is already what PostgreSQL stores (the exact classes, not
# subclasses: a subclass may change the value in get_prep_value).
PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField,
    models.BooleanField,
    models.DateField,
    models.DateTimeField,
    models.EmailField,
    models.SlugField,
)
RELATION, PLAIN_VALUE, PREPARED, PRE_SAVE = range(4)

_plans: dict[type, "Plan"] = {}


class Plan:
    """How one model's instances become COPY rows."""

    def __init__(self, model):
        meta = model._meta
        if meta.parents:
            raise ValueError(f"{meta.label}: inherited models are not written with COPY")
        self.model = model
        self.table = meta.db_table
        self.pk = meta.pk
        self.fields = []  # (kind, field, name, attname)
        for field in meta.concrete_fields:
            if field is self.pk or isinstance(field, models.GeneratedField):
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                kind = PRE_SAVE
            elif field.is_relation:
                kind = RELATION
            elif type(field) in PLAIN:
                kind = PLAIN_VALUE
            else:
                kind = PREPARED
            self.fields.append((kind, field, field.name, field.attname))
        self.columns = [self.pk.column, *(f.column for _, f, _, _ in self.fields)]

    def row(self, obj) -> list:
        values = [obj.pk]
        cache = obj._state.fields_cache
        for kind, field, name, attname in self.fields:
            if kind == RELATION:
                value = getattr(obj, attname)
                related = cache.get(name)
                if value is None and related is not None:
                    # Assigned as an instance before it had an id: its id now, as bulk_create
                    # does (an id set on the field itself wins, as there).
                    value = related.pk
                    setattr(obj, attname, value)
            elif kind == PLAIN_VALUE:
                value = getattr(obj, attname)
            elif kind == PRE_SAVE:
                value = field.pre_save(obj, True)
            else:
                value = field.get_db_prep_save(getattr(obj, attname), connection)
            if isinstance(value, DatabaseDefault):
                raise ValueError(f"{self.model._meta.label}.{name}: a database default cannot be written with COPY")
            values.append(value)
        return values


def plan_for(model) -> Plan:
    plan = _plans.get(model)
    if plan is None:
        plan = _plans[model] = Plan(model)
    return plan


def take_ids(cursor, table: str, column: str, count: int) -> list[int]:
    """`count` ids from the table's own sequence, in order, in one query."""
    cursor.execute(
        f"SELECT nextval(pg_get_serial_sequence('{table}', '{column}')) FROM generate_series(1, %s)", [count]
    )
    return [pk for (pk,) in cursor.fetchall()]


def assign_ids(cursor, objs: list) -> None:
    """Give unsaved instances (all of one model) their ids, as bulk_create would."""
    plan = plan_for(type(objs[0]))
    for obj, pk in zip(objs, take_ids(cursor, plan.table, plan.pk.column, len(objs))):
        obj.pk = pk
        obj._state.adding = False


def copy_rows(cursor, table: str, columns: list[str], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def copy_instances(cursor, objs: list) -> None:
    """COPY instances of one model that already have their ids (assign_ids)."""
    plan = plan_for(type(objs[0]))
    copy_rows(cursor, plan.table, plan.columns, (plan.row(obj) for obj in objs))
