"""Reads for a plan's content, on a child already fetched and authorised."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch

from plans import kinds
from plans.models import ActionProgress, Outcome, PlanAction, PlanContent


def plan_for_child(kind: kinds.PlanKind, child, plan_id):
    """The plan of this kind, under this child (another child's id is a 404 like a missing one)."""
    return kind.model.objects.filter(**{kind.child_field: child}, pk=plan_id).first()


def is_current(kind: kinds.PlanKind, plan) -> bool:
    """Not ended (nor, for a plan kept in versions, replaced): its content may still change."""
    return kind.model.objects.filter(kind.current(), pk=plan.pk).exists()


def outcome_for_plan(plan, outcome_id) -> Outcome | None:
    return (
        Outcome.objects.filter(
            pk=outcome_id,
            content__plan_type=ContentType.objects.get_for_model(plan),
            content__plan_id=plan.pk,
        )
        .select_related("content")
        .first()
    )


@dataclass
class PlanPage:
    content: PlanContent | None
    outcomes: list[Outcome] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)  # section key -> text

    def sections(self, kind: kinds.PlanKind) -> list[tuple[kinds.Section, str]]:
        return [(section, self.written.get(section.key, "")) for section in kind.sections]

    def missing(self, kind: kinds.PlanKind) -> list[kinds.Section]:
        """The required sections not yet written: the plan is complete when there are none."""
        return [section for section in kind.sections if section.required and not self.written.get(section.key)]

    def overdue(self, today) -> list[PlanAction]:
        """The plan's actions past their date and not done, marked on each (`action.overdue`) for
        the page."""
        late = []
        for action in self.actions:
            action.overdue = action.is_overdue(today)
            if action.overdue:
                late.append(action)
        return late

    @property
    def contingency(self) -> str:
        return self.content.contingency if self.content else ""

    @property
    def actions(self) -> list[PlanAction]:
        return [action for outcome in self.outcomes for action in outcome.actions.all()]


def plan_page(plan) -> PlanPage:
    """The plan's content for its page: the outcomes, each with its actions (owner, due date,
    status) and every action's progress, meeting by meeting, and its sections. Four or five
    queries, however long the plan."""
    content = PlanContent.objects.filter(plan_type=ContentType.objects.get_for_model(plan), plan_id=plan.pk).first()
    if content is None:
        return PlanPage(None)
    actions = PlanAction.objects.select_related("owner_staff").prefetch_related(
        Prefetch("progress", queryset=ActionProgress.objects.order_by("held_on", "id"))
    )
    outcomes = list(content.outcomes.prefetch_related(Prefetch("actions", queryset=actions)))
    written = dict(content.sections.values_list("key", "text")) if kinds.for_model(plan).sections else {}
    return PlanPage(content, outcomes, written)


def possible_owners():
    """Staff who may own an action: everyone still working here (the service checks the one chosen
    can see the child, since the action will be in their tray)."""
    from workforce.models import User

    return User.objects.filter(is_active=True).order_by("last_name", "first_name", "pk")
