"""The key events that need a manager's recorded oversight: rules as data.

Each is a kind of chronology event (casework.chronology) that the areas already write when the
thing happens, with, where one event type covers more than the key event, the condition on its
data that picks it out. Each names its timescale rule (timescales.rules, `oversight_<key>`): a
local practice standard (5 working days by default) that an authority changes per event in its
local standards. Reading the chronology means this app imports no other area: a new key event is
one more line here.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q

from codelists.ssda903 import ReasonNewEpisode as RNE


@dataclass(frozen=True)
class KeyEvent:
    key: str
    label: str
    event_type: str
    condition: Q = Q()

    @property
    def rule_code(self) -> str:
        return f"oversight_{self.key}"


KEY_EVENTS = (
    KeyEvent("strategy_discussion", "Strategy discussion", "strategy_discussion.held"),
    # conference.held covers review and transfer-in conferences too: the initial one is named in its data.
    KeyEvent(
        "icpc",
        "Initial child protection conference",
        "conference.held",
        Q(data__kind="Initial child protection conference"),
    ),
    KeyEvent("became_looked_after", "Became looked after", "looked_after.started"),
    # A new episode for a change of placement (not for a change of legal status only).
    KeyEvent(
        "placement_move",
        "Placement move",
        "looked_after.episode_changed",
        Q(data__reason__in=[RNE.P.label, RNE.T.label, RNE.B.label, RNE.U.label]),
    ),
    KeyEvent("missing", "Missing episode", "missing.started"),
    KeyEvent("cin_closure", "Case closed", "cin_episode.closed"),
)
BY_KEY = {event.key: event for event in KEY_EVENTS}
RULE_CODES = tuple(event.rule_code for event in KEY_EVENTS)


def key_events_q(prefix: str = "") -> Q:
    """The chronology events that are key events (`prefix` for a path to the event, e.g. "event__")."""
    parts = []
    for event in KEY_EVENTS:
        part = Q(**{f"{prefix}event_type": event.event_type})
        for field, value in event.condition.children:
            part &= Q(**{f"{prefix}{field}": value})
        parts.append(part)
    return reduce(operator.or_, parts)


def key_event_for(event_type: str, data: dict) -> KeyEvent | None:
    """Which key event a chronology event is (the same conditions, in Python), or None."""
    for event in KEY_EVENTS:
        if event.event_type != event_type:
            continue
        if all(_holds(field, value, data or {}) for field, value in event.condition.children):
            return event
    return None


def _holds(field: str, value, data: dict) -> bool:
    name, _, lookup = field.removeprefix("data__").partition("__")
    return data.get(name) in value if lookup == "in" else data.get(name) == value
