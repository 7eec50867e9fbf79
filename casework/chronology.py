"""The chronology: an event registry, and the one function every service calls.

Each event type is registered once with its label, its category (for the filters) and a
formatter that turns the event's data into the sentence shown to the reader. Services write
events in the same transaction as the change they describe:

    chronology_record(child=child, event_type="visit.recorded", occurred_at=visit.visited_at,
                      actor=actor, source=visit, data={"seen_alone": True, ...})

Nobody types a chronology entry, so it cannot disagree with the record.
"""

from dataclasses import dataclass
from typing import Callable

from casework.models import ChronologyEvent
from core.content_types import content_type_for


@dataclass(frozen=True)
class EventSpec:
    code: str
    label: str
    category: str
    format: Callable[[dict], str]
    significant: bool = False


CATEGORIES = {
    "record": "Record and identity",
    "family": "Family and network",
    "allocation": "Allocation",
    "visit": "Visits",
    "note": "Case notes and documents",
    "warning": "Warnings",
}

_REGISTRY: dict[str, EventSpec] = {}


def register(code: str, label: str, category: str, format: Callable[[dict], str], significant: bool = False):
    if code in _REGISTRY:
        raise ValueError(f"chronology event type {code!r} is already registered")
    _REGISTRY[code] = EventSpec(code, label, category, format, significant)


def register_category(code: str, label: str) -> None:
    CATEGORIES.setdefault(code, label)


def spec_for(code: str) -> EventSpec:
    return _REGISTRY.get(code) or EventSpec(code, code, "record", lambda data: "")


def event_types() -> dict[str, EventSpec]:
    return dict(_REGISTRY)


def chronology_record(*, child, event_type: str, occurred_at, actor=None, source=None, data=None, significant=None):
    if event_type not in _REGISTRY:
        raise ValueError(f"unknown chronology event type {event_type!r}: register it in the app's events module")
    spec = _REGISTRY[event_type]
    return ChronologyEvent.objects.create(
        child=child,
        event_type=event_type,
        occurred_at=occurred_at,
        significant=spec.significant if significant is None else significant,
        data=data or {},
        source_type=content_type_for(source) if source is not None else None,
        source_id=source.pk if source is not None else None,
        recorded_by=actor,
    )


def describe(event: ChronologyEvent) -> str:
    """The sentence for one event, from its registered formatter."""
    return spec_for(event.event_type).format(event.data or {})
