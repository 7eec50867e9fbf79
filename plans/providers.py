"""What a plan makes due on a child's record: each of its actions, by the date the plan set.

An action owned by a member of staff is in their tray (rule plan_action), and stays with them when
the child is reallocated (engine.held_by_owner). One owned by a family member or an agency is in
the allocated worker's tray (plan_action_chase), because someone must chase it, and follows the
child. Done actions stay as the history of the due items; the actions of a plan that has ended
are due no more (nor those of a care plan a newer version replaced)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from plans import kinds
from plans.choices import OwnerKind
from plans.models import PlanAction
from timescales import engine
from timescales.engine import DueSpec, describe_trigger

OWNED, CHASE = "plan_action", "plan_action_chase"
engine.held_by_owner(OWNED)


def _ended(actions) -> set[tuple[int, int]]:
    """(plan type, plan id) of the plans among these actions' that have ended: one query per kind
    of plan the child has (usually one)."""
    ids = defaultdict(set)
    for action in actions:
        content = action.outcome.content
        ids[content.plan_type_id].add(content.plan_id)
    ended = set()
    for type_id, plan_ids in ids.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        kind = kinds.for_model(model)  # a plan of a kind nobody registered is a mistake, not silently nothing
        ended.update(
            (type_id, pk)
            for pk in model.objects.filter(pk__in=plan_ids).exclude(kind.current()).values_list("pk", flat=True)
        )
    return ended


@engine.register(only_if_any=[(PlanAction, "child_id")])
def plan_actions_due(person, calendar):
    actions = list(
        PlanAction.objects.filter(child_id=person.pk).select_related("outcome__content", "owner_staff").order_by("id")
    )
    ended = _ended(actions)
    for action in actions:
        content = action.outcome.content
        if (content.plan_type_id, content.plan_id) in ended:
            continue
        added = action.added_on
        staff = action.owner_kind == OwnerKind.STAFF
        yield DueSpec(
            rule_code=OWNED if staff else CHASE,
            due_date=action.due_on,
            trigger_date=added,
            key=f"plan-action-{action.pk}",
            trigger_description=describe_trigger("Action added to the plan", added),
            title=(
                f"Plan action: {action.action}" if staff else f"Chase plan action ({action.owner}): {action.action}"
            )[:200],
            source=action,
            worker_id=action.owner_staff_id if staff else None,
            completed_at=action.done_on,
        )
