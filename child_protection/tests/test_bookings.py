"""Conferences booked ahead: booking with invitees, the chair's tray, holding with attendance and
quoracy, cancelling, the minutes and their local timescale. Through the services and the pages."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casework.chronology import describe
from casework.models import ChronologyEvent
from child_protection import bookings
from child_protection.models import ChildProtectionPlan, Conference, ConferenceBooking
from child_protection.quoracy import quoracy
from child_protection.services import section47_start
from children_in_need.testing import at, decide_referral, make_cp_plan, make_referral, make_strategy_discussion
from people.services import family_member_create
from timescales.models import DueItem
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date
NEXT_WEEK = D(2025, 6, 9)
POLICE_AND_HEALTH = [("police", "DC Reid", True), ("health_visitor", "Pat Green", True), ("school", "Mrs Hall", False)]


@pytest.fixture
def chair(make_staff):
    return make_staff(Role.IRO, first_name="Chris", last_name="Chair")


@pytest.fixture
def mother(worker, child):
    return family_member_create(
        actor=worker,
        child=child,
        kind="mother",
        given_name="Sarah",
        family_name="Smith",
        is_child=False,
        parental_responsibility=True,
    )


@pytest.fixture
def enquiry(worker, child):
    decide_referral(worker, make_referral(worker, child), next_step="strategy_discussion")
    discussion = make_strategy_discussion(worker, child)
    return section47_start(actor=worker, discussion=discussion, start_date=discussion.held_on)


def book(actor, child, chair, enquiry=None, plan=None, family=(), agencies=POLICE_AND_HEALTH, **overrides):
    values = {
        "booked_for": NEXT_WEEK,
        "starts_at": datetime.time(10, 0),
        "venue": "Civic Centre, room 2",
        "online": False,
        "chair": chair,
        "invited_on": D(2025, 6, 2),
        "family": list(family),
        "agencies": agencies,
    }
    return bookings.conference_book(actor=actor, child=child, enquiry=enquiry, plan=plan, **(values | overrides))


def chair_items(chair):
    return DueItem.objects.filter(worker=chair).order_by("rule_code")


def attended(booking, **by_name):
    """Everyone attended unless `by_name` says otherwise ({"DC Reid": "apologies"})."""
    return {i.pk: (by_name.get(i.name, "attended"), False) for i in booking.invitees.all()}


def test_an_icpc_booked_ahead_is_in_the_chairs_tray_and_the_chronology(worker, child, chair, mother, enquiry):
    booking = book(worker, child, chair, enquiry=enquiry, family=[mother])
    assert [(i.name, i.agency) for i in booking.invitees.order_by("id")] == [
        ("Sarah Smith", ""),
        ("DC Reid", "police"),
        ("Pat Green", "health_visitor"),
        ("Mrs Hall", "school"),
    ]
    item = chair_items(chair).get()
    assert (item.rule_code, item.due_date, item.completed_at) == ("conference_chair", NEXT_WEEK, None)
    assert item.title == "Conference to chair: initial child protection conference on 9 June 2025"
    event = ChronologyEvent.objects.get(child=child, event_type="conference.booked")
    assert "booked for 9 June 2025 at 10:00" in describe(event) and "Booked late" not in describe(event)
    assert not booking.booked_late


def test_an_icpc_booked_after_its_15_working_days_shows_late(worker, child, chair, enquiry):
    booking = book(worker, child, chair, enquiry=enquiry, booked_for=D(2025, 7, 1))
    assert booking.booked_late and booking.due_by == D(2025, 6, 23)
    icpc = DueItem.objects.get(person=child, rule_code="icpc_15wd")
    # The due date stays the statutory one; the title tells the manager it is booked late.
    assert icpc.due_date == D(2025, 6, 23) and "booked for 1 July 2025 (late" in icpc.title


def test_booking_refuses_a_past_date_a_stranger_to_the_family_and_a_chair_who_may_not_chair(
    worker, child, chair, enquiry, make_staff, other_team
):
    from people.services import person_create

    outsider = person_create(actor=worker, is_child=False, allocate=False, given_name="Al", family_name="Other")
    front_door = make_staff(Role.MASH_WORKER)
    with pytest.raises(ValidationError) as refused:
        book(
            worker,
            child,
            front_door,
            enquiry=enquiry,
            booked_for=D(2025, 5, 30),
            family=[outsider],
            agencies=[("", "Nobody", False)],
            venue="",
        )
    assert set(refused.value.message_dict) == {"booked_for", "chair", "family", "agency_1", "venue"}
    assert not ConferenceBooking.objects.exists() and not chair_items(chair).exists()


def test_one_booking_at_a_time_and_a_cancelled_one_can_be_rebooked(worker, child, chair, enquiry):
    first = book(worker, child, chair, enquiry=enquiry)
    with pytest.raises(ValidationError, match="already booked"):
        book(worker, child, chair, enquiry=enquiry)
    with pytest.raises(ValidationError):
        bookings.conference_cancel(actor=worker, booking=first, reason="  ")
    bookings.conference_cancel(actor=worker, booking=first, reason="Mother in hospital")
    assert not chair_items(chair).exists()
    second = book(worker, child, chair, enquiry=enquiry, booked_for=D(2025, 6, 11))
    assert chair_items(chair).get().due_date == D(2025, 6, 11) and second.status == "booked"
    assert ChronologyEvent.objects.filter(child=child, event_type="conference.cancelled").count() == 1


def test_holding_a_quorate_icpc_starts_the_plan_and_puts_the_minutes_in_the_chairs_tray(
    worker, child, chair, mother, enquiry, clock
):
    booking = book(worker, child, chair, enquiry=enquiry, family=[mother])
    clock.travel_to(at(NEXT_WEEK, 15))
    conference = bookings.conference_hold(
        actor=chair,
        booking=booking,
        held_on=NEXT_WEEK,
        outcome="plan",
        category="NEG",
        attendance=attended(booking, **{"Mrs Hall": "did_not_attend"}),
    )
    booking.refresh_from_db()
    assert booking.status == "held" and booking.conference == conference and booking.quorate
    assert booking.quoracy_reason == "Quorate: health and police contributed besides children's social care"
    plan = ChildProtectionPlan.objects.get(child=child)
    assert plan.start_date == NEXT_WEEK and plan.conference == conference
    chairing, minutes = chair_items(chair)
    assert chairing.completed_at is not None
    assert (minutes.rule_code, minutes.completed_at) == ("conference_minutes", None)
    assert minutes.due_date == D(2025, 7, 7)  # 20 working days after Monday 9 June
    clock.travel_to(at(D(2025, 7, 8), 9))
    assert DueItem.objects.overdue().filter(worker=chair, rule_code="conference_minutes").exists()
    bookings.minutes_issue(actor=chair, booking=booking, minutes="Present: ...", issued_on=D(2025, 7, 8))
    assert not DueItem.objects.open().filter(worker=chair).exists()
    assert ChronologyEvent.objects.filter(child=child, event_type="conference.minutes_issued").exists()


def test_a_conference_that_is_not_quorate_needs_the_chairs_reason_and_says_so(worker, child, chair, enquiry, clock):
    booking = book(worker, child, chair, enquiry=enquiry)
    clock.travel_to(at(NEXT_WEEK, 15))
    only_police = attended(booking, **{"Pat Green": "apologies", "Mrs Hall": "did_not_attend"})
    with pytest.raises(ValidationError) as refused:
        bookings.conference_hold(
            actor=chair, booking=booking, held_on=NEXT_WEEK, outcome="plan", category="NEG", attendance=only_police
        )
    assert "Not quorate: only police contributed" in refused.value.message_dict["proceed_reason"][0]
    assert not Conference.objects.exists()  # nothing half-saved
    bookings.conference_hold(
        actor=chair,
        booking=booking,
        held_on=NEXT_WEEK,
        outcome="no_plan",
        attendance=only_police,
        proceed_reason="Health gave their information by phone; delay would leave the child at risk",
    )
    booking.refresh_from_db()
    assert booking.quorate is False and booking.proceed_reason.startswith("Health gave")


def test_every_invitees_attendance_is_needed(worker, child, chair, enquiry, clock):
    booking = book(worker, child, chair, enquiry=enquiry)
    clock.travel_to(at(NEXT_WEEK, 15))
    with pytest.raises(ValidationError) as refused:
        bookings.conference_hold(
            actor=chair, booking=booking, held_on=NEXT_WEEK, outcome="plan", category="NEG", attendance={}
        )
    assert len(refused.value.message_dict) == 3


def test_quoracy_counts_agencies_not_people():
    gp_and_hv = [("gp", "attended", False), ("health_visitor", "attended", False), ("", "attended", False)]
    assert not quoracy(gp_and_hv).quorate
    assert quoracy(gp_and_hv).reason.startswith("Not quorate: only health contributed")
    assert quoracy([*gp_and_hv, ("school", "apologies", True)]).reason == (
        "Quorate: education and health contributed besides children's social care"
    )


def test_a_review_booked_for_the_plan_continues_it(worker, child, chair, clock):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    booking = book(worker, child, chair, plan=plan, booked_for=D(2025, 6, 4))
    assert booking.kind == "review" and booking.due_by == D(2025, 8, 1)
    clock.travel_to(at(D(2025, 6, 4), 15))
    bookings.conference_hold(
        actor=chair,
        booking=booking,
        held_on=D(2025, 6, 4),
        outcome="continue",
        category="NEG",
        attendance=attended(booking),
    )
    assert plan.reviews.get().held_on == D(2025, 6, 4)


# --- The pages ---------------------------------------------------------------------------------


def test_the_pages_book_hold_and_issue_minutes(client, worker, child, chair, mother, enquiry, clock):
    client.force_login(worker)
    url = reverse("child_protection:book_initial", args=[child.pk, enquiry.pk])
    page = client.get(url).content.decode()
    assert "Sarah Smith" in page and str(chair.last_name) in page
    response = client.post(
        url,
        {
            "booked_for_0": "9",
            "booked_for_1": "6",
            "booked_for_2": "2025",
            "starts_at": "10:00",
            "venue": "Civic Centre",
            "chair": chair.pk,
            "invited_on_0": "2",
            "invited_on_1": "6",
            "invited_on_2": "2025",
            "family": [mother.pk],
            "agency_1": "police",
            "agency_1_name": "DC Reid",
            "agency_1_report": "on",
            "agency_2": "gp",
            "agency_2_name": "Dr Khan",
        },
    )
    booking = ConferenceBooking.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "child_protection:booking", args=[child.pk, booking.pk]
    )
    journey = client.get(reverse("children_in_need:journey", args=[child.pk])).content.decode()
    assert "Initial child protection conference booked" in journey and "Booked: 9 June 2025 at 10:00" in journey

    clock.travel_to(at(NEXT_WEEK, 15))
    client.force_login(chair)
    hold = reverse("child_protection:booking_hold", args=[child.pk, booking.pk])
    invitees = {i.name: i.pk for i in booking.invitees.all()}
    answers = {
        "held_on_0": "9",
        "held_on_1": "6",
        "held_on_2": "2025",
        "outcome": "plan",
        "category": "PHY",
        **{f"attendance_{pk}": "attended" for pk in invitees.values()},
    }
    response = client.post(hold, answers)
    assert response.status_code == 302
    detail = client.get(reverse("child_protection:booking", args=[child.pk, booking.pk])).content.decode()
    assert "Quorate: health and police contributed besides children&#x27;s social care" in detail
    minutes = reverse("child_protection:booking_minutes", args=[child.pk, booking.pk])
    response = client.post(
        minutes,
        {
            "issued_on_0": "9",
            "issued_on_1": "6",
            "issued_on_2": "2025",
            "minutes": "Present: Sarah Smith, DC Reid, Dr Khan.",
        },
    )
    assert response.status_code == 302
    assert ConferenceBooking.objects.get().minutes_issued_on == NEXT_WEEK


def test_bad_input_is_shown_on_the_form_never_a_500(client, worker, child, chair, enquiry):
    client.force_login(worker)
    url = reverse("child_protection:book_initial", args=[child.pk, enquiry.pk])
    response = client.post(
        url,
        {
            "booked_for_0": "31",
            "booked_for_1": "2",
            "booked_for_2": "2025",
            "starts_at": "25:99",
            "chair": "nonsense",
            "family": ["x"],
            "agency_1": "spies",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert not ConferenceBooking.objects.exists()
    response = client.post(
        url,
        {
            "booked_for_0": "1",
            "booked_for_1": "6",
            "booked_for_2": "2025",
            "starts_at": "10:00",
            "chair": chair.pk,
            "invited_on_0": "2",
            "invited_on_1": "6",
            "invited_on_2": "2025",
        },
    )
    body = response.content.decode()
    assert "must be today or in the future" in body and "Enter the venue" in body


def test_another_teams_worker_gets_404(client, worker, stranger, child, chair, enquiry):
    booking = book(worker, child, chair, enquiry=enquiry)
    client.force_login(stranger)
    for name in ("booking", "booking_hold", "booking_cancel", "booking_minutes"):
        assert client.get(reverse(f"child_protection:{name}", args=[child.pk, booking.pk])).status_code == 404, name
    assert client.get(reverse("child_protection:book_initial", args=[child.pk, enquiry.pk])).status_code == 404


def test_the_booking_page_reads_in_a_fixed_number_of_queries(
    client, worker, child, chair, mother, enquiry, django_assert_max_num_queries
):
    booking = book(worker, child, chair, enquiry=enquiry, family=[mother])
    client.force_login(worker)
    url = reverse("child_protection:booking", args=[child.pk, booking.pk])
    client.get(url)
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200
