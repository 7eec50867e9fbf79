"""Pages that record child protection steps. Each calls one service; refusals (dates out of
order, overlapping plans) are shown beside the field they are about."""

from django.urls import reverse
from django.views.decorators.http import require_http_methods

from access.capabilities import Capability
from child_protection import selectors, services
from child_protection.forms import (
    CoreGroupForm,
    InitialConferenceForm,
    PlanEndForm,
    ReviewConferenceForm,
    Section47ConcludeForm,
    Section47StartForm,
    StrategyDiscussionForm,
    TransferInConferenceForm,
)
from children_in_need.steps import child_for_recording, found, step
from core.clock import today
from core.dates import long_date
from plans.forms import add_progress_fields, progress_from, without_progress
from plans.services import open_actions


def plan_facts(plan):
    facts = [("Plan started", long_date(plan.start_date)), ("Category of abuse", plan.get_latest_category_display())]
    if plan.end_date:
        facts.append(("Plan ended", f"{long_date(plan.end_date)}: {plan.get_end_reason_display()}"))
    return facts


_plan_facts = plan_facts


def _enquiry_facts(enquiry):
    return [
        ("Strategy discussion", long_date(enquiry.strategy_discussion.held_on)),
        ("Enquiry started", long_date(enquiry.start_date)),
        ("Initial conference due by", long_date(enquiry.icpc_target_date)),
    ]


@require_http_methods(["GET", "POST"])
def strategy_discussion_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = StrategyDiscussionForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record a strategy discussion",
        button="Save strategy discussion",
        success="Strategy discussion recorded",
        run=lambda data: services.strategy_discussion_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def section47_new(request, person_id, discussion_id):
    child = child_for_recording(request, person_id)
    discussion = found(selectors.strategy_discussion_for_child(child, discussion_id))
    form = Section47StartForm(request.POST or None, initial={"start_date": discussion.held_on})
    return step(
        request,
        child,
        form,
        heading="Start the section 47 enquiry",
        button="Start enquiry",
        success="Section 47 enquiry started",
        facts=[("Strategy discussion", long_date(discussion.held_on))],
        run=lambda data: services.section47_start(actor=request.user, discussion=discussion, **data),
    )


@require_http_methods(["GET", "POST"])
def section47_conclude(request, person_id, enquiry_id):
    child = child_for_recording(request, person_id)
    enquiry = found(selectors.enquiry_for_child(child, enquiry_id))
    form = Section47ConcludeForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Conclude the section 47 enquiry",
        button="Save outcome",
        success="Section 47 enquiry concluded",
        facts=_enquiry_facts(enquiry),
        run=lambda data: services.section47_conclude(actor=request.user, enquiry=enquiry, **data),
    )


@require_http_methods(["GET", "POST"])
def initial_conference_new(request, person_id, enquiry_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_CONFERENCE)
    enquiry = found(selectors.enquiry_for_child(child, enquiry_id))
    form = InitialConferenceForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record the initial child protection conference",
        button="Save conference",
        success="Initial child protection conference recorded",
        facts=_enquiry_facts(enquiry),
        run=lambda data: services.initial_conference_record(actor=request.user, enquiry=enquiry, **data),
    )


@require_http_methods(["GET", "POST"])
def transfer_in_conference_new(request, person_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_CONFERENCE)
    form = TransferInConferenceForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="Record a transfer-in conference",
        button="Save conference",
        success="Transfer-in conference recorded and child protection plan started",
        run=lambda data: services.transfer_in_conference_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def review_conference_new(request, person_id, plan_id):
    child = child_for_recording(request, person_id, Capability.CHAIR_CONFERENCE)
    plan = found(selectors.plan_for_child(child, plan_id))
    actions = open_actions(plan)
    form = ReviewConferenceForm(request.POST or None, initial={"category": plan.latest_category})
    add_progress_fields(form, actions)
    return step(
        request,
        child,
        form,
        heading="Record a review child protection conference",
        button="Save conference",
        success="Review conference recorded",
        facts=_plan_facts(plan),
        run=lambda data: services.review_conference_record(
            actor=request.user,
            plan=plan,
            **without_progress(data),
            progress=progress_from(data, actions),
        ),
    )


@require_http_methods(["GET", "POST"])
def core_group_new(request, person_id, plan_id):
    """The meeting, and the progress made on each of the plan's open actions (plans app), saved together."""
    child = child_for_recording(request, person_id)
    plan = found(selectors.plan_for_child(child, plan_id))
    actions = open_actions(plan)
    form = CoreGroupForm(request.POST or None, initial={"held_on": today()})
    add_progress_fields(form, actions)
    return step(
        request,
        child,
        form,
        heading="Record a core group meeting",
        button="Save core group",
        success="Core group meeting recorded",
        facts=_plan_facts(plan),
        next_url=reverse("plans:detail", args=[child.pk, "cp", plan.pk]),
        run=lambda data: services.core_group_record(
            actor=request.user,
            plan=plan,
            held_on=data["held_on"],
            notes=data["notes"],
            progress=progress_from(data, actions),
        ),
    )


@require_http_methods(["GET", "POST"])
def plan_end(request, person_id, plan_id):
    child = child_for_recording(request, person_id)
    plan = found(selectors.plan_for_child(child, plan_id))
    form = PlanEndForm(request.POST or None)
    return step(
        request,
        child,
        form,
        heading="End the child protection plan",
        button="End plan",
        success="Child protection plan ended",
        facts=_plan_facts(plan),
        run=lambda data: services.cp_plan_end(
            actor=request.user, plan=plan, end_date=data["end_date"], reason=data["end_reason"]
        ),
    )
