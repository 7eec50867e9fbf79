"""The permanence tab of a child's record, the pages that record each step, and the tracker of
decisions that have not yet become plans. Views parse, authorise (404 for a child the user may
not see, 403 for a role that only reads) and render; the services decide. Each recording page
is declared on the area (`people.steps.RecordArea.page`)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability
from core.dates import long_date
from people.record import render_record
from people.steps import RecordArea
from permanence import forms, pre_proceedings, selectors, services
from permanence.choices import OrderKind
from timescales.selectors import due_items_for_child

AREA = RecordArea(
    tab="permanence", caption="Permanence", record_url="permanence:record", capability=Capability.RECORD_PERMANENCE
)
RULE_CODES = ("care_proceedings_26w", "adoption_review_not_placed", "adoption_review_placed", "adoption_visit")


def _decision_facts(decision):
    return [
        ("Decision", decision.get_option_display()),
        ("Decided", long_date(decision.decided_on)),
        ("Decision maker", decision.decision_maker),
    ]


def _proceedings_facts(proceedings):
    return [("Application", proceedings.get_kind_display()), ("Issued", long_date(proceedings.issued_on))]


def _decision_page(**spec):
    """A step taken on one of the child's decisions, which the page shows above the form."""
    return AREA.page(find=selectors.decision_for_child, arg="decision", facts=_decision_facts, **spec)


def _proceedings_page(**spec):
    return AREA.page(find=selectors.proceedings_for_child, arg="proceedings", facts=_proceedings_facts, **spec)


@require_GET
def record(request, person_id):
    child = AREA.child(request, person_id)
    items = due_items_for_child(person=child).filter(rule_code__in=RULE_CODES).order_by("due_date", "id")
    return render_record(
        request,
        child,
        AREA.tab,
        "permanence/record.html",
        {
            "permanence": selectors.permanence_for_child(child),
            "due_items": list(items),
            "can_record": AREA.can_record(request.user, child),
            "order_kinds": OrderKind,
        },
    )


meeting_new = AREA.page(
    form=forms.MeetingForm,
    heading="Record a permanence planning meeting",
    success="Permanence planning meeting recorded",
    service=services.permanence_meeting_record,
)
decision_new = AREA.page(
    form=forms.DecisionForm,
    heading="Record a permanence decision",
    success="Permanence decision recorded",
    service=services.permanence_decision_record,
)
decision_reverse = _decision_page(
    form=forms.ReverseForm,
    heading="Reverse the decision",
    success="Decision reversed",
    service=services.permanence_decision_reverse,
)
step_new = _decision_page(
    form=forms.StepForm,
    heading="Record a step towards the plan",
    success="Step recorded",
    service=services.permanence_step_record,
)
match_new = _decision_page(
    form=forms.MatchForm,
    heading="Record the match with prospective adopters",
    success="Match recorded",
    service=services.adoption_match_record,
)
placement_new = _decision_page(
    form=forms.PlacementForm,
    heading="Record the placement for adoption",
    success="Placement for adoption recorded",
    service=services.adoption_placement_record,
)
review_new = _decision_page(
    form=forms.AdoptionReviewForm,
    heading="Record an adoption review",
    success="Adoption review recorded",
    service=services.adoption_review_record,
    # Once the child is placed, the review also decides how often the child is visited (reg 36(4)).
    form_kwargs=lambda decision: {"placed": selectors.is_placed_for_adoption(decision)},
)
placement_end = AREA.page(
    form=forms.PlacementEndForm,
    heading="Record the end of the adoption placement",
    success="Adoption placement ended",
    service=services.adoption_placement_end,
    find=selectors.placement_for_child,
    arg="placement",
    facts=lambda placement: [("Placed for adoption", long_date(placement.placed_on))],
)
order_revoke = AREA.page(
    form=forms.RevokeForm,
    heading=lambda order: f"Record that the {order.get_kind_display().lower()} was revoked",
    success="Order revoked",
    service=services.permanence_order_revoke,
    find=selectors.order_for_child,
    arg="order",
    facts=lambda order: [("Order", order.get_kind_display()), ("Made", long_date(order.made_on))],
)
proceedings_new = AREA.page(
    form=forms.ProceedingsForm,
    heading="Record care proceedings",
    success="Care proceedings recorded",
    service=services.care_proceedings_start,
)
proceedings_extend = _proceedings_page(
    form=forms.ExtensionForm,
    heading="Record an extension of the timetable",
    success="Extension recorded",
    service=services.care_proceedings_extend,
)
proceedings_conclude = _proceedings_page(
    form=forms.ConcludeForm,
    heading="Record the end of the proceedings",
    success="Care proceedings concluded",
    service=services.care_proceedings_conclude,
)


def _pre_facts(pre):
    return [("Pre-proceedings started", long_date(pre.started_on))]


def _pre_page(**spec):
    return AREA.page(find=selectors.pre_proceedings_for_child, arg="pre_proceedings", facts=_pre_facts, **spec)


pre_proceedings_new = AREA.page(
    form=forms.PreProceedingsStartForm,
    heading="Record the start of pre-proceedings",
    success="Pre-proceedings recorded",
    service=pre_proceedings.pre_proceedings_start,
)
pre_proceedings_letter = _pre_page(
    form=forms.PreProceedingsLetterForm,
    heading="Record the letter before proceedings",
    success="Letter recorded",
    service=pre_proceedings.pre_proceedings_letter,
)
pre_proceedings_fgdm = _pre_page(
    form=forms.PreProceedingsFGDMForm,
    heading="Record whether the family group decision-making meeting was held",
    success="Family group decision-making meeting recorded",
    service=pre_proceedings.pre_proceedings_fgdm,
)
pre_proceedings_meeting = _pre_page(
    form=forms.PreProceedingsMeetingForm,
    heading="Record a pre-proceedings meeting",
    success="Meeting recorded",
    service=pre_proceedings.pre_proceedings_meeting,
)
pre_proceedings_decide = _pre_page(
    form=forms.PreProceedingsDecisionForm,
    heading="Record the end of pre-proceedings",
    success="Pre-proceedings ended",
    service=pre_proceedings.pre_proceedings_decide,
)
previous_permanence_new = AREA.page(
    form=forms.PreviousPermanenceForm,
    heading="Record previous permanence",
    success="Previous permanence recorded",
    service=services.previous_permanence_record,
)


@require_http_methods(["GET", "POST"])
def order_new(request, person_id, kind):
    """One page for the four kinds of order: the kind in the URL shapes the form and the heading."""
    child = AREA.child_for_recording(request, person_id)
    if kind not in OrderKind.values:
        raise Http404
    form = forms.OrderForm(request.POST or None, kind=kind, decisions=selectors.decisions_for_order(child, kind))
    label = OrderKind(kind).label
    return AREA.step(
        request,
        child,
        form,
        heading=f"Record a {label[0].lower()}{label[1:]}",
        success=f"{label} recorded",
        run=lambda data: services.permanence_order_record(actor=request.user, child=child, **data),
    )


@require_GET
def tracker(request):
    rows = selectors.decisions_awaiting_plans(user=request.user)
    return render(
        request,
        "permanence/tracker.html",
        {
            "rows": rows,
            "drift_days": selectors.drift_days(),
            "standing_out": sum(1 for row in rows if row.stands_out),
        },
    )
