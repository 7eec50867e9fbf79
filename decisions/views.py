"""The decisions tab of a child's record and its steps (people.steps.RecordArea: fetched and
authorised through the child). The manager's queue, which lists assessments too, is
trays.decisions_queue."""

from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, may
from core.dates import long_date
from decisions import forms, selectors, services
from people.record import render_record
from people.steps import RecordArea, found

AREA = RecordArea(
    tab="decisions", caption="Decisions", record_url="decisions:record", capability=Capability.SUBMIT_DECISION
)


@require_GET
def record(request, person_id):
    child = AREA.child(request, person_id)
    return render_record(
        request,
        child,
        AREA.tab,
        "decisions/record.html",
        {
            "decisions": selectors.decisions_for_child(child),
            "can_submit": AREA.can_record(request.user, child),
            "can_decide": may(request.user, Capability.AUTHORISE_DECISION, child),
        },
    )


decision_new = AREA.page(
    form=forms.SubmitForm,
    heading="Ask a manager for a decision",
    success="Sent to the team manager",
    service=services.decision_submit,
)


def _facts(decision):
    facts = [
        ("Decision", decision.get_kind_display()),
        ("What is proposed", decision.proposal),
        ("Why", decision.reason),
        ("Submitted by", f"{decision.submitted_by}, {long_date(decision.submitted_at)}"),
    ]
    if decision.rationale:
        facts.append(("Returned because", decision.rationale))
    return facts


@require_http_methods(["GET", "POST"])
def decide(request, person_id, decision_id):
    child = AREA.child_for_recording(request, person_id, Capability.AUTHORISE_DECISION)
    decision = found(selectors.decision_for_child(child, decision_id))
    form = forms.DecideForm(request.POST or None)

    def run(data):
        service = services.decision_authorise if data["decision"] == "authorised" else services.decision_return
        return service(actor=request.user, decision=decision, rationale=data["rationale"])

    return AREA.step(
        request, child, form, heading="Decide", success="Decision recorded", run=run, facts=_facts(decision)
    )


resubmit = AREA.page(
    form=forms.ResubmitForm,
    heading="Resubmit the request",
    success="Sent to the team manager again",
    service=services.decision_resubmit,
    find=selectors.decision_for_child,
    arg="decision",
    facts=_facts,
)
