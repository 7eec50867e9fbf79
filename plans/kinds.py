"""The kinds of plan that hold content, each registered by its own area from AppConfig.ready():

    plans.kinds.register(PlanKind(
        slug="cp", label="Child protection plan", model=ChildProtectionPlan,
        capability=Capability.RECORD_HELP_AND_PROTECTION, area=AREA, facts=plan_facts,
    ))

so that this app imports no area. By default a plan has `child`, `start_date` and `end_date`, and
is current until it ends; a kind whose plans are versions (a care plan, replaced by the next one
agreed) says how it starts and which of its plans are current."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q

from access.capabilities import Capability
from people.steps import RecordArea


@dataclass(frozen=True)
class Section:
    """A part of the plan written as text (the care plan's health plan, say)."""

    key: str  # in the URL
    label: str
    hint: str = ""
    required: bool = True  # the plan is complete only when every required section is written


@dataclass(frozen=True)
class PlanKind:
    slug: str  # in the URL: /people/<id>/plans/<slug>/<plan id>/
    label: str  # "Child protection plan"
    model: type[models.Model]
    capability: Capability  # who may write its content (and record progress at its meetings)
    area: RecordArea  # the record's tab the plan page sits under
    # The plan's own facts for the top of its page (start, category...), from the plan alone.
    facts: Callable[[models.Model], list[tuple[str, str]]] = field(default=lambda plan: [])
    meeting: str = "review"  # what records progress against it, in words
    start: Callable[[models.Model], datetime.date] = field(default=lambda plan: plan.start_date)
    # Which of this kind's plans are still current (may be changed, and their actions are due).
    current: Callable[[], Q] = field(default=lambda: Q(end_date__isnull=True))
    child_field: str = "child"  # the path from the plan to the child
    sections: tuple[Section, ...] = ()

    def child_of(self, plan):
        obj = plan
        for step in self.child_field.split("__"):
            obj = getattr(obj, step)
        return obj

    def child_id_field(self) -> str:
        return f"{self.child_field}_id" if "__" not in self.child_field else f"{self.child_field}__id"

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


_kinds: dict[str, PlanKind] = {}


def register(kind: PlanKind) -> PlanKind:
    _kinds[kind.slug] = kind
    return kind


def get(slug: str) -> PlanKind | None:
    return _kinds.get(slug)


def for_model(model) -> PlanKind:
    for kind in _kinds.values():
        if kind.model is model or isinstance(model, kind.model):
            return kind
    raise LookupError(f"{model!r} is not a registered kind of plan (plans.kinds.register)")


def all_kinds() -> list[PlanKind]:
    return list(_kinds.values())
