"""The journey tab of a child's record, and the pages for CIN plans and closing the case."""

from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import capabilities_for_request
from children_in_need import selectors, services
from children_in_need.forms import CINPlanEndForm, CINPlanReviewForm, CINPlanStartForm, EpisodeCloseForm
from children_in_need.journey import episode_history, next_actions
from children_in_need.steps import TAB, child_for, child_for_recording, found, step
from core.clock import today
from core.dates import long_date
from people.record import render_record
from plans.forms import add_progress_fields, progress_from
from plans.services import open_actions
from timescales.selectors import due_items_for_child

RECENTLY_MET = 10


@require_GET
def journey(request, person_id):
    child = child_for(request, person_id)
    loaded = selectors.journey_for_child(child)
    items = due_items_for_child(person=child, include_completed=True)
    return render_record(
        request,
        child,
        TAB,
        "children_in_need/journey.html",
        {
            "journey": loaded,
            "episodes": [(episode, episode_history(episode)) for episode in loaded.episodes],
            "actions": next_actions(loaded, child, capabilities_for_request(request, child)),
            "due_items": list(items.open().order_by("due_date", "id")),
            "met_items": list(items.completed().order_by("-completed_at", "-id")[:RECENTLY_MET]),
        },
    )


@require_http_methods(["GET", "POST"])
def cin_plan_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = CINPlanStartForm(request.POST or None, initial={"start_date": today()})
    return step(
        request,
        child,
        form,
        heading="Start a child in need plan",
        button="Start plan",
        success="Child in need plan started",
        run=lambda data: services.cin_plan_start(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def cin_plan_review_new(request, person_id, plan_id):
    child = child_for_recording(request, person_id)
    plan = found(selectors.cin_plan_for_child(child, plan_id))
    actions = open_actions(plan)
    form = CINPlanReviewForm(request.POST or None)
    add_progress_fields(form, actions)  # the progress made on each of the plan's open actions (plans app)
    return step(
        request,
        child,
        form,
        heading="Record a child in need plan review",
        button="Save review",
        success="Child in need plan review recorded",
        facts=[("Plan started", long_date(plan.start_date))],
        next_url=reverse("plans:detail", args=[child.pk, "cin", plan.pk]),
        run=lambda data: services.cin_plan_review_record(
            actor=request.user,
            plan=plan,
            held_on=data["held_on"],
            notes=data["notes"],
            progress=progress_from(data, actions),
        ),
    )


@require_http_methods(["GET", "POST"])
def cin_plan_end(request, person_id, plan_id):
    child = child_for_recording(request, person_id)
    plan = found(selectors.cin_plan_for_child(child, plan_id))
    form = CINPlanEndForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="End the child in need plan",
        button="End plan",
        success="Child in need plan ended",
        facts=[("Plan started", long_date(plan.start_date))],
        run=lambda data: services.cin_plan_end(actor=request.user, plan=plan, **data),
    )


@require_http_methods(["GET", "POST"])
def episode_close(request, person_id, episode_id):
    child = child_for_recording(request, person_id)
    episode = found(selectors.episode_for_child(child, episode_id))
    form = EpisodeCloseForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Close the case",
        button="Close case",
        success="Case closed",
        facts=[("Referral date", long_date(episode.start_date))],
        run=lambda data: services.episode_close(
            actor=request.user, episode=episode, closure_date=data["closure_date"], reason=data["closure_reason"]
        ),
    )
