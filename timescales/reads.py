"""What a provider reads, declared rather than queried, so that the engine reads it for every
provider in one query per refresh.

A provider registered with `reads` (`engine.register(only_if_any=..., reads=...)`) names, as a
dict, the rows it needs relative to the child (`CHILD`, the child's id in the engine's query);
the engine reads them, with those of every other provider with something to start from, in one
query, and calls the provider with the values by the same names. A refresh then costs the same
queries whatever areas the child is open in, and an area added later costs none more.

- `column(queryset, field)`: one field of the rows, as a list in the queryset's order;
- `records(queryset)`: the rows as model instances (all their fields, or the fields named), in
  the queryset's order: one subquery for a whole table where `column` needs one per field;
- `attach(objects, name, related)`: what select_related would have done, from rows read beside
  them, so that following the relation does not query.

Each provider's columns come back as one JSON object (one condition on the provider's tables
guards them all: engine._read); the values are turned back into what the database driver would
have given (dates, aware datetimes in the connection's time zone, ...) by each field's own
`to_python`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, models
from django.db.models import OuterRef
from django.db.models.functions import JSONObject

CHILD = OuterRef("pk")

# Types whose JSON form would not give back exactly what the database holds (a number with a
# fraction, a JSON document, bytes): a provider that needs one reads it for itself.
_UNSUPPORTED = (models.DecimalField, models.FloatField, models.JSONField, models.BinaryField)


@dataclass(frozen=True)
class Read:
    """A provider's column: the expression the engine selects, and how to turn its JSON back."""

    expression: Any
    decode: Callable[[Any], Any]


def _checked(model, field: models.Field) -> models.Field:
    """The field whose `to_python` reads the value back (a generated field's output field)."""
    if isinstance(field, models.GeneratedField):
        field = field.output_field
    if isinstance(field, _UNSUPPORTED):
        raise TypeError(f"{model.__name__}.{field.name} cannot be read back exactly from JSON.")
    return field


def _python(field: models.Field, value):
    if value is None:
        return None
    value = field.to_python(value)
    if isinstance(value, datetime.datetime):
        # As the database driver gives it: the same moment, in the connection's time zone.
        value = value.astimezone(connection.timezone)
    return value


def column(queryset: models.QuerySet, field: str) -> Read:
    """One field of the rows (a field's name or attname, or "pk"), as a list in the queryset's
    order: give it one that leaves no tie, if the list is zipped with another."""
    model = queryset.model
    model_field = _checked(model, model._meta.pk if field == "pk" else model._meta.get_field(field))
    return Read(ArraySubquery(queryset.values(field)), lambda values: [_python(model_field, v) for v in values])


def records(queryset: models.QuerySet, *names: str) -> Read:
    """The rows as model instances, in the queryset's order: with all their fields, or only the
    fields named (reading another then queries, as for a deferred field)."""
    model = queryset.model
    # In the model's order, which is the order Model.from_db expects them in.
    fields = [f for f in model._meta.concrete_fields if not names or f.name in names or f.attname in names]
    if names and len(fields) != len(set(names)):
        raise ValueError(f"{model.__name__} has no field among some of {names}.")
    readers = [(field.attname, _checked(model, field)) for field in fields]
    attnames = [attname for attname, _ in readers]
    row = JSONObject(**{attname: attname for attname in attnames})

    def decode(rows):
        return [
            model.from_db(connection.alias, attnames, [_python(field, row[attname]) for attname, field in readers])
            for row in rows
        ]

    return Read(ArraySubquery(queryset.values(row=row)), decode)


def attach(objects: Iterable[models.Model], name: str, related: Iterable[models.Model]) -> None:
    """Set the relation `name` of each object (a foreign key, or either side of a one-to-one)
    from `related`, or to None where none of them is its, as select_related would."""
    objects = list(objects)
    if not objects:
        return
    relation = objects[0]._meta.get_field(name)
    if relation.concrete:  # a foreign key or one-to-one on this model: match its value
        by_pk = {obj.pk: obj for obj in related}
        for obj in objects:
            relation.set_cached_value(obj, by_pk.get(getattr(obj, relation.attname)))
    else:  # the other side of a one-to-one: the related row points at this one
        by_owner = {getattr(obj, relation.field.attname): obj for obj in related}
        for obj in objects:
            relation.set_cached_value(obj, by_owner.get(obj.pk))


__all__ = ["CHILD", "Read", "column", "records", "attach"]
