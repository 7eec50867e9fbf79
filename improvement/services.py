"""Writes for inspections and the improvement plan. Each is one transaction, checked against the
capability table (access.capabilities) first; the audit triggers (pghistory) keep every change.
A refusal is a ValidationError on the field it is about (core.recording shows it)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404

from access.capabilities import Capability, may, require
from audits.choices import Theme
from core import clock
from core.dates import long_date
from improvement import evidence
from improvement.choices import ActionStatus, JudgementArea
from improvement.models import Action, ImprovementPlan, Inspection, Judgement, Recommendation

PLAN = Capability.RECORD_IMPROVEMENT_PLAN


def _check_dates(started_on, ended_on, report_published_on) -> None:
    errors = {}
    today = clock.today()
    if started_on and started_on > today:
        errors["started_on"] = "The first day on site must be today or in the past"
    if started_on and ended_on and ended_on < started_on:
        errors["ended_on"] = f"The last day on site must be on or after the first ({long_date(started_on)})"
    if report_published_on and report_published_on > today:
        errors["report_published_on"] = "The date the report was published must be today or in the past"
    elif report_published_on and ended_on and report_published_on < ended_on:
        errors["report_published_on"] = (
            f"The report cannot be published before the last day on site ({long_date(ended_on)})"
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def inspection_record(
    *,
    actor,
    kind: str,
    started_on: datetime.date,
    ended_on: datetime.date,
    report_published_on: datetime.date | None,
    grades: dict[str, int | None],
) -> Inspection:
    """An inspection with its judgements (an area left ungraded has none: a focused visit grades nothing)."""
    require(actor, PLAN)
    _check_dates(started_on, ended_on, report_published_on)
    inspection = Inspection.objects.create(
        kind=kind, started_on=started_on, ended_on=ended_on, report_published_on=report_published_on, recorded_by=actor
    )
    Judgement.objects.bulk_create(
        [
            Judgement(inspection=inspection, area=area, grade=grade)
            for area, grade in grades.items()
            if grade and area in JudgementArea.values
        ]
    )
    return inspection


@transaction.atomic
def recommendation_add(*, actor, inspection: Inspection, text: str, area: str) -> Recommendation:
    require(actor, PLAN)
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    number = (inspection.recommendations.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    return Recommendation.objects.create(
        inspection=inspection, number=number, text=text.strip(), area=area, recorded_by=actor
    )


@transaction.atomic
def plan_start(*, actor, inspection: Inspection, owner) -> ImprovementPlan:
    require(actor, PLAN)
    if ImprovementPlan.objects.filter(inspection=inspection).exists():
        raise ValidationError({"owner": "This inspection already has an improvement plan"})
    if owner is None:
        raise ValidationError({"owner": "Select who owns the plan"})
    return ImprovementPlan.objects.create(inspection=inspection, owner=owner, recorded_by=actor)


def _check_links(indicators, audit_themes) -> None:
    known = {code for code, _ in evidence.indicator_choices()}
    errors = {}
    if set(indicators) - known:
        errors["indicators"] = "Select indicators from the list"
    if set(audit_themes) - set(Theme.values):
        errors["audit_themes"] = "Select audit themes from the list"
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def action_add(
    *,
    actor,
    recommendation: Recommendation,
    description: str,
    owner,
    due_on: datetime.date,
    indicators=(),
    audit_themes=(),
) -> Action:
    require(actor, PLAN)
    plan = ImprovementPlan.objects.filter(inspection_id=recommendation.inspection_id).first()
    if plan is None:
        raise ValidationError({"description": "Start the improvement plan before adding actions"})
    if owner is None:
        raise ValidationError({"owner": "Select who owns the action"})
    _check_links(indicators, audit_themes)
    return Action.objects.create(
        recommendation=recommendation,
        plan=plan,
        description=description.strip(),
        owner=owner,
        due_on=due_on,
        indicators=sorted(set(indicators)),
        audit_themes=sorted(set(audit_themes)),
        recorded_by=actor,
    )


def may_update(user, action: Action) -> bool:
    """Its owner, or those who keep the plan; nobody else."""
    return may(user, Capability.UPDATE_IMPROVEMENT_ACTION) and (action.owner_id == user.pk or may(user, PLAN))


@transaction.atomic
def action_update(*, actor, action: Action, status: str, done_on: datetime.date | None, progress: str) -> Action:
    """The action's status and progress. Done needs the day it was done (not in the future, not
    before the inspection's last day on site); reopening clears it."""
    require(actor, Capability.UPDATE_IMPROVEMENT_ACTION)
    action = Action.objects.select_for_update().select_related("plan__inspection").get(pk=action.pk)
    if not may_update(actor, action):
        raise Http404
    if status not in ActionStatus.values:
        raise ValidationError({"status": "Select the action’s status"})
    if status == ActionStatus.DONE:
        if done_on is None:
            raise ValidationError({"done_on": "Enter the date the action was done"})
        if done_on > clock.today():
            raise ValidationError({"done_on": "The date the action was done must be today or in the past"})
        # It answers the inspection's findings: not done before the inspectors left.
        ended = action.plan.inspection.ended_on
        if done_on < ended:
            raise ValidationError({"done_on": f"The action cannot be done before the inspection ({long_date(ended)})"})
    else:
        done_on = None
    action.status, action.done_on, action.progress = status, done_on, progress.strip()
    action.updated_by, action.updated_at = actor, clock.now()
    action.save(update_fields=["status", "done_on", "progress", "updated_by", "updated_at"])
    return action
