"""The demo's plans with content: Tyler Williams' child protection plan with outcomes, actions owned
by his worker, his mother and his school, a contingency and a core group's progress; his worker's
overdue action in his tray; Kofi Mensah's placement with parents agreement, incomplete; Ellie Johnson's care
plan with every section and Kofi's with his PEP meeting overdue in his worker's tray; loading twice changes nothing."""

import pytest

from plans.models import ActionProgress, PlanAction, PlanContent
from synthetic.demo_journeys import load_demo_journeys
from synthetic.demo_looked_after import load_demo_looked_after
from synthetic.demo_plans import load_demo_plans
from synthetic.demo_record import load_demo_families
from synthetic.testing import demo_staff
from timescales.models import DueItem

pytestmark = pytest.mark.django_db


def test_the_demo_cp_plan_has_owned_actions_one_overdue_and_a_core_groups_progress(bank_holidays):
    staff = demo_staff(load_demo_families, load_demo_journeys, load_demo_looked_after)
    assert load_demo_plans(staff) is True
    tyler = PlanContent.objects.get(child__given_name="Tyler")
    assert tyler.contingency and tyler.outcomes.count() == 2
    assert {a.owner for a in PlanAction.objects.filter(child=tyler.child)} >= {
        "Yusuf Ali",
        "Ms Williams (mother) (family)",
        "Riverside Primary School (agency)",
    }
    assert ActionProgress.objects.filter(action__child=tyler.child).count() == 3
    overdue = DueItem.objects.overdue().filter(person=tyler.child, rule_code="plan_action").get()
    assert (
        overdue.worker == staff["sw.ali"]
        and overdue.title == "Plan action: Refer the family to the family support service"
    )
    assert (
        DueItem.objects.overdue()
        .filter(person=tyler.child, rule_code="plan_action_chase", worker=staff["sw.ali"])
        .exists()
    )
    kofi = PlanContent.objects.get(child__given_name="Kofi", plan_type__model="placedwithparents")
    assert set(kofi.sections.values_list("key", flat=True)) == {"support", "care", "contact", "visits"}  # not "ending"
    assert load_demo_plans(staff) is False


def test_the_demo_care_plans_one_with_every_section_one_with_an_overdue_pep_action(bank_holidays):
    from looked_after.models import CarePlan
    from looked_after.selectors import current_care_plans
    from plans import kinds
    from plans.selectors import plan_page

    staff = demo_staff(load_demo_families, load_demo_journeys, load_demo_looked_after)
    load_demo_plans(staff)
    care = kinds.get("care")
    ellie = CarePlan.objects.filter(current_care_plans(), child__given_name="Ellie").get()
    assert (
        CarePlan.objects.filter(child=ellie.child).count() == 2
    )  # the first version, then the one revised at a review
    page = plan_page(ellie)
    assert not page.missing(care) and all(text for _, text in page.sections(care))
    assert {a.status for a in page.actions} == {"done", "on_track"}
    kofi = CarePlan.objects.filter(current_care_plans(), child__given_name="Kofi").get()
    assert [s.key for s in plan_page(kofi).missing(care)] == ["permanence"]
    pep = DueItem.objects.overdue().filter(person=kofi.child, rule_code="plan_action").get()
    assert pep.worker == staff["sw.nowak"] and "PEP meeting" in pep.title
