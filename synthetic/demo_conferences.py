"""The demo's conferences booked ahead, recorded through the services with the clock moved to the
day each thing happened (so the chair's tray, the chronology and the due dates are real):

- Adam Hussain (Yusuf Ali's case): a section 47 enquiry, and the initial conference booked for next
  week, chaired by Dev Patel, with his mother, the police, the health visitor and his school
  invited; in Dev Patel's tray as a conference to chair on the day.
- Cian O'Neill (Ben Brown's case): an initial conference 100 days ago and its first review 12 days
  ago, both booked ahead and held, quorate (police, GP and school), with their minutes issued.
- Leo Williams (Yusuf Ali's case): an initial conference held six weeks ago that was not quorate
  (only the police came; the chair said why it went ahead), whose minutes are late: overdue in
  Dev Patel's tray.

Idempotent: it does nothing when a conference has already been booked.
"""

import datetime

from django.utils import timezone

from child_protection import bookings
from child_protection import services as cp
from child_protection.models import ConferenceBooking
from core import clock
from front_door import services as front_door
from people.models import Person


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _child(given: str, family: str) -> Person | None:
    return Person.objects.filter(given_name=given, family_name=family, is_child=True, merged_into__isnull=True).first()


def _enquiry(worker, child, day: datetime.date):
    """Referral, strategy discussion and section 47 enquiry on `day`."""
    with clock.travel_to(_at(day, 9)):
        referral = front_door.referral_create(
            actor=worker,
            child=child,
            received_at=_at(day, 9),
            source="5A",
            primary_need="N1",
            concerns="Police called to the home overnight.",
        )
        front_door.referral_decide(actor=worker, referral=referral, next_step="strategy_discussion")
        discussion = cp.strategy_discussion_record(
            actor=worker, child=child, held_on=day, agencies=["police", "health"], decision="s47"
        )
        return cp.section47_start(actor=worker, discussion=discussion, start_date=day)


def _book(worker, child, chair, day_booked, booked_for, agencies, **target):
    family = list(bookings.family_network(child).filter(relationships_from__kind="mother")[:1])
    with clock.travel_to(_at(day_booked, 11)):
        return bookings.conference_book(
            actor=worker,
            child=child,
            booked_for=booked_for,
            starts_at=datetime.time(10, 0),
            venue="Civic Centre, room 4",
            online=True,
            chair=chair,
            invited_on=day_booked,
            family=family,
            agencies=agencies,
            **target,
        )


def _hold(chair, booking, *, outcome, category, came, reason="", minutes_on=None):
    """Held on its day: the agencies in `came` attended (or sent a report), the family attended."""
    answers = {
        i.pk: ("attended" if not i.agency or i.agency in came else "apologies", False) for i in booking.invitees.all()
    }
    with clock.travel_to(_at(booking.booked_for, 15)):
        conference = bookings.conference_hold(
            actor=chair,
            booking=booking,
            held_on=booking.booked_for,
            outcome=outcome,
            category=category,
            attendance=answers,
            proceed_reason=reason,
            notes="The chair summarised the risks and the strengths; the plan was agreed.",
        )
    if minutes_on is not None:
        with clock.travel_to(_at(minutes_on, 16)):
            bookings.minutes_issue(
                actor=chair,
                booking=booking,
                issued_on=minutes_on,
                minutes=(
                    "Present: the family, the agencies who attended, the social worker and the chair. "
                    "Reports were shared before the conference. Decision and plan as recorded."
                ),
            )
    return conference


POLICE, HEALTH_VISITOR, GP, SCHOOL = "police", "health_visitor", "gp", "school"


def load_demo_conferences(staff: dict) -> bool:
    if ConferenceBooking.objects.exists():
        return False
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    chair, ali, brown = staff["iro.patel"], staff["sw.ali"], staff["sw.brown"]
    adam, cian, leo = _child("Adam", "Hussain"), _child("Cian", "O'Neill"), _child("Leo", "Williams")
    if adam is None or cian is None or leo is None:
        return False

    enquiry = _enquiry(ali, adam, ago(5))
    _book(
        ali,
        adam,
        chair,
        today,
        today + datetime.timedelta(days=7),
        enquiry=enquiry,
        agencies=[
            (POLICE, "DC Amira Shah", True),
            (HEALTH_VISITOR, "Jo Pearce", True),
            (SCHOOL, "Mr Davies (designated lead)", True),
        ],
    )

    enquiry = _enquiry(brown, cian, ago(112))
    icpc = _book(
        brown,
        cian,
        chair,
        ago(110),
        ago(100),
        enquiry=enquiry,
        agencies=[(POLICE, "DC Tom Fry", True), (GP, "Dr Lewis", True), (SCHOOL, "Ms Byrne", True)],
    )
    plan = _hold(
        chair, icpc, outcome="plan", category="PHY", came={POLICE, GP, SCHOOL}, minutes_on=ago(90)
    ).plan_started
    review = _book(
        brown,
        cian,
        chair,
        ago(25),
        ago(12),
        plan=plan,
        agencies=[(POLICE, "DC Tom Fry", False), (GP, "Dr Lewis", True), (SCHOOL, "Ms Byrne", True)],
    )
    _hold(chair, review, outcome="continue", category="PHY", came={POLICE, GP, SCHOOL}, minutes_on=ago(5))

    enquiry = _enquiry(ali, leo, ago(55))
    late = _book(
        ali,
        leo,
        chair,
        ago(52),
        ago(42),
        enquiry=enquiry,
        agencies=[(POLICE, "DC Amira Shah", True), (HEALTH_VISITOR, "Jo Pearce", True)],
    )
    _hold(
        chair,
        late,
        outcome="plan",
        category="NEG",
        came={POLICE},
        reason="The health visitor's information was shared by phone the day before; delay would leave Leo at risk.",
    )
    return True
