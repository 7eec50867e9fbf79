"""Pages for conferences booked ahead: book (for an enquiry's ICPC or a plan's review), see the
booking, record it held (attendance and quoracy, then the decision), cancel it, issue the minutes.
Each recording page calls one service through the help-and-protection area's step."""

from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, capabilities_for_request
from child_protection import bookings, selectors
from child_protection.booking_forms import BookingForm, CancelForm, HoldForm, MinutesForm
from child_protection.choices import BookingStatus
from child_protection.views import _enquiry_facts, plan_facts
from children_in_need.steps import TAB, child_for, child_for_recording, found, step
from core.clock import today
from core.dates import long_date
from people.record import render_record
from plans.services import open_actions

CHAIR = Capability.CHAIR_CONFERENCE


def _detail_url(booking) -> str:
    return reverse("child_protection:booking", args=[booking.child_id, booking.pk])


def _book(request, child, *, facts, **target):
    form = BookingForm(
        request.POST or None,
        chairs=bookings.possible_chairs(),
        network=bookings.family_network(child),
        initial={"invited_on": today()},
    )
    return step(
        request,
        child,
        form,
        heading="Book the conference",
        button="Book conference",
        success="Conference booked",
        facts=facts,
        next_url=_detail_url,
        run=lambda data: bookings.conference_book(actor=request.user, child=child, **target, **data),
    )


@require_http_methods(["GET", "POST"])
def book_initial(request, person_id, enquiry_id):
    child = child_for_recording(request, person_id, CHAIR)
    enquiry = found(selectors.enquiry_for_child(child, enquiry_id))
    return _book(request, child, enquiry=enquiry, facts=_enquiry_facts(enquiry))


@require_http_methods(["GET", "POST"])
def book_review(request, person_id, plan_id):
    child = child_for_recording(request, person_id, CHAIR)
    plan = found(selectors.plan_for_child(child, plan_id))
    return _book(request, child, plan=plan, facts=plan_facts(plan))


def _booking_facts(booking) -> list[tuple[str, str]]:
    facts = [
        ("Conference", booking.get_kind_display()),
        ("Date and time", f"{long_date(booking.booked_for)} at {booking.starts_at:%H:%M}"),
        ("Where", booking.where),
        ("Chair", booking.chair.get_full_name() or booking.chair.username),
    ]
    if booking.due_by:
        late = " (booked late: after this date)" if booking.booked_late else ""
        facts.append(("Due by", long_date(booking.due_by) + late))
    return facts


@require_GET
def booking_detail(request, person_id, booking_id):
    child = child_for(request, person_id)
    booking = found(selectors.booking_for_child(child, booking_id))
    may_chair = CHAIR in capabilities_for_request(request, child)
    return render_record(
        request,
        child,
        TAB,
        "child_protection/booking.html",
        {
            "booking": booking,
            "facts": _booking_facts(booking),
            "invitees": list(booking.invitees.all()),
            "may_chair": may_chair,
            "booked": booking.status == BookingStatus.BOOKED,
            "minutes_due": booking.status == BookingStatus.HELD and booking.minutes_issued_on is None,
        },
    )


def _booked_for(request, person_id, booking_id):
    child = child_for_recording(request, person_id, CHAIR)
    return child, found(selectors.booking_for_child(child, booking_id))


@require_http_methods(["GET", "POST"])
def booking_hold(request, person_id, booking_id):
    child, booking = _booked_for(request, person_id, booking_id)
    invitees = list(booking.invitees.all())
    actions = open_actions(booking.plan) if booking.plan_id and booking.plan.is_open else []
    form = HoldForm(
        request.POST or None,
        booking=booking,
        invitees=invitees,
        actions=actions,
        initial={
            "held_on": booking.booked_for,
            **({"category": booking.plan.latest_category} if booking.plan_id else {}),
        },
    )
    return step(
        request,
        child,
        form,
        heading="Record the conference held",
        button="Save conference",
        success="Conference recorded",
        facts=_booking_facts(booking),
        next_url=lambda _: _detail_url(booking),
        run=lambda data: bookings.conference_hold(actor=request.user, booking=booking, **data),
    )


@require_http_methods(["GET", "POST"])
def booking_cancel(request, person_id, booking_id):
    child, booking = _booked_for(request, person_id, booking_id)
    return step(
        request,
        child,
        CancelForm(request.POST or None),
        heading="Cancel the conference",
        button="Cancel conference",
        success="Conference cancelled: book it again when the new date is known",
        facts=_booking_facts(booking),
        run=lambda data: bookings.conference_cancel(actor=request.user, booking=booking, **data),
    )


@require_http_methods(["GET", "POST"])
def booking_minutes(request, person_id, booking_id):
    child, booking = _booked_for(request, person_id, booking_id)
    form = MinutesForm(request.POST or None, initial={"issued_on": today()})
    return step(
        request,
        child,
        form,
        heading="Issue the minutes",
        button="Issue minutes",
        success="Minutes issued",
        facts=_booking_facts(booking),
        next_url=lambda _: _detail_url(booking),
        run=lambda data: bookings.minutes_issue(actor=request.user, booking=booking, **data),
    )
