"""The kinds of plan that hold content, each registered by its own area from AppConfig.ready():

    plans.kinds.register(PlanKind(
        slug="cp", label="Child protection plan", model=ChildProtectionPlan,
        capability=Capability.RECORD_HELP_AND_PROTECTION, area=AREA, facts=_plan_facts,
    ))

so that this app imports no area. A plan model has `child`, `start_date` and `end_date`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from access.capabilities import Capability
from people.steps import RecordArea


@dataclass(frozen=True)
class PlanKind:
    slug: str  # in the URL: /people/<id>/plans/<slug>/<plan id>/
    label: str  # "Child protection plan"
    model: type[models.Model]
    capability: Capability  # who may write its content (and record progress at its meetings)
    area: RecordArea  # the record's tab the plan page sits under
    # The plan's own facts for the top of its page (start, category...), from the plan alone.
    facts: Callable[[models.Model], list[tuple[str, str]]] = field(default=lambda plan: [])
    # The meetings that record progress: (label, link name) for the plan page's "what next".
    meeting: str = "review"


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
