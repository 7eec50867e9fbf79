"""What a decision makes due: each round waiting for the manager, from the day it was submitted,
in the tray of the manager of the child's team (the rule is `for_manager`), met when decided."""

from decisions.models import ManagerDecision
from timescales import engine
from timescales.calendar import london_date
from timescales.engine import describe_trigger, due_spec

RULE = "manager_decision"


@engine.register(only_if_any=[(ManagerDecision, "child_id")])
def decisions_due(person, calendar):
    for decision in ManagerDecision.objects.filter(child_id=person.pk).order_by("id"):
        day = london_date(decision.submitted_at)
        yield due_spec(
            RULE,
            trigger=day,
            calendar=calendar,
            key=f"decision-{decision.pk}-{decision.round}",
            source=decision,
            trigger_description=describe_trigger(decision.get_kind_display(), day),
            completed_at=decision.decided_at,
        )
