"""The generated authority has an inspection and an improvement plan like a live one: judgements,
six recommendations with their actions, most done, some overdue (red, on the plan owner's page),
some open and on track; the plan page reads them."""

import pytest

from improvement import selectors
from improvement.choices import Rag
from improvement.models import Action, Inspection
from synthetic.testing import small_authority  # noqa: F401

pytestmark = pytest.mark.usefixtures("small_authority")


def test_an_inspection_and_a_plan_with_late_and_missing_work():
    inspection = Inspection.objects.get()
    assert inspection.judgements.count() == 5 and inspection.recommendations.count() == 6
    page = selectors.plan_page(inspection)
    assert page.due_on is not None
    assert page.counts[Rag.BLUE] and page.counts[Rag.RED]
    assert page.counts[Rag.GREEN] + page.counts[Rag.AMBER] > 0
    owner = inspection.plan.owner
    assert len(selectors.tray_for(owner).overdue_in_my_plans) == page.counts[Rag.RED]
    assert Action.objects.filter(indicators__len__gt=0).exists()
