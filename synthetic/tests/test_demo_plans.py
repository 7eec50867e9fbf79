"""The demo's plans with content: Tyler Williams' child protection plan with outcomes, actions owned
by his worker, his mother and his school, a contingency and a core group's progress; his worker's
overdue action in his tray; Kofi Mensah's placement with parents agreement, incomplete; loading twice changes nothing."""

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
        "Yusuf Ali", "Ms Williams (mother) (family)", "Riverside Primary School (agency)"}
    assert ActionProgress.objects.filter(action__child=tyler.child).count() == 3
    overdue = DueItem.objects.overdue().filter(person=tyler.child, rule_code="plan_action").get()
    assert overdue.worker == staff["sw.ali"] and overdue.title == "Plan action: Refer the family to the family support service"
    assert DueItem.objects.overdue().filter(person=tyler.child, rule_code="plan_action_chase", worker=staff["sw.ali"]).exists()
    kofi = PlanContent.objects.get(child__given_name="Kofi")
    assert set(kofi.sections.values_list("key", flat=True)) == {"support", "care", "contact", "visits"}  # not "ending"
    assert load_demo_plans(staff) is False
