"""Child protection timescales at their boundaries: working days over bank holidays, month-end
clamping, recurrence from the date the last one actually happened, history kept."""

import datetime

import pytest

from child_protection import services
from children_in_need.testing import (
    at,
    decide_referral,
    make_cp_plan,
    make_referral,
    make_strategy_discussion,
    make_visit,
)
from timescales.models import DueItem
from timescales.services import local_standard_set

D = datetime.date


def open_item(child, rule_code):
    return DueItem.objects.get(person=child, rule_code=rule_code, completed_at__isnull=True)


def met(child, rule_code):
    return list(
        DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=False).order_by("trigger_date")
    )


@pytest.fixture
def on(clock):
    """on(day): move the clock to 17:00 that day."""
    return lambda day: clock.travel_to(at(day, 17))


def test_strategy_discussion_due_the_next_working_day_after_the_decision_and_met_by_one(worker, child, on):
    on(D(2025, 6, 6))  # a Friday
    referral = make_referral(worker, child, received_at=at(D(2025, 6, 6), 9))
    decide_referral(worker, referral, next_step="strategy_discussion")
    assert open_item(child, "strategy_discussion").due_date == D(2025, 6, 9)
    on(D(2025, 6, 9))
    make_strategy_discussion(worker, child, held_on=D(2025, 6, 9))
    assert met(child, "strategy_discussion")[0].completed_late is False


def test_icpc_due_15_working_days_from_the_discussion_that_started_the_enquiry(worker, child, on):
    on(D(2025, 5, 16))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 16), 9))
    decide_referral(worker, referral, next_step="strategy_discussion")
    first = make_strategy_discussion(worker, child, held_on=D(2025, 5, 16))
    enquiry = services.section47_start(actor=worker, discussion=first, start_date=D(2025, 5, 16))
    on(D(2025, 5, 20))
    make_strategy_discussion(worker, child, held_on=D(2025, 5, 20), decision="no_s47")  # a later one does not move it
    item = open_item(child, "icpc_15wd")
    assert item.due_date == D(2025, 6, 9)  # over the spring bank holiday, 26 May
    assert item.trigger_description == "Strategy discussion that started the section 47 enquiry on 16 May 2025"
    on(D(2025, 6, 9))
    assert not DueItem.objects.overdue().filter(rule_code="icpc_15wd").exists()
    on(D(2025, 6, 10))
    assert DueItem.objects.overdue().filter(rule_code="icpc_15wd").exists()
    services.initial_conference_record(actor=worker, enquiry=enquiry, held_on=D(2025, 6, 10), outcome="no_plan")
    assert met(child, "icpc_15wd")[0].completed_late is True


def test_core_groups_first_within_10_working_days_then_every_4_weeks_from_the_last(worker, child, on):
    on(D(2025, 6, 2))
    plan = make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    assert open_item(child, "core_group_first_10wd").due_date == D(2025, 6, 16)
    on(D(2025, 6, 12))
    services.core_group_record(actor=worker, plan=plan, held_on=D(2025, 6, 12))
    assert met(child, "core_group_first_10wd")[0].completed_late is False
    assert open_item(child, "core_group").due_date == D(2025, 7, 10)  # 4 weeks after the meeting, not the due date
    on(D(2025, 7, 1))
    services.core_group_record(actor=worker, plan=plan, held_on=D(2025, 7, 1))  # early: resets the clock
    assert open_item(child, "core_group").due_date == D(2025, 7, 29)
    assert [i.trigger_date for i in met(child, "core_group")] == [D(2025, 6, 12)]


def test_cp_visits_every_10_working_days_from_the_last_visit_where_the_child_was_seen(worker, child, on):
    on(D(2025, 6, 2))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    assert open_item(child, "cp_visit").due_date == D(2025, 6, 16)
    on(D(2025, 6, 10))
    make_visit(worker, child, at(D(2025, 6, 10), 11), child_seen=False)  # not seen: does not count
    assert open_item(child, "cp_visit").due_date == D(2025, 6, 16)
    make_visit(worker, child, at(D(2025, 6, 10), 15))
    item = open_item(child, "cp_visit")
    assert item.due_date == D(2025, 6, 24) and item.trigger_description == "Child protection visit on 10 June 2025"
    on(D(2025, 6, 24))
    assert not item.is_overdue
    on(D(2025, 6, 25))
    assert DueItem.objects.overdue().filter(rule_code="cp_visit").exists()


def test_a_visit_before_the_plan_or_without_seeing_the_child_does_not_count(worker, child, on):
    on(D(2025, 6, 2))
    make_visit(worker, child, at(D(2025, 6, 2), 8), visit_type="cp")  # before the plan's day: day 0
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    on(D(2025, 6, 4))
    make_visit(worker, child, at(D(2025, 6, 4), 10), visit_type="cp", child_seen=False)
    assert open_item(child, "cp_visit").due_date == D(2025, 6, 16)


def test_a_home_visit_in_which_the_child_was_seen_counts(worker, child, on):
    # Issue 13: the visiting standard is the child's plan's, not the visit type's.
    on(D(2025, 6, 2))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    on(D(2025, 6, 4))
    make_visit(worker, child, at(D(2025, 6, 4), 10), visit_type="home")
    assert open_item(child, "cp_visit").due_date == D(2025, 6, 18)  # 10 working days from 4 June


def test_the_cp_visit_standard_is_the_authoritys_own(worker, manager, child, on):
    on(D(2025, 6, 2))
    local_standard_set(actor=manager, rule_code="cp_visit", amount=2, unit="weeks", reason="Board decision")
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    assert open_item(child, "cp_visit").due_date == D(2025, 6, 16)
    on(D(2025, 6, 5))
    make_visit(worker, child, at(D(2025, 6, 5), 10))
    assert open_item(child, "cp_visit").due_date == D(2025, 6, 19)


def test_review_conference_3_months_after_the_icpc_clamped_to_month_end_then_6_months_from_the_last(worker, child, on):
    on(D(2024, 11, 29))
    plan = make_cp_plan(worker, child, referral_on=D(2024, 11, 29))
    assert open_item(child, "rcpc").due_date == D(2025, 2, 28)  # 29 November + 3 months: no 29 February in 2025
    on(D(2025, 2, 20))
    services.review_conference_record(
        actor=worker, plan=plan, held_on=D(2025, 2, 20), outcome="continue", category="NEG"
    )
    assert open_item(child, "rcpc").due_date == D(2025, 8, 20)
    assert met(child, "rcpc")[0].completed_late is False


def test_ending_the_plan_stops_what_was_due_and_keeps_what_was_met(worker, child, on):
    on(D(2025, 6, 2))
    plan = make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    on(D(2025, 6, 5))
    make_visit(worker, child, at(D(2025, 6, 5), 10))
    services.cp_plan_end(actor=worker, plan=plan, end_date=D(2025, 6, 5), reason="moved_away")
    open_rules = set(
        DueItem.objects.filter(person=child, completed_at__isnull=True).values_list("rule_code", flat=True)
    )
    assert not open_rules & {"cp_visit", "core_group_first_10wd", "rcpc"}
    assert len(met(child, "cp_visit")) == 1
