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

An occurrence is identified by (rule_code, key, trigger_date). When the trigger moves (a
referral date corrected), the old occurrence is deleted and the new one inserted; when only
the due date, title or allocation changes, the row is updated in place.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Case, Exists, OuterRef, Q, Subquery, When

from core import clock
from core.clock import LONDON
from timescales.calendar import WorkingDayCalendar, get_calendar, london_date
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

    @property
    def identity(self) -> tuple[str, str, datetime.date]:
        return (self.rule_code, self.key, self.trigger_date)


Provider = Callable[[Any, WorkingDayCalendar], Iterable[DueSpec]]

_providers: list[Provider] = []

# provider -> the (model, field to the child) whose rows it starts from. A provider that yields
# nothing unless the child has a row in one of them is skipped when they are all empty, which the
# engine learns with EXISTS columns on the query that locks the child anyway: a refresh after a
# visit to a looked-after child no longer runs the dozen queries of the areas it is not in.
_gates: dict[Provider, tuple[tuple[type[models.Model], str], ...]] = {}


def register(provider: Provider | None = None, *, only_if_any: Iterable[tuple[type[models.Model], str]] = ()):
    """Add a provider (usable as a decorator, bare or as `@register(only_if_any=...)`).

    `only_if_any`: pairs of (model, field naming the child), e.g. `[(Contact, "child_id")]`, or
    (a queryset of that model, field) for only some of its rows, for a provider that returns
    nothing when the child has no row in any of them. Leave it empty to run the provider on every refresh. Registering the same function twice is
    harmless, because AppConfig.ready() can run more than once in tests."""
    gates = tuple(only_if_any)

    def add(provider: Provider) -> Provider:
        if provider not in _providers:
            _providers.append(provider)
        if gates:
            _gates[provider] = gates
        else:
            _gates.pop(provider, None)
        return provider

    return add if provider is None else add(provider)


def unregister(provider: Provider) -> None:
    if provider in _providers:
        _providers.remove(provider)
    _gates.pop(provider, None)


def _gate_columns() -> dict[str, Exists]:
    """One EXISTS per (model, field) any provider is gated on, named g0, g1..."""
    columns: dict[str, Exists] = {}
    for gates in _gates.values():
        for model, field in gates:
            name = _gate_name(model, field)
            if name not in columns:
                rows = model if isinstance(model, models.QuerySet) else model._default_manager
                columns[name] = Exists(rows.filter(**{field: OuterRef("pk")}))
    return columns


def _gate_name(model, field) -> str:
    # A gate may be a queryset (some rows of a table, e.g. the chronology's key events): its
    # column is told apart from the whole table's by the queryset object it came from.
    if isinstance(model, models.QuerySet):
        return f"has_{model.model._meta.label_lower.replace('.', '_')}_{field}_{id(model)}"
    return f"has_{model._meta.label_lower.replace('.', '_')}_{field}"


def _runs(provider: Provider, present: dict[str, bool]) -> bool:
    gates = _gates.get(provider)
    return not gates or any(present[_gate_name(model, field)] for model, field in gates)


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
        return ContentType.objects.get_for_model(source).pk, source.pk
    kind, pk = source
    if isinstance(kind, ContentType):
        return kind.pk, pk
    if isinstance(kind, type) and issubclass(kind, models.Model):
        return ContentType.objects.get_for_model(kind).pk, pk
    if isinstance(kind, str):
        app_label, model = kind.lower().split(".")
        return ContentType.objects.get_by_natural_key(app_label, model).pk, pk
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
        "worker_id": worker_id,
        "team_id": team_id,
        "completed_at": _as_moment(spec.completed_at),
    }


def _collect(person, calendar, present: dict[str, bool] | None = None) -> list[DueSpec]:
    specs: list[DueSpec] = []
    seen: set[tuple] = set()
    for provider in _providers:
        if present is not None and not _runs(provider, present):
            continue
        for spec in provider(person, calendar):
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
    one to lock and read the allocation, one to read the rows, then at most one delete, two
    updates and one insert, whatever the number of items.
    """
    from people.models import Person
    from timescales.models import DueItem

    calendar = calendar or get_calendar()
    result = RefreshResult()
    with transaction.atomic(savepoint=False):
        # Read the allocation fresh (services update it with .update(), leaving instances stale).
        # The same query says which gated providers have anything to start from (see register).
        row = (
            Person.objects.select_for_update(of=("self",)).filter(pk=person.pk)
            .values("current_worker_id", "current_team_id", "current_team__manager_id", **_gate_columns()).get()
        )
        worker_id, team_id = row.pop("current_worker_id"), row.pop("current_team_id")
        manager_id = row.pop("current_team__manager_id")
        specs = _collect(person, calendar, row)
        trigger_dates = {s.trigger_date for s in specs}
        existing = list(
            DueItem.objects.filter(person_id=person.pk).filter(
                Q(completed_at__isnull=True) | Q(rule_code__in={s.rule_code for s in specs}, trigger_date__in=trigger_dates)
            )
        )
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
                    DueItem(person_id=person.pk, rule_code=spec.rule_code, key=spec.key, trigger_date=spec.trigger_date,
                            created_at=now, updated_at=now, **values)
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
    for_manager = [code for code, rule in RULES.items() if rule.for_manager]
    return DueItem.objects.filter(person_id=person.pk, completed_at__isnull=True).update(
        worker_id=Case(
            When(rule_code__in=for_manager, then=Subquery(current.values("current_team__manager_id")[:1])),
            default=Subquery(current.values("current_worker_id")[:1]),
        ),
        team_id=Subquery(current.values("current_team_id")[:1]),
        updated_at=clock.now(),
    )


def due_spec(rule: Rule | str, *, trigger, trigger_description: str, calendar: WorkingDayCalendar | None = None, **kwargs) -> DueSpec:
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
    "due_spec",
]
