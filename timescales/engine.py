"""The timescale engine: providers say what is due; the engine keeps DueItem rows in step.

Each area of the record (front door, child protection, looked after...) registers a provider
in its AppConfig.ready():

    from timescales import engine

    def child_protection_due(person, calendar):
        for plan in person.cp_plans.open():
            rule = effective_rule("cp_visit")
            ...
            yield engine.DueSpec(rule_code="cp_visit", due_date=..., trigger_date=...,
                                 trigger_description="Last visit on 2 June 2025", source=visit)

    engine.register(child_protection_due)

A provider is a pure function of the child's record: it yields what is due now, and, so that
history is kept, the occurrences it knows were met (with `completed_at`). Services call
`refresh_due_items(person)` inside their transaction after every write; the engine then makes
the child's open items exactly match what the providers say, in a handful of queries.

A provider should declare the tables it starts from (`only_if_any`) and what it reads
(`reads`, timescales.reads): then it makes no query of its own. The engine reads, in one query
after locking the child, which tables the child has rows in and the columns of every provider
that has something to start from, and calls each of those with its columns. So a refresh costs
the same few queries whatever areas the child is open in, and a provider added later costs a
child without rows in its tables nothing more than its EXISTS in that query.

An occurrence is identified by (rule_code, key, trigger_date). When the trigger moves (a
referral date corrected), the old occurrence is deleted and the new one inserted; when only
the due date, title or allocation changes, the row is updated in place.
"""

from __future__ import annotations

import datetime
import functools
import json
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Case, Exists, OuterRef, Subquery, When
from django.db.models.functions import JSONObject

from core import clock
from core.clock import LONDON
from core.content_types import content_type_for
from core.prepared import SLOT, PreparedQuery
from timescales.calendar import WorkingDayCalendar, get_calendar, london_date
from timescales.reads import CHILD, Read, records
from timescales.rules import RULES, Rule, effective_rule
from timescales.units import Unit

# --- What a provider returns -------------------------------------------------------------------


@dataclass(frozen=True)
class DueSpec:
    rule_code: str
    due_date: datetime.date | None  # may be left None when due_at is given: it is then derived
    trigger_date: datetime.date
    trigger_description: str  # "Referral on 2 June 2025"
    due_at: datetime.datetime | None = None  # hour-based rules only (the 72-hour RHI)
    # The record that started the clock: a model instance, or (content type / model / app label
    # "app.model", id).
    source: Any = None
    key: str = ""  # tells apart concurrent items under one rule (for example the episode id)
    title: str = ""  # shown instead of the rule's title, e.g. "Second looked-after review"
    completed_at: datetime.datetime | datetime.date | None = None  # set when the occurrence was met
    # Who must do it, when that is a named member of staff rather than whoever holds the child (an
    # action agreed in supervision has its own owner): the item is in that person's tray. Give its
    # rule to `held_by_owner` too, so that a reallocation leaves the item with its owner.
    worker_id: int | None = None

    @property
    def identity(self) -> tuple[str, str, datetime.date]:
        return (self.rule_code, self.key, self.trigger_date)


# provider(person, calendar), or provider(person, calendar, found) for one that declares its reads.
Provider = Callable[..., Iterable[DueSpec]]
# () -> {name: timescales.reads.Read}: what the provider reads, relative to the child
Reads = Callable[[], dict[str, Read]]

_providers: list[Provider] = []

# provider -> the (model, field to the child) whose rows it starts from. A provider that yields
# nothing unless the child has a row in one of them is skipped when they are all empty, which the
# engine learns with EXISTS columns on its one read query: a refresh after a visit to a
# looked-after child does not read for the areas it is not in.
_gates: dict[Provider, tuple[tuple[type[models.Model], str], ...]] = {}
# provider -> the columns it reads (see timescales.reads), read for it by the engine.
_reads: dict[Provider, Reads] = {}


def register(
    provider: Provider | None = None,
    *,
    only_if_any: Iterable[tuple[type[models.Model], str]] = (),
    reads: Reads | None = None,
):
    """Add a provider (usable as a decorator, bare or as `@register(only_if_any=..., reads=...)`).

    `only_if_any`: pairs of (model, field naming the child), e.g. `[(Contact, "child_id")]`, or
    (a queryset of that model, field) for only some of its rows, for a provider that returns
    nothing when the child has no row in any of them. Leave it empty to run the provider on
    every refresh.

    `reads`: a function giving what the provider reads, by name, each built with
    timescales.reads (`column`, `records`). The provider is then called as
    provider(person, calendar, found), with `found` the values by the same names, and makes no
    query of its own; without `reads` it is called as provider(person, calendar) and reads for
    itself. What it reads may depend on the child (timescales.reads.CHILD) and nothing else (not
    the date: filter on dates in the provider): the engine compiles the query once.

    Registering the same function twice is harmless, because AppConfig.ready() can run more
    than once in tests."""
    gates = tuple(only_if_any)

    def add(provider: Provider) -> Provider:
        if provider not in _providers:
            _providers.append(provider)
        if gates:
            _gates[provider] = gates
        else:
            _gates.pop(provider, None)
        if reads is not None:
            _reads[provider] = reads
        else:
            _reads.pop(provider, None)
        return provider

    return add if provider is None else add(provider)


def unregister(provider: Provider) -> None:
    if provider in _providers:
        _providers.remove(provider)
    _gates.pop(provider, None)
    _reads.pop(provider, None)


def _exists(model, field) -> Exists:
    rows = model if isinstance(model, models.QuerySet) else model._default_manager
    return Exists(rows.filter(**{field: OuterRef("pk")}))


def _gate_columns(provider: Provider) -> dict[str, Exists]:
    """One EXISTS per (model, field) the provider is gated on."""
    return {_gate_name(model, field): _exists(model, field) for model, field in _gates.get(provider, ())}


def _gate_name(model, field) -> str:
    # A gate may be a queryset (some rows of a table, e.g. the chronology's key events): its
    # column is told apart from the whole table's by the queryset object it came from.
    if isinstance(model, models.QuerySet):
        return f"has_{model.model._meta.label_lower.replace('.', '_')}_{field}_{id(model)}"
    return f"has_{model._meta.label_lower.replace('.', '_')}_{field}"


def _runs(provider: Provider, present: dict[str, bool]) -> bool:
    gates = _gates.get(provider)
    return not gates or any(present[_gate_name(model, field)] for model, field in gates)


@dataclass(frozen=True)
class _Plan:
    """The read query for one set of providers, compiled once and prepared (core.prepared) with
    the child's id as its one slot; None when no provider reads. `reading`: by provider, the name
    of its column and its reads."""

    query: PreparedQuery | None
    reading: dict
    items: Read | None


_plans: dict[tuple, _Plan] = {}


def _plan(person, providers: list[Provider], *, gated: bool, items: bool) -> _Plan:
    """Each provider that declares its reads has one column: its reads as one JSON object, which,
    when `gated`, is worked out only if the child has a row in one of its tables (CASE evaluates
    its branch only when the condition holds) and is NULL otherwise. Such a provider costs a
    child without rows its EXISTS and nothing more. A gated provider that reads for itself has
    its EXISTS as columns of their own. `items`: the child's due items too.

    Building and compiling the query is most of a refresh's Python work, and it depends only on
    the providers (what they read is declared relative to the child), so it is done once."""
    key = (tuple((p, _reads.get(p), _gates.get(p)) for p in providers), gated, items)
    plan = _plans.get(key)
    if plan is not None:
        return plan
    from people.models import Person
    from timescales.models import DueItem

    columns: dict[str, Any] = {}
    reading: dict[Provider, tuple[str, dict[str, Read]]] = {}
    for index, provider in enumerate(providers):
        reads = _reads.get(provider)
        if reads is None:
            if gated:
                columns.update(_gate_columns(provider))
            continue
        wanted = reads()
        value = JSONObject(**{name: read.expression for name, read in wanted.items()})
        gates = _gates.get(provider, ()) if gated else ()
        if gates:
            condition = functools.reduce(operator.or_, (_exists(model, field) for model, field in gates))
            value = Case(When(condition, then=value))
        name = f"reads_{index}"
        columns[name] = value
        reading[provider] = (name, wanted)
    due_items = records(DueItem.objects.filter(person_id=CHILD).order_by("pk")) if items else None
    if due_items is not None:
        columns["engine"] = JSONObject(due_items=due_items.expression)
    sql, params = Person.objects.filter(pk=person.pk).values(**columns).query.sql_with_params() if columns else ("", ())
    if columns and (not params or params[-1] != person.pk):
        raise RuntimeError("The engine's read query does not end with the child's id.")
    plan = _plans[key] = _Plan(PreparedQuery(sql, (*params[:-1], SLOT)) if sql else None, reading, due_items)
    return plan


def _read(person, providers: list[Provider], *, gated: bool, items: bool = False):
    """One query on the child's row for what the providers read (see _plan). Returns the row
    (the gates, and each provider's column as a dict, or None), how to read it (_Plan.reading),
    and the child's due items when `items`."""
    plan = _plan(person, providers, gated=gated, items=items)
    if plan.query is None:
        return {}, plan.reading, None
    with plan.query.execute((person.pk,)) as cursor:
        names = [column.name for column in cursor.description]
        row = dict(zip(names, cursor.fetchone(), strict=True))
    for name in [name for name, _ in plan.reading.values()] + (["engine"] if plan.items else []):
        if isinstance(row[name], str):  # jsonb comes as text (Django's loader, for JSONField)
            row[name] = json.loads(row[name])
    return row, plan.reading, plan.items.decode(row["engine"]["due_items"]) if plan.items else None


def providers() -> tuple[Provider, ...]:
    return tuple(_providers)


# Other apps that keep something per child in step with the record (data quality) register a
# hook here rather than being imported by the services: refresh_due_items is already the one call
# every write makes inside its transaction, so a hook runs in that same transaction, after the
# due items, and sees the write. hook(person) -> None.
RecordHook = Callable[[Any], None]

_record_hooks: list[RecordHook] = []


def on_record_changed(hook: RecordHook) -> RecordHook:
    """Add a hook called at the end of every refresh_due_items (usable as a decorator)."""
    if hook not in _record_hooks:
        _record_hooks.append(hook)
    return hook


def record_hooks() -> tuple[RecordHook, ...]:
    return tuple(_record_hooks)


# Rules whose items are held by a named owner (DueSpec.worker_id), not by the child's worker.
_held_by_owner: set[str] = set()


def held_by_owner(*rule_codes: str) -> None:
    """Say that items under these rules stay with their owner when the child is reallocated."""
    _held_by_owner.update(rule_codes)


# --- Helpers the providers use -----------------------------------------------------------------


def _rule(rule: Rule | str) -> Rule:
    return effective_rule(rule) if isinstance(rule, str) else rule


def due_from(rule: Rule | str, trigger: datetime.date | datetime.datetime, calendar: WorkingDayCalendar | None = None):
    """The first deadline under `rule` for a clock started at `trigger` (day 0).

    Returns a date, or for hour-based rules an aware datetime (then `trigger` must be one).
    Pass a rule code to have the authority's local standard applied.
    """
    rule = _rule(rule)
    calendar = calendar or get_calendar()
    due = calendar.add(trigger, rule.amount, rule.unit)
    if rule.counts_trigger_day:
        due -= datetime.timedelta(days=1)
    return due


def next_recurring(
    rule: Rule | str,
    last_actual: datetime.date | datetime.datetime,
    occurrence_index: int,
    calendar: WorkingDayCalendar | None = None,
):
    """The next deadline of a repeating rule, counted from the date the last occurrence
    ACTUALLY happened (not from when it was due): an early review resets the clock (C3.4).

    `occurrence_index` is how many occurrences have happened, the last one included: after the
    first looked-after review (1) the next is due within 3 months; after the second (2) or any
    later one, within 6.
    """
    rule = _rule(rule)
    if rule.recurrence is None:
        raise ValueError(f"{rule.code} does not repeat.")
    interval = rule.recurrence.interval_after(occurrence_index)
    return (calendar or get_calendar()).add(last_actual, interval.amount, interval.unit)


def describe_trigger(what: str, when: datetime.date | datetime.datetime) -> str:
    """'Referral on 2 June 2025', 'Return from missing on 2 June 2025 at 14:05'."""
    if isinstance(when, datetime.datetime):
        local = when.astimezone(LONDON)
        return f"{what} on {local.day} {local:%B %Y} at {local:%H:%M}"
    return f"{what} on {when.day} {when:%B %Y}"


# --- Keeping the table in step -----------------------------------------------------------------


@dataclass
class RefreshResult:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0


_FIELDS = (
    "title",
    "due_date",
    "due_at",
    "trigger_description",
    "source_type_id",
    "source_id",
    "worker_id",
    "team_id",
    "completed_at",
)


def _content_type_id(source) -> tuple[int | None, int | None]:
    if source is None:
        return None, None
    if isinstance(source, models.Model):
        return content_type_for(source).pk, source.pk
    kind, pk = source
    if isinstance(kind, ContentType):
        return kind.pk, pk
    if isinstance(kind, type) and issubclass(kind, models.Model):
        return content_type_for(kind).pk, pk
    if isinstance(kind, str):
        app_label, model = kind.lower().split(".")
        return content_type_for(apps.get_model(app_label, model)).pk, pk
    return int(kind), pk


def _as_moment(value: datetime.date | datetime.datetime | None) -> datetime.datetime | None:
    """A completion given as a date is taken as the start of that day in England."""
    if value is None or isinstance(value, datetime.datetime):
        if value is not None and value.tzinfo is None:
            raise ValueError("completed_at must be timezone-aware.")
        return value
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=LONDON)


def _values(spec: DueSpec, worker_id, team_id, manager_id=None) -> dict:
    """The stored values for a spec, validated. A rule the team manager does (Rule.for_manager)
    is held by the manager of the child's team rather than by the child's worker."""
    rule = RULES.get(spec.rule_code)
    if rule is None:
        raise ValueError(f"A provider returned an unknown rule code {spec.rule_code!r}.")
    if rule.for_manager:
        worker_id = manager_id
    due_date = spec.due_date
    if spec.due_at is not None:
        local_due = london_date(spec.due_at)
        if due_date is None:
            due_date = local_due
        elif due_date != local_due:
            raise ValueError(f"{spec.rule_code}: due_date {due_date} is not the date of due_at {spec.due_at}.")
    if due_date is None:
        raise ValueError(f"{spec.rule_code}: a due date is needed.")
    source_type_id, source_id = _content_type_id(spec.source)
    return {
        "title": (spec.title or rule.title)[:200],
        "due_date": due_date,
        "due_at": spec.due_at,
        "trigger_description": spec.trigger_description[:300],
        "source_type_id": source_type_id,
        "source_id": source_id,
        "worker_id": spec.worker_id if spec.worker_id is not None else worker_id,
        "team_id": team_id,
        "completed_at": _as_moment(spec.completed_at),
    }


def _collect(person, calendar, *, gated: bool = False) -> list[DueSpec]:
    """What every provider says is due for the child. `gated`: skip the providers whose tables
    (only_if_any) hold no row of the child's; otherwise every provider runs."""
    providers = list(_providers)
    row, reading, _ = _read(person, providers, gated=gated)
    return _specs(person, calendar, providers, row, reading, gated=gated)


def _specs(person, calendar, providers, row, reading, *, gated: bool) -> list[DueSpec]:
    """Run the providers on what _read read for them."""
    specs: list[DueSpec] = []
    seen: set[tuple] = set()
    for provider in providers:
        if provider in reading:
            name, wanted = reading[provider]
            if row[name] is None:
                continue  # gated: nothing to start from
            given = provider(person, calendar, {key: read.decode(row[name][key]) for key, read in wanted.items()})
        elif gated and not _runs(provider, row):
            continue
        else:
            given = provider(person, calendar)
        for spec in given:
            if spec.identity in seen:
                raise ValueError(
                    f"Two due items for {spec.rule_code!r} with key {spec.key!r} and trigger {spec.trigger_date}: "
                    "give each a distinct `key` (for example the id of its record)."
                )
            seen.add(spec.identity)
            specs.append(spec)
    open_keys = [(s.rule_code, s.key) for s in specs if s.completed_at is None]
    if len(open_keys) != len(set(open_keys)):
        raise ValueError("A child can have only one open due item per rule and key: a provider returned two.")
    return specs


def refresh_due_items(person, *, calendar: WorkingDayCalendar | None = None) -> RefreshResult:
    """Make the child's open due items exactly what the providers say is due.

    - a spec matching an existing row (same rule, key and trigger date) updates it in place,
      only if something changed;
    - a new spec is inserted; a spec with `completed_at` closes its open row (or is recorded
      as history if the row never existed);
    - an open row no provider returns any more is deleted; completed rows are never deleted.

    Runs inside the caller's transaction (joining it, without a savepoint), or in its own when
    there is none. It locks the child's row so that two refreshes cannot interleave. Queries:
    one to lock and read the allocation, one for what the providers read and the child's rows
    (the providers that declare their reads make none of their own), then at most one delete,
    two updates and one insert, whatever the number of items.
    """
    from people.models import Person
    from timescales.models import DueItem

    calendar = calendar or get_calendar()
    result = RefreshResult()
    with transaction.atomic(savepoint=False):
        # Read the allocation fresh (services update it with .update(), leaving instances stale).
        row = (
            Person.objects.select_for_update(of=("self",))
            .filter(pk=person.pk)
            .values("current_worker_id", "current_team_id", "current_team__manager_id")
            .get()
        )
        worker_id, team_id = row["current_worker_id"], row["current_team_id"]
        manager_id = row["current_team__manager_id"]
        # What the providers read, and the child's rows (all of them: the completed ones are the
        # history the providers return again), come after the lock, in a statement of its own:
        # one that had waited for another refresh of the child would not see what that one saved.
        providers = list(_providers)
        found, reading, existing = _read(person, providers, gated=True, items=True)
        specs = _specs(person, calendar, providers, found, reading, gated=True)
        by_identity = {(row.rule_code, row.key, row.trigger_date): row for row in existing}
        now = clock.now()

        matched: set[int] = set()
        to_insert: list[DueItem] = []
        to_close: list[DueItem] = []  # rows that end up completed: written before rows that end up open
        to_open: list[DueItem] = []
        for spec in specs:
            row = by_identity.get(spec.identity)
            values = _values(spec, worker_id, team_id, manager_id)
            if row is None:
                to_insert.append(
                    DueItem(
                        person_id=person.pk,
                        rule_code=spec.rule_code,
                        key=spec.key,
                        trigger_date=spec.trigger_date,
                        created_at=now,
                        updated_at=now,
                        **values,
                    )
                )
                continue
            matched.add(row.pk)
            if values["completed_at"] is not None:
                # A met item keeps the worker and team who held it, not whoever holds the child now.
                values["worker_id"], values["team_id"] = row.worker_id, row.team_id
            if all(getattr(row, f) == values[f] for f in _FIELDS):
                result.unchanged += 1
                continue
            for field, value in values.items():
                setattr(row, field, value)
            row.updated_at = now
            (to_close if row.completed_at is not None else to_open).append(row)

        stale = [row.pk for row in existing if row.completed_at is None and row.pk not in matched]
        if stale:
            result.deleted = DueItem.objects.filter(pk__in=stale, completed_at__isnull=True).delete()[0]
        fields = [*_FIELDS, "updated_at"]
        for rows in (to_close, to_open):
            if rows:
                DueItem.objects.bulk_update(rows, fields)
                result.updated += len(rows)
        if to_insert:
            DueItem.objects.bulk_create(to_insert)
            result.inserted = len(to_insert)
        for hook in _record_hooks:
            hook(person)
    return result


def reassign_due_items(person) -> int:
    """The child's allocation changed: open items follow the child to the new worker and team
    (one UPDATE, reading the allocation from the child's row), the manager's items to the new
    team's manager. Completed items keep theirs."""
    from people.models import Person
    from timescales.models import DueItem

    current = Person.objects.filter(pk=OuterRef("person_id"))
    items = DueItem.objects.filter(person_id=person.pk, completed_at__isnull=True)
    if _held_by_owner:  # an action's owner keeps it (held_by_owner)
        items = items.exclude(rule_code__in=_held_by_owner)
    for_manager = [code for code, rule in RULES.items() if rule.for_manager]
    return items.update(
        worker_id=Case(
            When(rule_code__in=for_manager, then=Subquery(current.values("current_team__manager_id")[:1])),
            default=Subquery(current.values("current_worker_id")[:1]),
        ),
        team_id=Subquery(current.values("current_team_id")[:1]),
        updated_at=clock.now(),
    )


def due_spec(
    rule: Rule | str, *, trigger, trigger_description: str, calendar: WorkingDayCalendar | None = None, **kwargs
) -> DueSpec:
    """Convenience for providers: a DueSpec for the first deadline of `rule` from `trigger`.

    A datetime trigger gives an hour-based rule its exact `due_at`; for other rules only its
    date in England counts.
    """
    rule = _rule(rule)
    due = due_from(rule, trigger, calendar)
    trigger_date = london_date(trigger) if isinstance(trigger, datetime.datetime) else trigger
    if rule.unit == Unit.HOURS:
        return DueSpec(rule.code, None, trigger_date, trigger_description, due_at=due, **kwargs)
    return DueSpec(rule.code, due, trigger_date, trigger_description, **kwargs)


__all__ = [
    "DueSpec",
    "Provider",
    "RefreshResult",
    "register",
    "unregister",
    "providers",
    "on_record_changed",
    "record_hooks",
    "due_from",
    "next_recurring",
    "describe_trigger",
    "refresh_due_items",
    "reassign_due_items",
    "held_by_owner",
    "due_spec",
]
