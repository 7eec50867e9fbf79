"""What private fostering makes due, computed from the child's record each time it changes
(SI 2005/1533; TIMESCALES.md A5):

- the first visit within 7 working days of the notification (reg 4(1), #41), met by the first
  private fostering visit in which the child was seen, on or after the notification;
- once the arrangement has started, visits at most 6 weeks apart in the first year after the
  authority became aware of it, 12 weeks from then on (reg 8, #42). Each runs from the visit
  actually made, and the interval is the one in force when that visit was made (the stricter
  reading, timescales.phases).
"""

from casework.models import Visit
from private_fostering.models import PrivateFostering
from timescales import engine
from timescales.calendar import london_date
from timescales.engine import DueSpec, describe_trigger, due_spec, next_recurring
from timescales.phases import private_fostering_visit_rule_code
from timescales.reads import CHILD, column, records


def _visits(arrangement, visits):
    """The days of the visits that count for this arrangement, in order."""
    days = sorted({london_date(moment) for moment in visits})
    return [
        d for d in days if d >= arrangement.notified_on and (arrangement.ended_on is None or d <= arrangement.ended_on)
    ]


def _regular(arrangement, days, calendar, key):
    """The visits once the arrangement has started, each due from the last one (or the start)."""
    first = days[0]
    if first >= arrangement.started_on:
        trigger, label = first, "Private fostering visit"
    else:
        trigger, label = arrangement.started_on, "Arrangement started"
    for day in days:
        if day <= trigger:
            continue
        yield _spec(arrangement, trigger, label, calendar, key, completed_at=day)
        trigger, label = day, "Private fostering visit"
    if arrangement.is_open:
        yield _spec(arrangement, trigger, label, calendar, key)


def _spec(arrangement, trigger, label, calendar, key, completed_at=None):
    rule = private_fostering_visit_rule_code(arrangement.notified_on, trigger)
    return DueSpec(
        rule_code=rule,
        due_date=next_recurring(rule, trigger, 2, calendar),
        trigger_date=trigger,
        key=key,
        trigger_description=describe_trigger(label, trigger),
        source=arrangement,
        completed_at=completed_at,
    )


def _reads() -> dict:
    visits = Visit.objects.seen().filter(child_id=CHILD)
    return {
        "arrangements": records(PrivateFostering.objects.filter(child_id=CHILD).order_by("-notified_on", "-id")),
        "visits": column(visits.order_by("-visited_at", "-id"), "visited_at"),
    }


@engine.register(only_if_any=[(PrivateFostering, "child_id")], reads=_reads)
def private_fostering_due(person, calendar, found):
    arrangements = found["arrangements"]
    if not arrangements:
        return
    visits = found["visits"]
    for arrangement in arrangements:
        key = f"arrangement-{arrangement.pk}"
        days = _visits(arrangement, visits)
        first = days[0] if days else None
        if first is None and not arrangement.is_open:
            continue  # ended before any visit: nothing more can be done, nothing to keep
        yield due_spec(
            "pf_first_visit_7wd",
            trigger=arrangement.notified_on,
            calendar=calendar,
            key=key,
            source=arrangement,
            trigger_description=describe_trigger("Notification received", arrangement.notified_on),
            completed_at=first,
        )
        if first is not None and arrangement.has_started:
            yield from _regular(arrangement, days, calendar, key)
