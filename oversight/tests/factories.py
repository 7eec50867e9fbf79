"""Steps through the services, as in real use."""

import datetime

from casework.models import ChronologyEvent
from looked_after.tests.factories import move, start_care
from oversight import services

D = datetime.date


def placement_move(worker, child, started=D(2025, 3, 3), moved=D(2025, 5, 27)):
    """In care since `started`, moved on `moved`: returns the chronology line of the move."""
    start_care(worker, child, started)
    move(worker, child, moved)
    return ChronologyEvent.objects.get(child=child, event_type="looked_after.episode_changed")


def oversee(manager, event, held_on=D(2025, 5, 29), **overrides):
    values = {
        "decision": "The move is agreed.",
        "rationale": "The carers could not meet his needs.",
        "direction": "Visit within 5 working days.",
    }
    return services.oversight_record(actor=manager, event=event, held_on=held_on, **(values | overrides))


def raise_challenge(iro, child, addressed_to, escalate_to, raised_on=D(2025, 6, 2), **overrides):
    values = {
        "capacity": "iro",
        "category": "drift_and_delay",
        "concern": "The permanence plan has not moved in 4 months.",
    }
    return services.challenge_raise(
        actor=iro,
        child=child,
        raised_on=raised_on,
        addressed_to=addressed_to,
        escalate_to=escalate_to,
        **(values | overrides),
    )
