"""Permanence timescales at their boundaries: the 26 weeks "beginning with" the day of issue and
its extensions, adoption reviews before and after placement (month-end clamping, the 4 weeks /
3 months / 6 months sequence), adoption visits weekly until the first review then as it decided;
each recurrence from the date the last one actually happened."""

import datetime

import pytest

from children_in_need.testing import at
from permanence import services
from permanence.tests.factories import adoption_visit, make_decision, make_placed, make_placement_order
from timescales.models import DueItem

D = datetime.date


def open_item(child, rule_code):
    return DueItem.objects.get(person=child, rule_code=rule_code, completed_at__isnull=True)


def no_open(child, rule_code):
    return not DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=True).exists()


def met(child, rule_code):
    return list(
        DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=False).order_by("trigger_date")
    )


def overdue(rule_code):
    return DueItem.objects.overdue().filter(rule_code=rule_code).exists()


@pytest.fixture
def on(clock):
    """on(day): move the clock to 17:00 that day."""
    return lambda day: clock.travel_to(at(day, 17))


def test_proceedings_are_due_26_weeks_beginning_with_the_day_of_issue(worker, child, on):
    on(D(2025, 6, 2))
    proceedings = services.care_proceedings_start(actor=worker, child=child, kind="care", issued_on=D(2025, 6, 2))
    item = open_item(child, "care_proceedings_26w")
    assert item.due_date == D(2025, 11, 30)  # 26 weeks after is 1 December; the issue day is day 1
    assert item.trigger_description == "Care order application issued on 2 June 2025"
    on(D(2025, 11, 30))
    assert not overdue("care_proceedings_26w")
    on(D(2025, 12, 1))
    assert overdue("care_proceedings_26w")


def test_an_extension_moves_the_deadline_and_concluding_meets_it(worker, child, on):
    on(D(2025, 11, 20))
    proceedings = services.care_proceedings_start(
        actor=worker, child=child, kind="supervision", issued_on=D(2025, 6, 2)
    )
    services.care_proceedings_extend(
        actor=worker,
        proceedings=proceedings,
        granted_on=D(2025, 11, 20),
        weeks=8,
        reason="Parenting assessment not yet filed",
    )
    item = open_item(child, "care_proceedings_26w")
    assert item.due_date == D(2026, 1, 25) and "extended by 8 weeks" in item.title
    on(D(2026, 1, 26))
    services.care_proceedings_conclude(
        actor=worker, proceedings=proceedings, concluded_on=D(2026, 1, 26), outcome="supervision_order"
    )
    [done] = met(child, "care_proceedings_26w")
    assert done.completed_late is True and no_open(child, "care_proceedings_26w")


def test_reviews_while_not_placed_3_months_after_the_placement_order_then_6_monthly(worker, child, on):
    on(D(2025, 8, 31))
    decision = make_decision(worker, child, decided_on=D(2025, 8, 1))
    make_placement_order(worker, decision, made_on=D(2025, 8, 31))
    assert open_item(child, "adoption_review_not_placed").due_date == D(2025, 11, 30)  # clamped to the month's end
    on(D(2025, 11, 30))
    assert not overdue("adoption_review_not_placed")
    on(D(2025, 12, 1))
    assert overdue("adoption_review_not_placed")
    services.adoption_review_record(actor=worker, decision=decision, held_on=D(2025, 11, 20))
    assert met(child, "adoption_review_not_placed")[0].completed_late is False  # 20 Nov, before it was due
    item = open_item(child, "adoption_review_not_placed")
    assert item.due_date == D(2026, 5, 20)  # 6 months from the review actually held
    assert item.trigger_description == "Adoption review on 20 November 2025"


def test_placing_the_child_stops_the_not_placed_reviews_and_starts_the_placed_ones(worker, child, on):
    on(D(2025, 6, 2))
    decision, _ = make_placed(worker, child, decided_on=D(2025, 5, 1), placed_on=D(2025, 6, 2))
    assert no_open(child, "adoption_review_not_placed")
    item = open_item(child, "adoption_review_placed")
    assert item.due_date == D(2025, 6, 30)  # within 4 weeks
    on(D(2025, 6, 30))
    assert not overdue("adoption_review_placed")
    on(D(2025, 7, 1))
    assert overdue("adoption_review_placed")
    on(D(2025, 6, 25))
    services.adoption_review_record(actor=worker, decision=decision, held_on=D(2025, 6, 25), visit_every_weeks=4)
    assert open_item(child, "adoption_review_placed").due_date == D(2025, 9, 25)  # second: 3 months after the first
    on(D(2025, 9, 20))
    services.adoption_review_record(actor=worker, decision=decision, held_on=D(2025, 9, 20), visit_every_weeks=4)
    assert open_item(child, "adoption_review_placed").due_date == D(2026, 3, 20)  # then every 6 months
    assert len(met(child, "adoption_review_placed")) == 2


def test_adoption_visits_weekly_until_the_first_review_then_as_it_decided(worker, child, on):
    on(D(2025, 6, 2))
    decision, placement = make_placed(worker, child, decided_on=D(2025, 5, 1), placed_on=D(2025, 6, 2))
    assert open_item(child, "adoption_visit").due_date == D(2025, 6, 9)  # within a week
    on(D(2025, 6, 9))
    assert not overdue("adoption_visit")
    on(D(2025, 6, 10))
    assert overdue("adoption_visit")
    adoption_visit(worker, child, at(D(2025, 6, 5)), child_seen=False)  # not seen: does not count
    assert open_item(child, "adoption_visit").due_date == D(2025, 6, 9)
    adoption_visit(worker, child, at(D(2025, 6, 10)))
    assert met(child, "adoption_visit")[0].completed_late is True
    assert open_item(child, "adoption_visit").due_date == D(2025, 6, 17)  # weekly, from the visit made
    on(D(2025, 6, 25))
    services.adoption_review_record(actor=worker, decision=decision, held_on=D(2025, 6, 25), visit_every_weeks=6)
    assert open_item(child, "adoption_visit").due_date == D(2025, 6, 17)  # the next visit is still weekly
    adoption_visit(worker, child, at(D(2025, 6, 25), 14))
    item = open_item(child, "adoption_visit")
    assert item.due_date == D(2025, 8, 6)  # 6 weeks, as the review decided
    assert item.trigger_description == "Adoption placement visit on 25 June 2025"


def test_a_visit_on_the_day_of_placement_meets_the_first(worker, child, on):
    on(D(2025, 6, 2))
    make_placed(worker, child, decided_on=D(2025, 5, 1), placed_on=D(2025, 6, 2))
    adoption_visit(worker, child, at(D(2025, 6, 2), 15))
    assert met(child, "adoption_visit")[0].completed_late is False
    assert open_item(child, "adoption_visit").due_date == D(2025, 6, 9)


def test_the_adoption_order_ends_the_reviews_and_visits_and_keeps_their_history(worker, child, on):
    on(D(2025, 6, 2))
    decision, _ = make_placed(worker, child, decided_on=D(2025, 5, 1), placed_on=D(2025, 6, 2))
    on(D(2025, 7, 1))
    adoption_visit(worker, child, at(D(2025, 6, 3)))
    services.permanence_order_record(
        actor=worker, child=child, kind="adoption", decision=decision, made_on=D(2025, 7, 1), consent_dispensed=False
    )
    for rule in ("adoption_visit", "adoption_review_placed", "adoption_review_not_placed"):
        assert no_open(child, rule), rule
    assert len(met(child, "adoption_visit")) == 1


def test_a_reversed_decision_has_nothing_more_due(worker, child, on):
    on(D(2025, 6, 2))
    decision = make_decision(worker, child, decided_on=D(2025, 5, 1))
    order = make_placement_order(worker, decision, made_on=D(2025, 5, 2))
    assert open_item(child, "adoption_review_not_placed")
    services.permanence_order_revoke(actor=worker, order=order, revoked_on=D(2025, 6, 1))
    services.permanence_decision_reverse(actor=worker, decision=decision, reversed_on=D(2025, 6, 2), reason="RD2")
    assert no_open(child, "adoption_review_not_placed")
