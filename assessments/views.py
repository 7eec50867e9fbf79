"""Pages for assessments: start, write and submit, view, and a manager's authorisation, plus
the managers' queue of assessments waiting for authorisation."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, capabilities_for_request
from assessments import selectors, services
from assessments.choices import AuthorisationDecision
from assessments.forms import AssessmentForm, AssessmentStartForm, AuthorisationForm
from children_in_need.steps import TAB, child_for, child_for_recording, found, step
from codelists.cin import AssessmentFactor
from core.clock import today
from core.dates import long_date
from core.permissions import require_roles
from people.record import render_record
from workforce.roles import Role

CONTENT_FIELDS = ("child_seen_on", "factors", "analysis", "outcome", "late_reason")


def _detail_url(assessment) -> str:
    return reverse("assessments:detail", args=[assessment.child_id, assessment.pk])


def _facts(assessment) -> list[tuple[str, str]]:
    due = services.due_date_for(assessment.episode)
    facts = [
        ("Referral date", long_date(assessment.episode.start_date)),
        ("Started", long_date(assessment.start_date)),
        ("Due by", long_date(due) + (" (overdue)" if today() > due and not assessment.is_authorised else "")),
        ("Status", assessment.get_status_display()),
    ]
    if assessment.return_comments:
        facts.append((f"Returned by {assessment.returned_by}", assessment.return_comments))
    return facts


def may_authorise(request, child, assessment) -> bool:
    return (
        assessment.status == "submitted"
        and request.user.pk not in (assessment.author_id, assessment.submitted_by_id)
        and Capability.AUTHORISE_ASSESSMENT in capabilities_for_request(request, child)
    )


@require_http_methods(["GET", "POST"])
def assessment_new(request, person_id):
    child = child_for_recording(request, person_id)
    form = AssessmentStartForm(request.POST or None, initial={"start_date": today()})
    return step(
        request, child, form, heading="Start an assessment", button="Start assessment", success="Assessment started",
        run=lambda data: services.assessment_start(actor=request.user, child=child, **data),
        next_url=lambda assessment: reverse("assessments:edit", args=[child.pk, assessment.pk]),
    )


@require_GET
def assessment_detail(request, person_id, assessment_id):
    child = child_for(request, person_id)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    labels = dict(AssessmentFactor.choices)
    return render_record(request, child, TAB, "assessments/detail.html", {
        "assessment": assessment,
        "facts": _facts(assessment),
        "factors": [labels.get(code, code) for code in assessment.factors],
        "can_edit": assessment.editable
        and Capability.RECORD_HELP_AND_PROTECTION in capabilities_for_request(request, child),
        "can_authorise": may_authorise(request, child, assessment),
    })


@require_http_methods(["GET", "POST"])
def assessment_edit(request, person_id, assessment_id):
    child = child_for_recording(request, person_id)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    if not assessment.editable:
        raise PermissionDenied
    initial = {name: getattr(assessment, name) for name in CONTENT_FIELDS}
    form = AssessmentForm(request.POST or None, initial=initial)
    draft = "save_draft" in request.POST
    service = services.assessment_save if draft else services.assessment_submit
    return step(
        request, child, form, heading="Assessment", button="Submit for authorisation",
        success="Assessment saved" if draft else "Assessment submitted for authorisation",
        facts=_facts(assessment),
        extra={"secondary_button": "Save as draft", "secondary_name": "save_draft"},
        run=lambda data: service(actor=request.user, assessment=assessment, **{k: data[k] for k in CONTENT_FIELDS}),
        next_url=_detail_url(assessment) if draft else None,
    )


@require_http_methods(["GET", "POST"])
@require_roles(Role.TEAM_MANAGER)
def assessment_authorise(request, person_id, assessment_id):
    child = child_for_recording(request, person_id, Capability.AUTHORISE_ASSESSMENT)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    form = AuthorisationForm(request.POST or None)

    def run(data):
        if data["decision"] == AuthorisationDecision.AUTHORISE:
            return services.assessment_authorise(actor=request.user, assessment=assessment, late_reason=data["late_reason"])
        return services.assessment_return(actor=request.user, assessment=assessment, comments=data["comments"])

    labels = dict(AssessmentFactor.choices)
    facts = _facts(assessment) + [
        ("Written by", str(assessment.author)),
        ("Child seen", long_date(assessment.child_seen_on) or "Not recorded"),
        ("Factors identified", "\n".join(labels.get(c, c) for c in assessment.factors) or "None selected"),
        ("Analysis", assessment.analysis or "Not written"),
        ("Outcome", assessment.get_outcome_display() or "Not chosen"),
    ]
    if assessment.late_reason:
        facts.append(("Why it is late", assessment.late_reason))
    decided = request.POST.get("decision") == AuthorisationDecision.AUTHORISE
    return step(
        request, child, form, heading="Authorise the assessment", button="Save decision", facts=facts,
        success="Assessment authorised" if decided else "Assessment returned to the social worker",
        run=run,
    )


@require_GET
@require_roles(Role.TEAM_MANAGER)
def queue(request):
    waiting = list(selectors.assessments_awaiting_authorisation(user=request.user)[:200])
    for assessment in waiting:
        assessment.due_by = services.due_date_for(assessment.episode)
    return render(request, "assessments/queue.html", {"waiting": waiting})
