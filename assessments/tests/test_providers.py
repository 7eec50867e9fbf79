"""The assessment's 45 working days from the referral, at its boundaries."""

import datetime

import pytest

from assessments.services import assessment_authorise
from children_in_need.testing import at, decide_referral, make_assessment, make_referral, submit_assessment
from timescales.models import DueItem

D = datetime.date


def item(child):
    return DueItem.objects.get(person=child, rule_code="assessment_45wd")


@pytest.mark.parametrize(
    ("referral_on", "due"),
    [
        (D(2025, 6, 2), D(2025, 8, 4)),  # the worked example in TIMESCALES.md C2
        (D(2025, 5, 31), D(2025, 8, 1)),  # a Saturday referral: day 0 is Saturday, day 1 Monday 2 June
        (D(2023, 4, 28), D(2023, 7, 5)),  # over two May bank holidays and the Coronation (8 May 2023)
    ],
)
def test_due_45_working_days_after_the_referral(worker, child, clock, referral_on, due):
    clock.travel_to(at(referral_on, 17))
    make_referral(worker, child, received_at=at(referral_on, 9))
    assert item(child).due_date == due


def test_not_overdue_on_the_due_date_overdue_the_day_after(worker, child, clock):
    clock.travel_to(at(D(2025, 6, 2), 17))
    make_referral(worker, child, received_at=at(D(2025, 6, 2), 9))
    clock.travel_to(at(D(2025, 8, 4), 23))
    assert not item(child).is_overdue
    clock.travel_to(at(D(2025, 8, 5), 0, 30))
    assert DueItem.objects.overdue().filter(rule_code="assessment_45wd").exists()


def test_authorised_on_the_due_date_is_on_time(worker, manager, child, clock):
    clock.travel_to(at(D(2025, 6, 2), 17))
    make_referral(worker, child, received_at=at(D(2025, 6, 2), 9))
    assessment = submit_assessment(worker, make_assessment(worker, child))
    clock.travel_to(at(D(2025, 8, 4), 17))
    assessment_authorise(actor=manager, assessment=assessment, rationale="Needs are clear.")
    assert item(child).completed_late is False


def test_nothing_is_due_after_a_no_further_action_decision(worker, child, clock):
    clock.travel_to(at(D(2025, 6, 2), 17))
    referral = make_referral(worker, child, received_at=at(D(2025, 6, 2), 9))
    decide_referral(worker, referral, next_step="nfa", closure_reason="RC8")
    assert not DueItem.objects.filter(rule_code="assessment_45wd").exists()
