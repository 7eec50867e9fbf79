"""What a booked conference makes due, for its chair (not the child's worker): chairing it, on the
day it is booked for, until it is recorded as held; then issuing the minutes within the local
standard (`conference_minutes`). Both stay with the chair when the child is reallocated. A
cancelled booking is due no more."""

from child_protection.choices import BookingStatus
from child_protection.models import Conference, ConferenceBooking
from core.dates import long_date
from timescales import engine
from timescales.engine import DueSpec, describe_trigger, due_spec
from timescales.reads import CHILD, attach, records

CHAIR, MINUTES = "conference_chair", "conference_minutes"
engine.held_by_owner(CHAIR, MINUTES)


def _reads() -> dict:
    bookings = ConferenceBooking.objects.filter(child_id=CHILD).exclude(status=BookingStatus.CANCELLED).order_by("id")
    return {
        "bookings": records(
            bookings, "id", "child", "kind", "booked_for", "chair", "status", "conference", "minutes_issued_on"
        ),
        "held": records(Conference.objects.filter(booking__child_id=CHILD), "id", "held_on"),
    }


@engine.register(only_if_any=[(ConferenceBooking, "child_id")], reads=_reads)
def conference_bookings_due(person, calendar, found):
    bookings = found["bookings"]
    attach(bookings, "conference", found["held"])
    for booking in bookings:
        kind, key = booking.get_kind_display(), f"booking-{booking.pk}"
        held = booking.conference
        yield DueSpec(
            rule_code=CHAIR,
            due_date=booking.booked_for,
            trigger_date=booking.booked_for,
            key=key,
            source=booking,
            trigger_description=describe_trigger(f"{kind} booked", booking.booked_for),
            title=f"Conference to chair: {kind.lower()} on {long_date(booking.booked_for)}",
            worker_id=booking.chair_id,
            completed_at=held.held_on if held else None,
        )
        if held is not None:
            yield due_spec(
                MINUTES,
                trigger=held.held_on,
                calendar=calendar,
                key=key,
                source=booking,
                trigger_description=describe_trigger(f"{kind} held", held.held_on),
                title=f"Issue the minutes of the {kind.lower()} held on {long_date(held.held_on)}",
                worker_id=booking.chair_id,
                completed_at=booking.minutes_issued_on,
            )
