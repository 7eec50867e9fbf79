"""Writes for a plan's content. Each is one transaction, with its chronology event and the child's
due items (an open action is due in its owner's tray, plans.providers).

The plan is the area's (plans.kinds): these services lock the child, check the plan is still open
and that the actor holds the kind's capability for the child, then write. Progress is recorded by
the area's own meeting service (a core group, a review) inside its transaction, with
`progress_record`, so that the meeting and the progress made at it are saved together or not at all."""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from access.capabilities import require
from access.selectors import can_view_person
from casework.chronology import chronology_record
from casework.times import local_moment
from core import clock
from core.dates import DateChecks, long_date
from people.locks import lock_child
from plans import kinds
from plans.choices import OwnerKind, Progress
from plans.models import ActionProgress, Outcome, PlanAction, PlanContent, PlanSection
from timescales.engine import refresh_due_items

LONGEST = 2000  # characters in one outcome's or action's text: a plan is read by the family too


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(9, 0))


def _text(value) -> str:
    return (value or "").strip()


def _open_plan(actor, plan):
    """The plan re-read under the child's lock; refused once it has ended (or, for a plan kept in
    versions, once a newer version replaced it)."""
    kind = kinds.for_model(plan)
    child = lock_child(kind.child_of(plan))
    require(actor, kind.capability, child)
    fresh = type(plan).objects.get(pk=plan.pk)
    if not type(plan).objects.filter(kind.current(), pk=plan.pk).exists():
        ended = getattr(fresh, "end_date", None)
        raise ValidationError(
            f"This {kind.label.lower()} ended on {long_date(ended)}: it can no longer be changed"
            if ended
            else f"This {kind.label.lower()} is no longer current (a newer one replaced it, or it ended): "
            "it can no longer be changed"
        )
    return kind, child, fresh


def _content(plan, child) -> PlanContent:
    content, _ = PlanContent.objects.get_or_create(
        plan_type=ContentType.objects.get_for_model(plan),
        plan_id=plan.pk,
        defaults={"child": child},
    )
    return content


def _required_text(checks: DateChecks, field: str, value, message: str) -> str:
    value = _text(value)
    if not value:
        checks.add(field, message)
    elif len(value) > LONGEST:
        checks.add(field, f"Write no more than {LONGEST} characters")
    return value


@transaction.atomic
def contingency_set(*, actor, plan, contingency: str) -> PlanContent:
    kind, child, plan = _open_plan(actor, plan)
    checks = DateChecks()
    text = _required_text(checks, "contingency", contingency, "Enter what happens if the plan does not work")
    checks.raise_if_any()
    content = _content(plan, child)
    content.contingency = text
    content.save(update_fields=["contingency"])
    chronology_record(
        child=child,
        event_type="plan.contingency_set",
        occurred_at=clock.now(),
        actor=actor,
        source=content,
        data={"plan": kind.label, "contingency": text[:300]},
    )
    return content


@transaction.atomic
def outcome_add(*, actor, plan, what_must_change: str, by_when: datetime.date | None, how_we_will_know: str) -> Outcome:
    kind, child, plan = _open_plan(actor, plan)
    checks = DateChecks()
    what = _required_text(checks, "what_must_change", what_must_change, "Enter what must change")
    know = _required_text(checks, "how_we_will_know", how_we_will_know, "Enter how we will know it has changed")
    if checks.required("by_when", by_when, "the date it must change by"):
        start = kind.start(plan)
        checks.not_before(
            "by_when", by_when, start, f"The date must be on or after the plan started on {long_date(start)}"
        )
    checks.raise_if_any()
    outcome = Outcome.objects.create(
        content=_content(plan, child), what_must_change=what, by_when=by_when, how_we_will_know=know, recorded_by=actor
    )
    chronology_record(
        child=child,
        event_type="plan.outcome_added",
        occurred_at=clock.now(),
        actor=actor,
        source=outcome,
        data={"plan": kind.label, "outcome": what[:300], "by_when": long_date(by_when)},
    )
    return outcome


@transaction.atomic
def action_add(
    *,
    actor,
    outcome: Outcome,
    action: str,
    owner_kind: str,
    owner_staff=None,
    owner_name: str = "",
    due_on: datetime.date | None,
) -> PlanAction:
    """An action towards `outcome`, owned by a member of staff (who must be able to see the child:
    the action will be in their tray) or by a family member or an agency, named."""
    content = outcome.content
    plan = content.plan_type.get_object_for_this_type(pk=content.plan_id)
    kind, child, plan = _open_plan(actor, plan)
    checks = DateChecks()
    text = _required_text(checks, "action", action, "Enter the action")
    name = _text(owner_name)
    if owner_kind == OwnerKind.STAFF:
        if owner_staff is None:
            checks.add("owner_staff", "Select the member of staff who owns the action")
        elif not owner_staff.is_active:
            checks.add("owner_staff", f"{owner_staff} no longer works here")
        elif not can_view_person(owner_staff, child):
            checks.add("owner_staff", f"{owner_staff} cannot see {child.full_name}’s record")
        name = ""
    elif owner_kind in (OwnerKind.FAMILY, OwnerKind.AGENCY):
        owner_staff = None
        if not name:
            checks.add("owner_name", "Enter the name of the family member or agency who owns the action")
        elif len(name) > 200:
            checks.add("owner_name", "Write no more than 200 characters")
    else:
        checks.add("owner_kind", "Select who owns the action")
    if checks.required("due_on", due_on, "the date the action is due by"):
        start = kind.start(plan)
        checks.not_before(
            "due_on", due_on, start, f"The action cannot be due before the plan started on {long_date(start)}"
        )
    checks.raise_if_any()
    created = PlanAction.objects.create(
        outcome=outcome,
        child=child,
        action=text,
        owner_kind=owner_kind,
        owner_staff=owner_staff,
        owner_name=name,
        due_on=due_on,
        added_on=clock.today(),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="plan.action_added",
        occurred_at=clock.now(),
        actor=actor,
        source=created,
        data={"plan": kind.label, "action": text[:300], "owner": created.owner, "due_on": long_date(due_on)},
    )
    refresh_due_items(child)
    return created


def open_actions(plan) -> list[PlanAction]:
    """The plan's actions not yet done, for a meeting's form (the area's view builds one question
    for each)."""
    return list(
        PlanAction.objects.filter(
            outcome__content__plan_type=ContentType.objects.get_for_model(plan),
            outcome__content__plan_id=plan.pk,
        )
        .exclude(status=Progress.DONE)
        .select_related("owner_staff")
        .order_by("due_on", "id")
    )


def progress_record(
    *, actor, plan, meeting, held_on: datetime.date, progress: dict[int, tuple[str, str]]
) -> list[ActionProgress]:
    """Progress made against the plan's open actions, at `meeting` (a core group, a review) held
    on `held_on`: {action id: (status, note)}. Called by the meeting's service inside its own
    transaction, after it has checked the plan and the actor; refuses an action not in this plan
    or a status it does not know, naming the field (`progress_<id>`) the form shows it beside."""
    actions = {a.pk: a for a in open_actions(plan)}
    checks = DateChecks()
    for action_id, (status, note) in progress.items():
        if action_id not in actions:
            checks.add("__all__", "An action on this form is no longer open on the plan: reload the page")
        elif status not in Progress.values:
            checks.add(f"progress_{action_id}", "Select the progress made on this action")
        elif len(_text(note)) > LONGEST:
            checks.add(f"note_{action_id}", f"Write no more than {LONGEST} characters")
    checks.raise_if_any()
    meeting_type = ContentType.objects.get_for_model(meeting)
    rows = [
        ActionProgress(
            action=actions[action_id],
            status=status,
            note=_text(note),
            held_on=held_on,
            meeting_type=meeting_type,
            meeting_id=meeting.pk,
            recorded_by=actor,
        )
        for action_id, (status, note) in progress.items()
    ]
    ActionProgress.objects.bulk_create(rows)
    # A meeting written up late for an earlier date does not overwrite what a later one said.
    latest = dict(
        ActionProgress.objects.filter(action_id__in=[r.action_id for r in rows])
        .values("action_id")
        .annotate(last=Max("held_on"))
        .values_list("action_id", "last")
    )
    changed = []
    for row in rows:
        action = row.action
        if latest.get(action.pk, held_on) > held_on:
            continue
        action.status = row.status
        action.done_on = held_on if row.status == Progress.DONE else None
        changed.append(action)
    PlanAction.objects.bulk_update(changed, ["status", "done_on"])
    if rows:
        kind = kinds.for_model(plan)
        counts = {label: sum(1 for r in rows if r.status == value) for value, label in Progress.choices}
        chronology_record(
            child=kind.child_of(plan),
            event_type="plan.progress_recorded",
            occurred_at=_moment(held_on),
            actor=actor,
            source=meeting,
            data={"plan": kind.label, "summary": ", ".join(f"{n} {label.lower()}" for label, n in counts.items() if n)},
        )
    return rows


def progress_record_for_plans(
    *, actor, plans, meeting, held_on: datetime.date, progress: dict[int, tuple[str, str]]
) -> None:
    """As progress_record, for a meeting that reviews several plans at once (a looked-after review:
    the care plan and the placement with parents agreement): each answer goes to its action's plan."""
    remaining = dict(progress)
    for plan in plans:
        ids = {a.pk for a in open_actions(plan)}
        mine = {pk: answer for pk, answer in remaining.items() if pk in ids}
        if mine:
            progress_record(actor=actor, plan=plan, meeting=meeting, held_on=held_on, progress=mine)
        remaining = {pk: answer for pk, answer in remaining.items() if pk not in ids}
    if remaining:
        raise ValidationError("An action on this form is no longer open on the plan: reload the page")


@transaction.atomic
def section_set(*, actor, plan, section: str, text: str) -> PlanSection:
    """One section of the plan written (or rewritten): its placement plan, its health plan..."""
    kind, child, plan = _open_plan(actor, plan)
    part = kind.section(section)
    if part is None:
        raise ValidationError({"text": "This plan has no such section"})
    checks = DateChecks()
    written = _required_text(checks, "text", text, f"Enter the {part.label.lower()}")
    checks.raise_if_any()
    row, _ = PlanSection.objects.update_or_create(
        content=_content(plan, child), key=part.key, defaults={"text": written, "recorded_by": actor}
    )
    chronology_record(
        child=child,
        event_type="plan.section_set",
        occurred_at=clock.now(),
        actor=actor,
        source=row,
        data={"plan": kind.label, "section": part.label},
    )
    return row
