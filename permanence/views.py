"""The permanence tab of a child's record, the pages that record each step, and the tracker of
decisions that have not yet become plans. Views parse, authorise (404 for a child the user may
not see, 403 for a role that only reads) and render; the services decide."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.selectors import person_get_for_user
from children_in_need.common import long_date
from opencsc.recording import record_form
from people.record import render_record
from permanence import forms, selectors, services
from permanence.choices import OrderKind
from timescales.selectors import due_items_for_child

TAB = "permanence"
CAPTION = "Permanence"
RULE_CODES = ("care_proceedings_26w", "adoption_review_not_placed", "adoption_review_placed", "adoption_visit")


def _child(request, person_id):
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return person


def _child_for_recording(request, person_id):
    child = _child(request, person_id)
    if not services.can_record(request.user):
        raise PermissionDenied
    return child


def _found(obj):
    if obj is None:
        raise Http404
    return obj


def _back(child) -> str:
    return reverse("permanence:record", args=[child.pk])


def _decision_facts(decision):
    return [("Decision", decision.get_option_display()), ("Decided", long_date(decision.decided_on)),
            ("Decision maker", decision.decision_maker)]


def _form(request, child, form, **kwargs):
    return record_form(request, child, form, tab=TAB, caption=CAPTION, back_url=_back(child), **kwargs)


@require_GET
def record(request, person_id):
    child = _child(request, person_id)
    items = due_items_for_child(person=child).filter(rule_code__in=RULE_CODES).order_by("due_date", "id")
    return render_record(request, child, TAB, "permanence/record.html", {
        "permanence": selectors.permanence_for_child(child),
        "due_items": list(items),
        "can_record": services.can_record(request.user),
        "order_kinds": OrderKind,
    })


@require_http_methods(["GET", "POST"])
def meeting_new(request, person_id):
    child = _child_for_recording(request, person_id)
    return _form(
        request, child, forms.MeetingForm(request.POST or None), heading="Record a permanence planning meeting",
        success="Permanence planning meeting recorded",
        run=lambda data: services.permanence_meeting_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def decision_new(request, person_id):
    child = _child_for_recording(request, person_id)
    return _form(
        request, child, forms.DecisionForm(request.POST or None), heading="Record a permanence decision",
        success="Permanence decision recorded",
        run=lambda data: services.permanence_decision_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def decision_reverse(request, person_id, decision_id):
    child = _child_for_recording(request, person_id)
    decision = _found(selectors.decision_for_child(child, decision_id))
    return _form(
        request, child, forms.ReverseForm(request.POST or None), heading="Reverse the decision",
        success="Decision reversed", facts=_decision_facts(decision),
        run=lambda data: services.permanence_decision_reverse(actor=request.user, decision=decision, **data),
    )


@require_http_methods(["GET", "POST"])
def step_new(request, person_id, decision_id):
    child = _child_for_recording(request, person_id)
    decision = _found(selectors.decision_for_child(child, decision_id))
    return _form(
        request, child, forms.StepForm(request.POST or None), heading="Record a step towards the plan",
        success="Step recorded", facts=_decision_facts(decision),
        run=lambda data: services.permanence_step_record(actor=request.user, decision=decision, **data),
    )


@require_http_methods(["GET", "POST"])
def order_new(request, person_id, kind):
    child = _child_for_recording(request, person_id)
    if kind not in OrderKind.values:
        raise Http404
    form = forms.OrderForm(request.POST or None, kind=kind, decisions=selectors.decisions_for_order(child, kind))
    label = OrderKind(kind).label
    return _form(
        request, child, form, heading=f"Record a {label[0].lower()}{label[1:]}", success=f"{label} recorded",
        run=lambda data: services.permanence_order_record(actor=request.user, child=child, **data),
    )


@require_http_methods(["GET", "POST"])
def order_revoke(request, person_id, order_id):
    child = _child_for_recording(request, person_id)
    order = _found(selectors.order_for_child(child, order_id))
    return _form(
        request, child, forms.RevokeForm(request.POST or None), heading=f"Record that the {order.get_kind_display().lower()} was revoked",
        success="Order revoked", facts=[("Order", order.get_kind_display()), ("Made", long_date(order.made_on))],
        run=lambda data: services.permanence_order_revoke(actor=request.user, order=order, **data),
    )


@require_http_methods(["GET", "POST"])
def match_new(request, person_id, decision_id):
    child = _child_for_recording(request, person_id)
    decision = _found(selectors.decision_for_child(child, decision_id))
    return _form(
        request, child, forms.MatchForm(request.POST or None), heading="Record the match with prospective adopters",
        success="Match recorded", facts=_decision_facts(decision),
        run=lambda data: services.adoption_match_record(actor=request.user, decision=decision, **data),
    )


@require_http_methods(["GET", "POST"])
def placement_new(request, person_id, decision_id):
    child = _child_for_recording(request, person_id)
    decision = _found(selectors.decision_for_child(child, decision_id))
    return _form(
        request, child, forms.PlacementForm(request.POST or None), heading="Record the placement for adoption",
        success="Placement for adoption recorded", facts=_decision_facts(decision),
        run=lambda data: services.adoption_placement_record(actor=request.user, decision=decision, **data),
    )


@require_http_methods(["GET", "POST"])
def placement_end(request, person_id, placement_id):
    child = _child_for_recording(request, person_id)
    placement = _found(selectors.placement_for_child(child, placement_id))
    return _form(
        request, child, forms.PlacementEndForm(request.POST or None), heading="Record the end of the adoption placement",
        success="Adoption placement ended", facts=[("Placed for adoption", long_date(placement.placed_on))],
        run=lambda data: services.adoption_placement_end(actor=request.user, placement=placement, **data),
    )


@require_http_methods(["GET", "POST"])
def review_new(request, person_id, decision_id):
    child = _child_for_recording(request, person_id)
    decision = _found(selectors.decision_for_child(child, decision_id))
    form = forms.AdoptionReviewForm(request.POST or None, placed=selectors.is_placed_for_adoption(decision))
    return _form(
        request, child, form, heading="Record an adoption review", success="Adoption review recorded",
        facts=_decision_facts(decision),
        run=lambda data: services.adoption_review_record(actor=request.user, decision=decision, **data),
    )


@require_http_methods(["GET", "POST"])
def proceedings_new(request, person_id):
    child = _child_for_recording(request, person_id)
    return _form(
        request, child, forms.ProceedingsForm(request.POST or None), heading="Record care proceedings",
        success="Care proceedings recorded",
        run=lambda data: services.care_proceedings_start(actor=request.user, child=child, **data),
    )


def _proceedings_facts(proceedings):
    return [("Application", proceedings.get_kind_display()), ("Issued", long_date(proceedings.issued_on))]


@require_http_methods(["GET", "POST"])
def proceedings_extend(request, person_id, proceedings_id):
    child = _child_for_recording(request, person_id)
    proceedings = _found(selectors.proceedings_for_child(child, proceedings_id))
    return _form(
        request, child, forms.ExtensionForm(request.POST or None), heading="Record an extension of the timetable",
        success="Extension recorded", facts=_proceedings_facts(proceedings),
        run=lambda data: services.care_proceedings_extend(actor=request.user, proceedings=proceedings, **data),
    )


@require_http_methods(["GET", "POST"])
def proceedings_conclude(request, person_id, proceedings_id):
    child = _child_for_recording(request, person_id)
    proceedings = _found(selectors.proceedings_for_child(child, proceedings_id))
    return _form(
        request, child, forms.ConcludeForm(request.POST or None), heading="Record the end of the proceedings",
        success="Care proceedings concluded", facts=_proceedings_facts(proceedings),
        run=lambda data: services.care_proceedings_conclude(actor=request.user, proceedings=proceedings, **data),
    )


@require_http_methods(["GET", "POST"])
def previous_permanence_new(request, person_id):
    child = _child_for_recording(request, person_id)
    return _form(
        request, child, forms.PreviousPermanenceForm(request.POST or None), heading="Record previous permanence",
        success="Previous permanence recorded",
        run=lambda data: services.previous_permanence_record(actor=request.user, child=child, **data),
    )


@require_GET
def tracker(request):
    rows = selectors.decisions_awaiting_plans(user=request.user)
    return render(request, "permanence/tracker.html", {
        "rows": rows,
        "drift_days": selectors.drift_days(),
        "standing_out": sum(1 for row in rows if row.stands_out),
    })
