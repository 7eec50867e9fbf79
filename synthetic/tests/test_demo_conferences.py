"""The demo's conferences booked ahead: Adam Hussain's ICPC booked for next week with invitees in
Dev Patel's tray; Cian O'Neill's initial and review conferences held, quorate, minutes issued; Leo
Williams' conference held without being quorate, its minutes overdue with the chair; loading
twice changes nothing."""

import datetime

import pytest

from child_protection.models import ConferenceBooking
from core import clock
from synthetic.demo_conferences import load_demo_conferences
from synthetic.demo_journeys import load_demo_journeys
from synthetic.demo_record import load_demo_families
from synthetic.testing import demo_staff
from timescales.models import DueItem

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_conference_booked_ahead_one_held_quorate_and_late_minutes(bank_holidays):
    staff = demo_staff(load_demo_families, load_demo_journeys)
    assert load_demo_conferences(staff) is True
    chair, today = staff["iro.patel"], clock.today()
    adam = ConferenceBooking.objects.get(child__given_name="Adam")
    assert adam.status == "booked" and adam.booked_for == today + datetime.timedelta(days=7) and adam.chair == chair
    assert {i.name for i in adam.invitees.all()} >= {"DC Amira Shah", "Jo Pearce", "Mr Davies (designated lead)"}
    assert adam.invitees.filter(person__isnull=False).count() == 1  # his mother, from the family network
    cian = list(ConferenceBooking.objects.filter(child__given_name="Cian").order_by("booked_for"))
    assert [(b.kind, b.status, b.quorate, b.minutes_issued_on is not None) for b in cian] == [
        ("initial", "held", True, True),
        ("review", "held", True, True),
    ]
    leo = ConferenceBooking.objects.get(child__given_name="Leo")
    assert leo.quorate is False and leo.proceed_reason
    late = DueItem.objects.overdue().get(worker=chair, rule_code="conference_minutes")
    assert late.person == leo.child
    assert DueItem.objects.open().filter(worker=chair, rule_code="conference_chair", person=adam.child).exists()
    assert load_demo_conferences(staff) is False
