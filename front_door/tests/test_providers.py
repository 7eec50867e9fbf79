"""The front door's timescales at their boundaries: weekend and bank-holiday triggers, the due
date itself (not overdue) and the day after (overdue), and completion kept as history."""

import datetime

import pytest

from children_in_need.testing import at, make_contact, make_referral
from front_door import services
from timescales.models import DueItem


def item(child, rule_code):
    return DueItem.objects.get(person=child, rule_code=rule_code)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (at(datetime.date(2025, 6, 6), 17), datetime.date(2025, 6, 9)),  # Friday evening: due Monday
        (at(datetime.date(2025, 6, 7), 11), datetime.date(2025, 6, 9)),  # Saturday is day 0: due Monday
        (at(datetime.date(2025, 5, 23), 16), datetime.date(2025, 5, 27)),  # Friday before the spring bank holiday
        (at(datetime.date(2023, 5, 5), 10), datetime.date(2023, 5, 9)),  # the Coronation bank holiday, 8 May 2023
    ],
)
def test_the_screening_decision_is_due_the_next_working_day(worker, child, clock, received, due):
    clock.travel_to(received + datetime.timedelta(minutes=5))
    make_contact(worker, child, received_at=received)
    assert item(child, "contact_decision").due_date == due


def test_a_contact_is_overdue_the_day_after_its_due_date_not_on_it(worker, child, clock):
    clock.travel_to(at(datetime.date(2025, 6, 6), 17))
    make_contact(worker, child, received_at=at(datetime.date(2025, 6, 6), 16))
    clock.travel_to(at(datetime.date(2025, 6, 9), 23, 59))
    assert not DueItem.objects.overdue().exists()
    clock.travel_to(at(datetime.date(2025, 6, 10), 0, 1))
    assert DueItem.objects.overdue().get().rule_code == "contact_decision"


def test_a_late_referral_decision_is_kept_as_met_late(worker, child, clock):
    clock.travel_to(at(datetime.date(2025, 6, 2), 17))
    referral = make_referral(worker, child, received_at=at(datetime.date(2025, 6, 2), 9))
    clock.travel_to(at(datetime.date(2025, 6, 4), 10))
    services.referral_decide(actor=worker, referral=referral, next_step="assessment")
    met = item(child, "referral_decision_1wd")
    assert met.due_date == datetime.date(2025, 6, 3) and met.completed_late is True
    assert "Referral received on 2 June 2025 at 09:00" == met.trigger_description
