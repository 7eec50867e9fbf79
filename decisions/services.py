"""Writes for decisions that need a manager. Each is one transaction with its chronology line,
and refreshes the child's due items (submitting puts it in the manager's tray; a decision takes
it out). Who may: the capability table first; then what the table cannot know: no one decides
their own request, and only a request waiting for a decision is decided (only a returned one is
resubmitted)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from casework.chronology import chronology_record
from core import clock
from decisions.models import Kind, ManagerDecision, Status
from people.locks import lock_child
from timescales.engine import refresh_due_items

SELF_DECISION = "You cannot decide your own request: another manager must decide it"
TEXT_MAX = 4000


def _text(errors: dict, field: str, value, message: str) -> str:
    value = (value or "").replace("\x00", "").strip()
    if not value:
        errors[field] = message
    elif len(value) > TEXT_MAX:
        errors[field] = f"Write at most {TEXT_MAX} characters"
    return value


def _locked(actor, decision: ManagerDecision, capability) -> ManagerDecision:
    lock_child(decision.child)
    require(actor, capability, decision.child)
    return ManagerDecision.objects.select_for_update().select_related("child", "submitted_by").get(pk=decision.pk)


def _event(decision: ManagerDecision, event_type: str, actor, **data) -> None:
    chronology_record(
        child=decision.child,
        event_type=event_type,
        occurred_at=clock.now(),
        actor=actor,
        source=decision,
        data={"kind": decision.get_kind_display(), "by": actor.get_full_name(), **data},
    )


@transaction.atomic
def decision_submit(*, actor, child, kind: str, proposal: str, reason: str) -> ManagerDecision:
    """The worker asks the team manager for a decision about the child."""
    child = lock_child(child)
    require(actor, Capability.SUBMIT_DECISION, child)
    errors: dict = {}
    if kind not in Kind.values:
        errors["kind"] = "Select the decision you need"
    proposal = _text(errors, "proposal", proposal, "Describe what is proposed")
    reason = _text(errors, "reason", reason, "Give the reasons for it")
    if errors:
        raise ValidationError(errors)
    decision = ManagerDecision.objects.create(
        child=child, kind=kind, proposal=proposal, reason=reason, submitted_by=actor, submitted_at=clock.now()
    )
    _event(decision, "decision.submitted", actor, proposal=proposal)
    refresh_due_items(child)
    return decision


def _decide(actor, decision, rationale: str, status: str, message: str) -> ManagerDecision:
    decision = _locked(actor, decision, Capability.AUTHORISE_DECISION)
    if decision.status != Status.SUBMITTED:
        raise ValidationError("This decision is not waiting for a manager")
    if decision.submitted_by_id == actor.pk:
        raise ValidationError({"rationale": SELF_DECISION})
    errors: dict = {}
    rationale = _text(errors, "rationale", rationale, message)
    if errors:
        raise ValidationError(errors)
    decision.status, decision.decided_by, decision.decided_at, decision.rationale = (
        status,
        actor,
        clock.now(),
        rationale,
    )
    decision.save(update_fields=["status", "decided_by", "decided_at", "rationale"])
    _event(decision, f"decision.{status}", actor, rationale=rationale)
    refresh_due_items(decision.child)
    return decision


@transaction.atomic
def decision_authorise(*, actor, decision: ManagerDecision, rationale: str) -> ManagerDecision:
    """The team manager authorises the request, with the rationale written on the child's record."""
    return _decide(actor, decision, rationale, Status.AUTHORISED, "Give the rationale for the decision")


@transaction.atomic
def decision_return(*, actor, decision: ManagerDecision, rationale: str) -> ManagerDecision:
    """The team manager sends it back to the worker with the reason."""
    return _decide(actor, decision, rationale, Status.RETURNED, "Give the reason for returning it")


@transaction.atomic
def decision_resubmit(*, actor, decision: ManagerDecision, proposal: str, reason: str) -> ManagerDecision:
    """The worker sends a returned request back, changed as the manager asked."""
    decision = _locked(actor, decision, Capability.SUBMIT_DECISION)
    if decision.status != Status.RETURNED:
        raise ValidationError("Only a returned request can be resubmitted")
    errors: dict = {}
    proposal = _text(errors, "proposal", proposal, "Describe what is proposed")
    reason = _text(errors, "reason", reason, "Give the reasons for it")
    if errors:
        raise ValidationError(errors)
    decision.proposal, decision.reason, decision.status = proposal, reason, Status.SUBMITTED
    decision.round += 1
    decision.submitted_by, decision.submitted_at = actor, clock.now()
    decision.decided_by = decision.decided_at = None
    decision.rationale = ""
    decision.save()
    _event(decision, "decision.resubmitted", actor, proposal=proposal)
    refresh_due_items(decision.child)
    return decision
