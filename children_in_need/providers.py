"""What a child in need plan makes due: CIN visits and CIN plan reviews, each at the authority's
local standard (defaults: every 20 working days, every 3 months; TIMESCALES.md A1 #5), counted
from the plan start and then from the last one that actually happened.

CIN visits are casework Visits in which the child was seen, whatever their type (Visit.objects.seen()).
"""

from collections import defaultdict

from casework.models import Visit
from children_in_need.models import CINPlan, CINPlanReview
from children_in_need.series import Series, recurring_specs
from timescales import engine
from timescales.reads import CHILD, column, records


def _reads() -> dict:
    reviews = CINPlanReview.objects.filter(plan__child_id=CHILD).order_by("-held_on", "-id")
    visits = Visit.objects.seen().filter(child_id=CHILD)
    return {
        "plans": records(CINPlan.objects.filter(child_id=CHILD).order_by("-start_date", "-id")),
        "review_plans": column(reviews, "plan_id"),
        "review_days": column(reviews, "held_on"),
        "visits": column(visits.order_by("-visited_at", "-id"), "visited_at"),
    }


@engine.register(only_if_any=[(CINPlan, "child_id")], reads=_reads)
def children_in_need_due(person, calendar, found):
    plans = found["plans"]
    if not plans:
        return
    reviews = defaultdict(list)
    for plan_id, held_on in zip(found["review_plans"], found["review_days"], strict=True):
        reviews[plan_id].append(held_on)
    visits = found["visits"]
    for plan in plans:
        common = {
            "start": plan.start_date,
            "start_label": "Child in need plan started",
            "key": f"cin-plan-{plan.pk}",
            "source": plan,
            "end": plan.end_date,
        }
        yield from recurring_specs(
            Series("cin_visit", "cin_visit", event_label="Child in need visit", **common), visits, calendar
        )
        yield from recurring_specs(
            Series("cin_plan_review", "cin_plan_review", event_label="Child in need plan review", **common),
            reviews[plan.pk],
            calendar,
        )
