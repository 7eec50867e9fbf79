"""What case audits make due on a child's record: each action an audit set, by its date, in its
owner's tray (not the allocated worker's, unless they own it); a reallocation leaves it with its
owner (engine.held_by_owner). Done actions stay as the history of the due items."""

from audits.models import AuditAction
from timescales import engine
from timescales.engine import DueSpec, describe_trigger

RULE = "audit_action"
engine.held_by_owner(RULE)


@engine.register(only_if_any=[(AuditAction, "child_id")])
def audit_actions_due(person, calendar):
    for action in AuditAction.objects.filter(child_id=person.pk).select_related("audit").order_by("id"):
        set_on = action.set_on
        yield DueSpec(
            rule_code=RULE, due_date=action.due_on, trigger_date=set_on, key=f"audit-action-{action.pk}",
            trigger_description=describe_trigger("Case audit", set_on),
            title=f"Audit action: {action.action}"[:200], source=action, worker_id=action.owner_id,
            completed_at=action.done_on,
        )
