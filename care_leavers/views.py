"""The leaving care tab of a young person's record and the pages that record each step. Views
parse, authorise (404 for a young person the user may not see, 403 for a role that only reads)
and render; the services decide. Each recording page is declared on the area
(`people.steps.RecordArea.page`)."""

from django.http import Http404
from django.views.decorators.http import require_GET

from access.capabilities import Capability
from care_leavers import forms, selectors, services
from care_leavers.eligibility import eligibility_on
from core import clock
from core.dates import long_date
from people.record import render_record
from people.steps import RecordArea
from timescales.selectors import due_items_for_child

AREA = RecordArea(
    tab="leaving_care",
    caption="Leaving care",
    record_url="care_leavers:record",
    capability=Capability.RECORD_CARE_LEAVING,
)
RULE_CODES = ("pathway_plan_3m", "pathway_plan_review_6m")


def _care_leaver(person):
    care_leaver = selectors.care_leaver_for_person(person)
    if care_leaver is None:
        raise Http404
    return care_leaver


def _plan(person, plan_id):
    return selectors.plan_for_care_leaver(_care_leaver(person), plan_id)


def _facts(care_leaver):
    return [
        ("Eligibility category", care_leaver.get_category_display()),
        ("Since", long_date(care_leaver.category_since)),
    ]


def _care_leaver_page(**spec):
    """A step on the young person's care leaver record (404 until there is one), shown above the form."""
    return AREA.page(find=_care_leaver, arg="care_leaver", facts=_facts, **spec)


@require_GET
def record(request, person_id):
    person = AREA.child(request, person_id)
    items = due_items_for_child(person=person).filter(rule_code__in=RULE_CODES).order_by("due_date", "id")
    return render_record(
        request,
        person,
        AREA.tab,
        "care_leavers/record.html",
        {
            "leaving_care": selectors.leaving_care_for_person(person),
            "due_items": list(items),
            "can_record": AREA.can_record(request.user, person),
            "sixteenth_birthday": services.sixteenth_birthday(person) if person.date_of_birth else None,
            "today": clock.today(),
            # Worked out from the periods of care, with the reasoning, beside what was recorded.
            "eligibility": eligibility_on(person, clock.today()),
        },
    )


start = AREA.page(
    form=forms.StartForm,
    heading="Start leaving care support",
    success="Care leaver record started",
    service=services.care_leaver_start,
    arg="person",
)
category = _care_leaver_page(
    form=forms.CategoryForm,
    heading="Change the eligibility category",
    success="Eligibility category changed",
    service=services.care_leaver_category_change,
)
adviser = _care_leaver_page(
    form=forms.AdviserForm,
    heading="Allocate a personal adviser",
    success="Personal adviser allocated",
    service=services.personal_adviser_allocate,
    aliases={"adviser_since": "since"},
)
needs_assessment_new = _care_leaver_page(
    form=forms.NeedsAssessmentForm,
    heading="Record the needs assessment",
    success="Needs assessment recorded",
    service=services.needs_assessment_record,
)
pathway_plan_new = _care_leaver_page(
    form=forms.PathwayPlanForm,
    heading="Record the pathway plan",
    success="Pathway plan recorded",
    service=services.pathway_plan_record,
)
pathway_plan_review_new = AREA.page(
    form=forms.PathwayPlanReviewForm,
    heading="Record a pathway plan review",
    success="Pathway plan review recorded",
    service=services.pathway_plan_review_record,
    find=_plan,
    arg="plan",
    facts=lambda plan: [("Plan prepared", long_date(plan.started_on))],
)
contact_new = _care_leaver_page(
    form=forms.KeepingInTouchForm,
    heading="Record keeping in touch",
    success="Keeping in touch recorded",
    service=services.keeping_in_touch_record,
)
end = _care_leaver_page(
    form=forms.EndForm,
    heading="End leaving care support",
    success="Leaving care support ended",
    service=services.care_leaver_end,
)
