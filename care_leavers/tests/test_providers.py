"""Pathway plan timescales at their boundaries: 3 months from the 16th birthday or from becoming
eligible after it (month-end clamping), reviews at most 6-monthly from the date the last one
actually happened, nothing for a qualifying care leaver, nothing more once support ends."""

import datetime

import pytest

from care_leavers import services
from care_leavers.tests.factories import make_care_leaver, make_plan
from children_in_need.testing import at
from timescales.models import DueItem

D = datetime.date


def open_item(person, rule_code):
    return DueItem.objects.get(person=person, rule_code=rule_code, completed_at__isnull=True)


def no_open(person, rule_code):
    return not DueItem.objects.filter(person=person, rule_code=rule_code, completed_at__isnull=True).exists()


def met(person, rule_code):
    return list(DueItem.objects.filter(person=person, rule_code=rule_code, completed_at__isnull=False))


def overdue(rule_code):
    return DueItem.objects.overdue().filter(rule_code=rule_code).exists()


@pytest.fixture
def on(clock):
    return lambda day: clock.travel_to(at(day, 17))


def test_the_plan_is_due_3_months_after_the_16th_birthday(worker, young_person, on):
    on(D(2024, 9, 10))
    make_care_leaver(
        worker, young_person, category="eligible", category_since=D(2024, 9, 10), eligible_from=D(2024, 9, 10)
    )
    item = open_item(young_person, "pathway_plan_3m")
    assert item.due_date == D(2024, 12, 10) and item.trigger_description == "16th birthday on 10 September 2024"
    on(D(2024, 12, 10))
    assert not overdue("pathway_plan_3m")
    on(D(2024, 12, 11))
    assert overdue("pathway_plan_3m")
    make_plan(worker, young_person.care_leaver, D(2024, 12, 11))
    [done] = met(young_person, "pathway_plan_3m")
    assert done.completed_late is True and no_open(young_person, "pathway_plan_3m")


def test_becoming_eligible_after_16_starts_the_clock_then(worker, young_person, on):
    on(D(2025, 2, 3))
    make_care_leaver(
        worker, young_person, category="eligible", category_since=D(2025, 1, 31), eligible_from=D(2025, 1, 31)
    )
    item = open_item(young_person, "pathway_plan_3m")
    assert item.due_date == D(2025, 4, 30)  # 31 January + 3 months, clamped to the end of April
    assert item.trigger_description == "Became an eligible child on 31 January 2025"
    on(D(2025, 4, 30))
    make_plan(worker, young_person.care_leaver, D(2025, 4, 30))
    assert met(young_person, "pathway_plan_3m")[0].completed_late is False


def test_reviews_at_most_every_6_months_from_the_last_one_held(worker, young_person, on):
    on(D(2025, 8, 31))
    care_leaver = make_care_leaver(worker, young_person, category="relevant", category_since=D(2025, 3, 1))
    plan = make_plan(worker, care_leaver, D(2025, 8, 31), assessed_on=D(2025, 8, 1))
    assert open_item(young_person, "pathway_plan_review_6m").due_date == D(2026, 2, 28)  # clamped
    on(D(2026, 2, 28))
    assert not overdue("pathway_plan_review_6m")
    on(D(2026, 3, 1))
    assert overdue("pathway_plan_review_6m")
    on(D(2026, 1, 15))
    services.pathway_plan_review_record(
        actor=worker, plan=plan, reviewed_on=D(2026, 1, 15), requested_by="young_person"
    )
    item = open_item(young_person, "pathway_plan_review_6m")
    assert item.due_date == D(2026, 7, 15)  # from the early review, not from the old due date
    assert item.trigger_description == "Pathway plan review on 15 January 2026"
    assert met(young_person, "pathway_plan_review_6m")[0].completed_late is False


def test_a_qualifying_care_leaver_has_nothing_due(worker, young_person):
    make_care_leaver(worker, young_person, category="qualifying")
    assert not DueItem.objects.filter(person=young_person).exists()


def test_when_support_ends_nothing_more_is_due_and_history_stays(worker, young_person, on):
    on(D(2025, 6, 2))
    care_leaver = make_care_leaver(worker, young_person)
    make_plan(worker, care_leaver, D(2025, 4, 1))
    services.care_leaver_end(actor=worker, care_leaver=care_leaver, ended_on=D(2025, 6, 2), reason="declined")
    assert no_open(young_person, "pathway_plan_review_6m") and len(met(young_person, "pathway_plan_3m")) == 1
