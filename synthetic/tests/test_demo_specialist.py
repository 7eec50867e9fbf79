"""The specialist services' demo: each record is there, shows where a worker would look for it,
and loading twice changes nothing."""

import pytest

from allegations.selectors import lado_caseload
from care_leavers.selectors import caseload_for_adviser
from people.models import Person
from permanence.models import AdoptionPlacement, PermanenceOrder
from permanence.selectors import decisions_awaiting_plans
from synthetic import demo
from synthetic.demo_specialist import load_demo_specialist
from synthetic.testing import demo_staff
from timescales.models import DueItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(bank_holidays):
    # The demo staff, then this part of the demo alone (load_demo adds it after the families).
    staff = demo_staff()
    assert load_demo_specialist(staff) is True
    return staff


def child(given, family):
    return Person.objects.get(given_name=given, family_name=family)


def test_a_decision_with_no_plan_stands_out_on_the_tracker(loaded):
    rows = decisions_awaiting_plans(user=loaded["tm.osei"])
    assert [(r.child.full_name, r.days_waiting, r.stands_out) for r in rows] == [("Amelia Wood", 125, True)]


def test_a_child_placed_for_adoption_under_a_placement_order_has_reviews_and_visits_due(loaded):
    noah = child("Noah", "Parker")
    assert PermanenceOrder.objects.filter(child=noah, kind="placement").exists()
    assert AdoptionPlacement.objects.filter(decision__child=noah).exists()
    assert {"adoption_review_placed", "adoption_visit"} <= set(
        DueItem.objects.open().filter(person=noah).values_list("rule_code", flat=True)
    )


def test_the_care_leaver_has_an_adviser_a_pathway_plan_and_is_in_touch(loaded):
    caseload = caseload_for_adviser(user=loaded["pa.adeyemi"])
    assert [c.person.full_name for c in caseload.young_people] == ["Jordan Hall"]
    jordan = caseload.young_people[0]
    assert jordan.pathway_plans.exists() and jordan.contacts.filter(in_touch="YES").exists()
    assert [d.rule_code for d in caseload.due] == ["pathway_plan_review_6m"]


def test_the_privately_fostered_child_has_the_first_visit_due(loaded):
    item = DueItem.objects.open().get(person=child("Maya", "Singh"), rule_code="pf_first_visit_7wd")
    assert item.due_date > item.trigger_date


def test_the_allegation_is_at_the_strategy_stage(loaded):
    [row] = lado_caseload(loaded["lado.griffiths"])
    assert row.allegation.subject_name == "Dean Fletcher" and row.has_strategy_meeting and row.allegation.outcome == ""


def test_loading_again_changes_nothing(loaded):
    people, due = Person.objects.count(), DueItem.objects.count()
    assert load_demo_specialist(loaded) is False
    assert (Person.objects.count(), DueItem.objects.count()) == (people, due)


def test_the_whole_demo_loads_in_the_small_hours_with_the_specialist_records(bank_holidays, clock):
    """load_demo runs this part after the families, and works before the working day starts
    (its contact "received at 08:00 today" would otherwise be in the future)."""
    from django.utils import timezone

    from children_in_need.testing import at

    clock.travel_to(at(timezone.localdate(), 6))
    assert demo.load_demo() is True
    assert Person.objects.filter(given_name="Amelia", family_name="Wood").exists()
    assert demo.load_demo() is False
