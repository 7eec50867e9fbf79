"""The leaving care tab of a young person's record and the pages that record each step. Views
parse, authorise (404 for a young person the user may not see, 403 for a role that only reads)
and render; the services decide."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.selectors import person_get_for_user
from care_leavers import forms, selectors, services
from children_in_need.common import long_date
from opencsc.recording import record_form
from people.record import render_record
from timescales.selectors import due_items_for_child

TAB = "leaving_care"
CAPTION = "Leaving care"
RULE_CODES = ("pathway_plan_3m", "pathway_plan_review_6m")


def _person(request, person_id):
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def _for_recording(request, person_id):
    person = _person(request, person_id)
    if not services.can_record(request.user):
        raise PermissionDenied
    return person


def _care_leaver(person):
    care_leaver = selectors.care_leaver_for_person(person)
    if care_leaver is None:
        raise Http404
    return care_leaver


def _back(person) -> str:
    return reverse("care_leavers:record", args=[person.pk])


def _facts(care_leaver):
    return [("Eligibility category", care_leaver.get_category_display()), ("Since", long_date(care_leaver.category_since))]


def _form(request, person, form, **kwargs):
    return record_form(request, person, form, tab=TAB, caption=CAPTION, back_url=_back(person), **kwargs)


@require_GET
def record(request, person_id):
    person = _person(request, person_id)
    items = due_items_for_child(person=person).filter(rule_code__in=RULE_CODES).order_by("due_date", "id")
    return render_record(request, person, TAB, "care_leavers/record.html", {
        "leaving_care": selectors.leaving_care_for_person(person),
        "due_items": list(items),
        "can_record": services.can_record(request.user),
        "sixteenth_birthday": services.sixteenth_birthday(person) if person.date_of_birth else None,
    })


@require_http_methods(["GET", "POST"])
def start(request, person_id):
    person = _for_recording(request, person_id)
    return _form(
        request, person, forms.StartForm(request.POST or None), heading="Start leaving care support",
        success="Care leaver record started",
        run=lambda data: services.care_leaver_start(actor=request.user, person=person, **data),
    )


@require_http_methods(["GET", "POST"])
def category(request, person_id):
    person = _for_recording(request, person_id)
    care_leaver = _care_leaver(person)
    return _form(
        request, person, forms.CategoryForm(request.POST or None), heading="Change the eligibility category",
        success="Eligibility category changed", facts=_facts(care_leaver),
        run=lambda data: services.care_leaver_category_change(actor=request.user, care_leaver=care_leaver, **data),
    )


@require_http_methods(["GET", "POST"])
def adviser(request, person_id):
    person = _for_recording(request, person_id)
    care_leaver = _care_leaver(person)
    return _form(
        request, person, forms.AdviserForm(request.POST or None), heading="Allocate a personal adviser",
        success="Personal adviser allocated", facts=_facts(care_leaver), aliases={"adviser_since": "since"},
        run=lambda data: services.personal_adviser_allocate(actor=request.user, care_leaver=care_leaver, **data),
    )


@require_http_methods(["GET", "POST"])
def needs_assessment_new(request, person_id):
    person = _for_recording(request, person_id)
    care_leaver = _care_leaver(person)
    return _form(
        request, person, forms.NeedsAssessmentForm(request.POST or None), heading="Record the needs assessment",
        success="Needs assessment recorded", facts=_facts(care_leaver),
        run=lambda data: services.needs_assessment_record(actor=request.user, care_leaver=care_leaver, **data),
    )


@require_http_methods(["GET", "POST"])
def pathway_plan_new(request, person_id):
    person = _for_recording(request, person_id)
    care_leaver = _care_leaver(person)
    return _form(
        request, person, forms.PathwayPlanForm(request.POST or None), heading="Record the pathway plan",
        success="Pathway plan recorded", facts=_facts(care_leaver),
        run=lambda data: services.pathway_plan_record(actor=request.user, care_leaver=care_leaver, **data),
    )


@require_http_methods(["GET", "POST"])
def pathway_plan_review_new(request, person_id, plan_id):
    person = _for_recording(request, person_id)
    plan = selectors.plan_for_care_leaver(_care_leaver(person), plan_id)
    if plan is None:
        raise Http404
    return _form(
        request, person, forms.PathwayPlanReviewForm(request.POST or None), heading="Record a pathway plan review",
        success="Pathway plan review recorded", facts=[("Plan prepared", long_date(plan.started_on))],
        run=lambda data: services.pathway_plan_review_record(actor=request.user, plan=plan, **data),
    )


@require_http_methods(["GET", "POST"])
def contact_new(request, person_id):
    person = _for_recording(request, person_id)
    care_leaver = _care_leaver(person)
    return _form(
        request, person, forms.KeepingInTouchForm(request.POST or None), heading="Record keeping in touch",
        success="Keeping in touch recorded", facts=_facts(care_leaver),
        run=lambda data: services.keeping_in_touch_record(actor=request.user, care_leaver=care_leaver, **data),
    )


@require_http_methods(["GET", "POST"])
def end(request, person_id):
    person = _for_recording(request, person_id)
    care_leaver = _care_leaver(person)
    return _form(
        request, person, forms.EndForm(request.POST or None), heading="End leaving care support",
        success="Leaving care support ended", facts=_facts(care_leaver),
        run=lambda data: services.care_leaver_end(actor=request.user, care_leaver=care_leaver, **data),
    )
