"""What a child in need plan makes due: CIN visits and CIN plan reviews, each at the authority's
local standard (defaults: every 20 working days, every 3 months; TIMESCALES.md A1 #5), counted
from the plan start and then from the last one that actually happened.

CIN visits are casework Visits of type "cin" in which the child was seen.
"""

from collections import defaultdict

from casework.choices import VisitType
from casework.models import Visit
from children_in_need.models import CINPlan, CINPlanReview
from children_in_need.series import Series, recurring_specs
from timescales import engine


@engine.register(only_if_any=[(CINPlan, "child_id")])
def children_in_need_due(person, calendar):
    plans = list(CINPlan.objects.filter(child_id=person.pk))
    if not plans:
        return
    reviews = defaultdict(list)
    for plan_id, held_on in CINPlanReview.objects.filter(plan__child_id=person.pk).values_list("plan_id", "held_on"):
        reviews[plan_id].append(held_on)
    visits = list(
        Visit.objects.filter(child_id=person.pk, visit_type=VisitType.STATUTORY_CIN, child_seen=True).values_list("visited_at", flat=True)
    )
    for plan in plans:
        common = {"start": plan.start_date, "start_label": "Child in need plan started", "key": f"cin-plan-{plan.pk}",
                  "source": plan, "end": plan.end_date}
        yield from recurring_specs(Series("cin_visit", "cin_visit", event_label="Child in need visit", **common), visits, calendar)
        yield from recurring_specs(
            Series("cin_plan_review", "cin_plan_review", event_label="Child in need plan review", **common),
            reviews[plan.pk], calendar,
        )
