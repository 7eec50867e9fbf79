"""What case audits make due on a child's record: each action an audit set, by its date, in its
owner's tray (not the allocated worker's, unless they own it); a reallocation leaves it with its
owner (engine.held_by_owner). Done actions stay as the history of the due items.

A re-audit date set on a completed audit is due on that date in the tray of whoever set up the
programme, and is met when the child's case is next audited (in any programme). Theirs rather
than the auditor's or the child's worker's: a re-audit is a piece of the QA plan, not casework, and
the person who set up the programme owns that plan (they choose the next cohort and its auditors,
and auditors are often managers on a rota who will not run the next round). Theirs rather than
"the QA officers'": a due item has one owner, and a job in everyone's tray is in no one's."""

from audits.choices import Status
from audits.models import Audit, AuditAction
from timescales import engine
from timescales.calendar import london_date
from timescales.engine import DueSpec, describe_trigger

RULE = "audit_action"
REAUDIT = "audit_reaudit"
engine.held_by_owner(RULE, REAUDIT)


@engine.register(only_if_any=[(AuditAction, "child_id")])
def audit_actions_due(person, calendar):
    for action in AuditAction.objects.filter(child_id=person.pk).select_related("audit").order_by("id"):
        set_on = action.set_on
        yield DueSpec(
            rule_code=RULE,
            due_date=action.due_on,
            trigger_date=set_on,
            key=f"audit-action-{action.pk}",
            trigger_description=describe_trigger("Case audit", set_on),
            title=f"Audit action: {action.action}"[:200],
            source=action,
            worker_id=action.owner_id,
            completed_at=action.done_on,
        )


@engine.register(only_if_any=[(Audit.objects.filter(reaudit_on__isnull=False), "child_id")])
def reaudits_due(person, calendar):
    audits = list(
        Audit.objects.filter(child_id=person.pk, status=Status.COMPLETED)
        .select_related("programme")
        .defer("snapshot")
        .order_by("completed_at", "pk")
    )
    for index, audit in enumerate(audits):
        if audit.reaudit_on is None:
            continue
        audited_on = london_date(audit.completed_at)
        again = next(
            (later.completed_at for later in audits[index + 1 :] if later.completed_at > audit.completed_at), None
        )
        yield DueSpec(
            rule_code=REAUDIT,
            due_date=audit.reaudit_on,
            trigger_date=audited_on,
            key=f"audit-reaudit-{audit.pk}",
            trigger_description=describe_trigger("Case audit", audited_on),
            title=f"Re-audit: {audit.programme.theme}"[:200],
            source=audit,
            worker_id=audit.programme.recorded_by_id,
            completed_at=again,
        )
