"""The IRO, looked-after reviews and their actions, the IRO's contact with the child, care plans."""

from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.capabilities import Capability
from looked_after import forms, selectors, services
from looked_after.selectors import current_plans
from looked_after.services.common import long_date
from looked_after.views.common import child_for_recording, found, step
from plans.forms import add_progress_fields, progress_from, without_progress
from plans.services import open_actions


def _review_url(child):
    return lambda review: reverse("looked_after:review", args=[child.pk, review.pk])


@require_http_methods(["GET", "POST"])
def iro_assign(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.IROAssignForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Appoint the independent reviewing officer",
        button="Appoint IRO",
        success="IRO appointed",
        run=lambda data: services.iro_assign(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def review_new(request, person_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_REVIEW)
    form = forms.ReviewForm(request.POST or None)
    # The progress made on each open action of the current care plan (and agreement): plans app.
    actions = [action for plan in current_plans(child) for action in open_actions(plan)]
    add_progress_fields(form, actions)
    return step(
        request,
        child,
        form,
        heading="Record a looked-after review",
        button="Save review",
        success="Looked-after review recorded",
        next_url=_review_url(child),
        run=lambda data: services.review_record(
            actor=request.user, child=child, **without_progress(data), progress=progress_from(data, actions)
        ),
    )


@require_http_methods(["GET", "POST"])
def review_action_new(request, person_id, review_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_REVIEW)
    review = found(selectors.review_for_child(child, review_id))
    form = forms.ReviewActionForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Add an action from the review",
        button="Save action",
        success="Action added",
        facts=[("Review", long_date(review.held_on))],
        next_url=reverse("looked_after:review", args=[child.pk, review.pk]),
        run=lambda data: services.review_action_add(actor=request.user, review=review, **data),
    )


@require_http_methods(["GET", "POST"])
def review_action_done(request, person_id, review_id, action_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_REVIEW)
    review = found(selectors.review_for_child(child, review_id))
    action = found(selectors.action_for_review(review, action_id))
    form = forms.ActionDoneForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Mark the action as done",
        button="Save",
        success="Action marked as done",
        facts=[("Action", action.action), ("Who", action.owner), ("Due by", long_date(action.due_date))],
        next_url=reverse("looked_after:review", args=[child.pk, review.pk]),
        run=lambda data: services.review_action_complete(actor=request.user, action=action, **data),
    )


@require_http_methods(["GET", "POST"])
def iro_contact_new(request, person_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_REVIEW)
    form = forms.IROContactForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record the IRO's contact with the child",
        button="Save contact",
        success="IRO contact recorded",
        run=lambda data: services.iro_contact_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def care_plan_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = forms.CarePlanForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record the care plan",
        button="Save care plan",
        success="Care plan recorded",
        run=lambda data: services.care_plan_record(actor=request.user, child=child, **data),
    )
