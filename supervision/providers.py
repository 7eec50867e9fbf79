"""What case supervision makes due on a child's record: each action agreed in a case discussion,
by the date agreed, in its owner's tray (not the allocated worker's, unless they own it). A
reallocation leaves an action with its owner (engine.held_by_owner). Done actions stay as the
history of the due items."""

from supervision.models import CaseAction
from timescales import engine
from timescales.engine import DueSpec, describe_trigger

RULE = "supervision_action"
engine.held_by_owner(RULE)


@engine.register(only_if_any=[(CaseAction, "child_id")])
def case_supervision_due(person, calendar):
    actions = CaseAction.objects.filter(child_id=person.pk).select_related("discussion__session").order_by("id")
    for action in actions:
        held_on = action.discussion.session.held_on
        yield DueSpec(
            rule_code=RULE,
            due_date=action.due_on,
            trigger_date=held_on,
            key=f"case-action-{action.pk}",
            trigger_description=describe_trigger("Case supervision", held_on),
            title=f"Supervision action: {action.action}"[:200],
            source=action,
            worker_id=action.owner_id,
            completed_at=action.done_on,
        )
