"""CIN plan timescales (local standards): visits every 20 working days and reviews every 3
months, each from the last one that actually happened."""

import datetime

import pytest

from children_in_need import services
from children_in_need.testing import at, decide_referral, make_referral, make_visit
from timescales.models import DueItem

D = datetime.date


def open_item(child, rule_code):
    return DueItem.objects.get(person=child, rule_code=rule_code, completed_at__isnull=True)


@pytest.fixture
def plan(worker, child, clock):
    clock.travel_to(at(D(2025, 5, 30), 17))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 30), 9))
    decide_referral(worker, referral)
    return services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 30))


def test_cin_visit_and_review_due_from_the_plan_start(child, plan):
    assert open_item(child, "cin_visit").due_date == D(2025, 6, 27)  # 20 working days from Friday 30 May
    assert open_item(child, "cin_plan_review").due_date == D(2025, 8, 30)


def test_cin_visits_recur_from_the_last_visit_where_the_child_was_seen(worker, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 13), 17))
    make_visit(worker, child, at(D(2025, 6, 13), 10), visit_type="cin")
    assert open_item(child, "cin_visit").due_date == D(2025, 7, 11)
    assert DueItem.objects.get(person=child, rule_code="cin_visit", completed_at__isnull=False).completed_late is False


def test_a_review_clamps_to_month_end_and_resets_the_clock(worker, child, clock):
    clock.travel_to(at(D(2025, 5, 30), 17))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 30), 9))
    decide_referral(worker, referral)
    plan = services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 30))
    clock.travel_to(at(D(2025, 8, 29), 17))
    services.cin_plan_review_record(actor=worker, plan=plan, held_on=D(2025, 8, 29))
    # 29 August + 3 months = 29 November; a review on 31 August would give 30 November.
    assert open_item(child, "cin_plan_review").due_date == D(2025, 11, 29)


def test_a_review_on_the_31st_clamps_to_the_end_of_a_shorter_month(worker, child, clock):
    clock.travel_to(at(D(2025, 8, 1), 17))
    referral = make_referral(worker, child, received_at=at(D(2025, 8, 1), 9))
    decide_referral(worker, referral)
    plan = services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 8, 1))
    clock.travel_to(at(D(2025, 8, 31), 17))
    services.cin_plan_review_record(actor=worker, plan=plan, held_on=D(2025, 8, 31))
    assert open_item(child, "cin_plan_review").due_date == D(2025, 11, 30)


def test_the_end_of_the_plan_ends_what_is_due(worker, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 2), 17))
    services.cin_plan_end(actor=worker, plan=plan, end_date=D(2025, 6, 2))
    assert not DueItem.objects.filter(person=child, rule_code__in=["cin_visit", "cin_plan_review"]).exists()


# Issue 13, hand-off 3: a "Home visit" with the child seen alone left "Visit the child in need"
# overdue, because only a visit of the type "Child in need visit" counted, and nothing said so.
@pytest.mark.parametrize("visit_type", ["home", "unannounced", "school"])
def test_any_visit_in_which_the_child_was_seen_meets_the_cin_visiting_standard(worker, child, plan, clock, visit_type):
    clock.travel_to(at(D(2025, 6, 13), 17))
    make_visit(worker, child, at(D(2025, 6, 13), 10), visit_type=visit_type)
    assert open_item(child, "cin_visit").due_date == D(2025, 7, 11)


def test_a_visit_in_which_the_child_was_not_seen_does_not_count(worker, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 13), 17))
    make_visit(worker, child, at(D(2025, 6, 13), 10), visit_type="cin", child_seen=False)
    assert open_item(child, "cin_visit").due_date == D(2025, 6, 27)
