"""What management oversight makes due, computed from the child's chronology each time the
record changes: every key event (oversight.key_events) needs the team manager's recorded
oversight within its local standard (5 working days by default), met by the oversight entry
recorded for that event. The rules are `for_manager`, so the engine puts the item in the tray of
the manager of the child's team, not the worker's.

Only key events from the day the authority started asking for oversight count
(oversight.models.OversightStart), so a record brought over from before then does not fill every
manager's tray with years of events nobody was asked to oversee. The day is read in the same SQL,
so the engine's gate skips the provider for a child with no key event since then.
"""

from django.db.models import OuterRef, Subquery

from casework.models import ChronologyEvent
from oversight.key_events import key_event_for, key_events_q
from oversight.models import OversightEntry, OversightStart
from timescales import engine
from timescales.calendar import london_date
from timescales.engine import describe_trigger, due_spec


def since_oversight_started(events, path: str = ""):
    """`events` (chronology lines) on or after the day oversight started."""
    start = Subquery(OversightStart.objects.values("starts_on")[:1])
    return events.filter(**{f"{path}occurred_at__date__gte": start})


KEY_EVENTS = since_oversight_started(ChronologyEvent.objects.filter(key_events_q()))


def key_events_for(child_id):
    """The child's key events, each with the date its oversight was given (None if not yet)."""
    entries = OversightEntry.objects.filter(event_id=OuterRef("pk")).order_by("held_on")
    events = KEY_EVENTS.filter(child_id=child_id).annotate(overseen_on=Subquery(entries.values("held_on")[:1]))
    return events.order_by("occurred_at", "id")


@engine.register(only_if_any=[(KEY_EVENTS, "child_id")])
def oversight_due(person, calendar):
    for event in key_events_for(person.pk).only("id", "event_type", "data", "occurred_at"):
        key_event = key_event_for(event.event_type, event.data)
        if key_event is None:
            continue
        day = london_date(event.occurred_at)
        yield due_spec(
            key_event.rule_code,
            trigger=day,
            calendar=calendar,
            key=f"event-{event.pk}",
            source=event,
            trigger_description=describe_trigger(key_event.label, day),
            completed_at=event.overseen_on,
        )
