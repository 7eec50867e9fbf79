"""What a letter can be about (a plan of any registered kind, a conference) and what a file can be
attached to (those, a visit, an assessment), for one child: the choices a worker is offered, the
item a key names (always looked up under the child, so another child's key finds nothing), and
the plain values a letter's placeholders are filled with.

A key is "<what>-<id>", or "plan-<kind>-<id>" for a plan, so one form field and one URL part can
name any of them. Plans come through plans.kinds, so a new kind of plan is offered without this
module knowing it; the other items through their area's model read under the child.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model

from core.dates import long_date
from plans import kinds as plan_kinds
from plans import selectors as plan_selectors


@dataclass(frozen=True)
class Item:
    key: str
    what: str  # "plan", "conference", "visit", "assessment"
    label: str
    obj: Model


def _plans(child) -> list[Item]:
    items = []
    for kind in plan_kinds.all_kinds():
        plans = kind.model.objects.filter(**{kind.child_field: child}).order_by("-pk")
        items += [Item(f"plan-{kind.slug}-{plan.pk}", "plan", _plan_label(kind, plan), plan) for plan in plans]
    return items


def _plan_label(kind, plan) -> str:
    return f"{kind.label} from {long_date(kind.start(plan))}"


def _conferences(child) -> list[Item]:
    from child_protection.models import Conference

    return [
        Item(f"conference-{c.pk}", "conference", _conference_label(c), c)
        for c in Conference.objects.filter(child=child).order_by("-held_on", "-pk")
    ]


def _conference_label(conference) -> str:
    return f"{conference.get_kind_display()} on {long_date(conference.held_on)}"


def _visits(child) -> list[Item]:
    from casework.selectors import visits_for_child

    return [Item(f"visit-{v.pk}", "visit", _visit_label(v), v) for v in visits_for_child(child)[:10]]


def _visit_label(visit) -> str:
    return f"{visit.get_visit_type_display()} on {long_date(visit.visited_at.date())}"


def _assessments(child) -> list[Item]:
    from assessments.models import Assessment

    return [
        Item(f"assessment-{a.pk}", "assessment", _assessment_label(a), a)
        for a in Assessment.objects.filter(child=child).order_by("-start_date", "-pk")
    ]


def _assessment_label(assessment) -> str:
    return f"Single assessment started {long_date(assessment.start_date)}"


def letter_subjects(child, what: str) -> list[Item]:
    """The child's plans, or conferences, a letter about one may name."""
    return _plans(child) if what == "plan" else _conferences(child)


def attachable(child) -> list[Item]:
    return _visits(child) + _assessments(child) + _plans(child) + _conferences(child)


def find(child, key: str) -> Item | None:
    """The item a key names, under this child; None for a key that names nothing of theirs."""
    parts = (key or "").split("-")
    try:
        pk = int(parts[-1])
    except ValueError:
        return None
    if pk <= 0 or pk > 2**63 - 1:
        return None
    what = parts[0]
    if what == "plan" and len(parts) == 3:
        kind = plan_kinds.get(parts[1])
        plan = kind and plan_selectors.plan_for_child(kind, child, pk)
        return Item(key, "plan", _plan_label(kind, plan), plan) if plan else None
    if len(parts) != 2:
        return None
    if what == "conference":
        from child_protection.models import Conference

        found = Conference.objects.filter(child=child, pk=pk).first()
        return Item(key, what, _conference_label(found), found) if found else None
    if what == "visit":
        from casework.selectors import visit_for_child

        found = visit_for_child(child, pk)
        return Item(key, what, _visit_label(found), found) if found else None
    if what == "assessment":
        from assessments.selectors import assessment_for_child

        found = assessment_for_child(child, pk)
        return Item(key, what, _assessment_label(found), found) if found else None
    return None


def key_for(obj) -> str:
    """The key of an item (the plan page's link to make its letter, the demo)."""
    label = obj._meta.label_lower
    if label == "child_protection.conference":
        return f"conference-{obj.pk}"
    if label == "casework.visit":
        return f"visit-{obj.pk}"
    if label == "assessments.assessment":
        return f"assessment-{obj.pk}"
    return f"plan-{plan_kinds.for_model(obj).slug}-{obj.pk}"


def values_for(item: Item) -> dict[str, str]:
    """The plain values of a letter's placeholders about this item (documents.placeholders)."""
    if item.what == "plan":
        return _plan_values(item.obj)
    return _conference_values(item.obj)


def _plan_values(plan) -> dict[str, str]:
    kind = plan_kinds.for_model(plan)
    page = plan_selectors.plan_page(plan)
    outcomes = "\n".join(
        f"{n}. {o.what_must_change}, by {long_date(o.by_when)}. We will know because: {o.how_we_will_know}"
        for n, o in enumerate(page.outcomes, start=1)
    )
    actions = "\n".join(f"- {a.action} ({a.owner}, by {long_date(a.due_on)})" for a in page.actions)
    return {
        "plan.kind": kind.label.lower(),
        "plan.start_date": long_date(kind.start(plan)),
        "plan.outcomes": outcomes or "No outcomes have been written yet.",
        "plan.actions": actions or "No actions have been agreed yet.",
        "plan.contingency": page.contingency or "Not yet agreed.",
    }


def _conference_values(conference) -> dict[str, str]:
    return {
        "conference.kind": conference.get_kind_display().lower(),
        "conference.date": long_date(conference.held_on),
        "conference.outcome": conference.get_outcome_display().lower(),
        "conference.category": conference.get_category_display().lower() if conference.category else "",
        "conference.decisions": conference.notes or "",
    }
