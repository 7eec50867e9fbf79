"""The demo's inspection and improvement plan: judgements, three recommendations, a plan owned by
the senior leader with an action done, some on track and two overdue (in their owners' trays and
on the plan owner's); loading twice changes nothing."""

import pytest

from improvement import selectors
from improvement.choices import Rag
from improvement.models import Action, Inspection
from synthetic.demo_improvement import load_demo_improvement
from synthetic.demo_record import load_demo_families
from synthetic.testing import demo_staff

pytestmark = pytest.mark.django_db


def test_an_inspection_and_a_plan_with_late_actions(bank_holidays):
    staff = demo_staff(load_demo_families)
    assert load_demo_improvement(staff) is True
    inspection = Inspection.objects.get()
    assert inspection.judgements.count() == 5 and inspection.recommendations.count() == 3
    page = selectors.plan_page(inspection)
    assert page.counts[Rag.BLUE] == 1 and page.counts[Rag.RED] == 2 and page.counts[Rag.GREEN] >= 1
    late = selectors.tray_for(staff["sl.morgan"]).overdue_in_my_plans
    assert {row.action.owner.username for row in late} == {"tm.wright", "sm.campbell"}
    assert [row.rag for row in selectors.tray_for(staff["tm.wright"]).mine] == [Rag.RED]
    assert Action.objects.filter(indicators__len__gt=0).exists()
    assert load_demo_improvement(staff) is False
