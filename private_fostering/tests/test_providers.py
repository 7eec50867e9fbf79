"""Private fostering timescales at their boundaries: the first visit 7 working days after the
notification (over the Easter bank holidays), then 6-weekly in the first year and 12-weekly from
the anniversary of the notification, each from the visit actually made."""

import datetime

import pytest

from children_in_need.testing import at
from private_fostering import services
from private_fostering.tests.factories import notify, pf_visit
from timescales.models import DueItem

D = datetime.date


def open_items(child):
    return {i.rule_code: i for i in DueItem.objects.filter(person=child, completed_at__isnull=True)}


def met(child, rule_code):
    return list(
        DueItem.objects.filter(person=child, rule_code=rule_code, completed_at__isnull=False).order_by("trigger_date")
    )


def overdue(rule_code):
    return DueItem.objects.overdue().filter(rule_code=rule_code).exists()


@pytest.fixture
def on(clock):
    return lambda day: clock.travel_to(at(day, 17))


def test_the_first_visit_is_due_7_working_days_after_the_notification(officer, child, on):
    on(D(2025, 4, 17))  # the Thursday before Good Friday
    notify(officer, child, D(2025, 4, 17))
    item = open_items(child)["pf_first_visit_7wd"]
    assert item.due_date == D(2025, 4, 30)  # Good Friday and Easter Monday are not working days
    assert item.trigger_description == "Notification received on 17 April 2025"
    on(D(2025, 4, 30))
    assert not overdue("pf_first_visit_7wd")
    on(D(2025, 5, 1))
    assert overdue("pf_first_visit_7wd")


def test_a_visit_where_the_child_was_not_seen_does_not_meet_it(officer, child, on):
    on(D(2025, 6, 2))
    notify(officer, child, D(2025, 6, 2))
    pf_visit(officer, child, at(D(2025, 6, 2), 11), child_seen=False)
    assert "pf_first_visit_7wd" in open_items(child)
    pf_visit(officer, child, at(D(2025, 6, 2), 15))  # the same day as the notification counts
    assert met(child, "pf_first_visit_7wd")[0].completed_late is False
    item = open_items(child)["pf_visit_6w"]
    assert item.due_date == D(2025, 7, 14)  # 6 weeks from the visit
    assert item.trigger_description == "Private fostering visit on 2 June 2025"


def test_visits_recur_from_the_visit_actually_made(officer, child, on):
    on(D(2025, 6, 4))
    notify(officer, child, D(2025, 6, 2))
    pf_visit(officer, child, at(D(2025, 6, 4)))
    assert open_items(child)["pf_visit_6w"].due_date == D(2025, 7, 16)
    on(D(2025, 7, 16))
    assert not overdue("pf_visit_6w")
    on(D(2025, 7, 17))
    assert overdue("pf_visit_6w")
    pf_visit(officer, child, at(D(2025, 7, 17)))
    assert met(child, "pf_visit_6w")[0].completed_late is True
    assert open_items(child)["pf_visit_6w"].due_date == D(2025, 8, 28)


def test_12_weekly_from_the_first_anniversary_of_the_notification(officer, child, on):
    on(D(2026, 6, 2))
    notify(officer, child, D(2025, 6, 2))
    pf_visit(officer, child, at(D(2025, 6, 3)))
    pf_visit(officer, child, at(D(2026, 6, 1)))  # the last day of the first year: still 6-weekly
    assert open_items(child)["pf_visit_6w"].due_date == D(2026, 7, 13)
    pf_visit(officer, child, at(D(2026, 6, 2)))  # the anniversary: the second year's 12 weeks
    items = open_items(child)
    assert "pf_visit_6w" not in items and items["pf_visit_12w"].due_date == D(2026, 8, 25)
    on(D(2026, 8, 25))
    assert not overdue("pf_visit_12w")
    on(D(2026, 8, 26))
    assert overdue("pf_visit_12w")


def test_a_proposed_arrangement_has_its_first_visit_then_regular_visits_once_it_starts(officer, child, on):
    on(D(2025, 5, 6))
    arrangement = notify(officer, child, D(2025, 5, 1), kind="proposed")
    pf_visit(officer, child, at(D(2025, 5, 6)))
    assert list(open_items(child)) == []  # first visit met; nothing regular until it starts
    on(D(2025, 6, 2))
    services.private_fostering_start(actor=officer, arrangement=arrangement, started_on=D(2025, 6, 2))
    item = open_items(child)["pf_visit_6w"]
    assert item.due_date == D(2025, 7, 14) and item.trigger_description == "Arrangement started on 2 June 2025"


def test_ending_the_arrangement_ends_the_visits(officer, child, on):
    on(D(2025, 6, 2))
    arrangement = notify(officer, child, D(2025, 5, 20))
    pf_visit(officer, child, at(D(2025, 5, 21)))
    services.private_fostering_end(
        actor=officer, arrangement=arrangement, ended_on=D(2025, 6, 2), reason="returned_home"
    )
    assert open_items(child) == {} and len(met(child, "pf_first_visit_7wd")) == 1


def test_an_arrangement_ended_before_any_visit_leaves_nothing_due(officer, child, on):
    on(D(2025, 6, 2))
    arrangement = notify(officer, child, D(2025, 5, 20), kind="proposed")
    services.private_fostering_end(
        actor=officer, arrangement=arrangement, ended_on=D(2025, 5, 21), reason="did_not_start"
    )
    assert not DueItem.objects.filter(person=child).exists()
