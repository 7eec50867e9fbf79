"""Pages for assessments: start; the task list and a page per section (assessments.framework),
saved as the worker goes, then submit; view and print; a manager's authorisation with their
rationale; and the managers' queue of assessments waiting for authorisation."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, capabilities_for_request
from assessments import sections, selectors, services
from assessments.choices import AuthorisationDecision
from assessments.forms import AssessmentStartForm, AuthorisationForm, RemoveForm, SubmitForm, section_form
from assessments.framework import FINDINGS, SECTION_BY_SLUG, SIDE_BY_SLUG
from assessments.sections import field_name
from children_in_need.steps import TAB, child_for, child_for_recording, found, step
from codelists.cin import AssessmentFactor
from core.clock import today
from core.dates import long_date
from core.permissions import require_roles
from core.recording import record_step
from people.record import render_record
from workforce.roles import Role


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


def _content_facts(assessment) -> list[tuple[str, str]]:
    """The whole assessment as label and text, for the manager's page above their decision."""
    labels = dict(AssessmentFactor.choices)
    facts = []
    for side in selectors.triangle(assessment):
        for row in side["domains"]:
            parts = [
                f"Going well: {row['going_well']}" if row.get("going_well") else "",
                f"Worried about: {row['worries']}" if row.get("worries") else "",
                f"Not assessed: {row['not_assessed']}" if row.get("not_assessed") else "",
            ]
            facts.append(
                (f"{side['side'].title}: {row['domain'].label}", "\n".join(p for p in parts if p) or "Not written")
            )
    seen_alone = {True: "Yes", False: f"No: {assessment.not_seen_alone_reason}"}.get(
        assessment.seen_alone, "Not recorded"
    )
    facts += [
        ("Child seen", long_date(assessment.child_seen_on) or "Not recorded"),
        ("Seen alone", seen_alone),
        ("The child's wishes and feelings", assessment.wishes_and_feelings or "Not written"),
        ("How they were gathered", assessment.how_gathered or "Not written"),
        ("Parents' and carers' views", assessment.parents_views or "Not written"),
        (
            "Other agencies' information",
            "\n".join(f"{a['agency']} ({long_date(a['on'])}): {a['said']}" for a in selectors.agencies(assessment))
            or "None added",
        ),
        ("Analysis of risk and strengths", assessment.analysis or "Not written"),
        ("Recommendation", assessment.recommendation or "Not written"),
        ("Factors identified", "\n".join(labels.get(c, c) for c in assessment.factors) or "None selected"),
        ("Outcome", assessment.get_outcome_display() or "Not chosen"),
    ]
    if assessment.late_reason:
        facts.append(("Why it is late", assessment.late_reason))
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
        request,
        child,
        form,
        heading="Start an assessment",
        button="Start assessment",
        success="Assessment started",
        run=lambda data: services.assessment_start(actor=request.user, child=child, **data),
        next_url=lambda assessment: reverse("assessments:edit", args=[child.pk, assessment.pk]),
    )


@require_GET
def assessment_detail(request, person_id, assessment_id):
    child = child_for(request, person_id)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    labels = dict(AssessmentFactor.choices)
    return render_record(
        request,
        child,
        TAB,
        "assessments/detail.html",
        {
            "assessment": assessment,
            "facts": _facts(assessment),
            "factors": [labels.get(code, code) for code in assessment.factors],
            "triangle": selectors.triangle(assessment),
            "agencies": selectors.agencies(assessment),
            "tasks": selectors.task_list(assessment) if assessment.editable else [],
            "can_edit": assessment.editable
            and Capability.RECORD_HELP_AND_PROTECTION in capabilities_for_request(request, child),
            "can_authorise": may_authorise(request, child, assessment),
        },
    )


@require_http_methods(["GET", "POST"])
def assessment_edit(request, person_id, assessment_id):
    """The task list: each section with its status, and submitting once every one is completed."""
    child = child_for_recording(request, person_id)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    if not assessment.editable:
        raise PermissionDenied
    # Bound on any POST: the form has no fields, so an empty POST is still "submit".
    form = SubmitForm(request.POST if request.method == "POST" else None)
    return record_step(
        request,
        form,
        success="Assessment submitted for authorisation",
        done_url=_detail_url(assessment),
        run=lambda data: services.assessment_submit(actor=request.user, assessment=assessment),
        render=lambda: render_record(
            request,
            child,
            TAB,
            "assessments/task_list.html",
            {
                "assessment": assessment,
                "facts": _facts(assessment),
                "tasks": selectors.task_list(assessment),
                "form": form,
                "incomplete": sections.incomplete(assessment),
                "done": len(SECTION_BY_SLUG) - len(sections.incomplete(assessment)),
            },
        ),
    )


def _initial(assessment, slug: str) -> dict:
    """What the section's page shows: what is saved so far."""
    initial = {"completed": "yes"} if slug in (assessment.completed_sections or []) else {}
    if slug in SIDE_BY_SLUG:
        for code, written in (assessment.domains or {}).items():
            initial |= {field_name(code, finding): written.get(finding, "") for finding in FINDINGS}
    elif slug == "childs-voice":
        initial |= {
            "child_seen_on": assessment.child_seen_on,
            "not_seen_alone_reason": assessment.not_seen_alone_reason,
            "seen_alone": {True: "yes", False: "no"}.get(assessment.seen_alone),
            "wishes_and_feelings": assessment.wishes_and_feelings,
            "how_gathered": assessment.how_gathered,
        }
    elif slug == "parents-views":
        initial["parents_views"] = assessment.parents_views
    elif slug == "analysis":
        initial |= {
            name: getattr(assessment, name)
            for name in ("analysis", "recommendation", "factors", "outcome", "late_reason")
        }
    return initial


@require_http_methods(["GET", "POST"])
def assessment_section(request, person_id, assessment_id, section):
    """One section's page, saved as the worker goes; "Completed" only when it has what it needs.
    On the agencies' page a "Remove" button takes one agency's information out."""
    child = child_for_recording(request, person_id)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    if section not in SECTION_BY_SLUG:
        raise Http404
    if not assessment.editable:
        raise PermissionDenied
    removing = section == "other-agencies" and "remove" in request.POST
    entry = section_form(section, None if removing else request.POST or None, initial=_initial(assessment, section))
    form = RemoveForm(request.POST) if removing else entry
    title = SECTION_BY_SLUG[section].title

    def run(data):
        if removing:
            return services.assessment_agency_remove(actor=request.user, assessment=assessment, index=data["remove"])
        return services.assessment_section_save(actor=request.user, assessment=assessment, section=section, **data)

    return record_step(
        request,
        form,
        run=run,
        success="Agency's information removed" if removing else f"‘{title}’ saved",
        done_url=(lambda _: request.path) if removing else reverse("assessments:edit", args=[child.pk, assessment.pk]),
        render=lambda: render_record(
            request,
            child,
            TAB,
            "assessments/section.html",
            {
                "assessment": assessment,
                "heading": title,
                "form": form,
                "entry": entry,
                "section": section,
                "agencies": selectors.agencies(assessment) if section == "other-agencies" else [],
                "back_url": reverse("assessments:edit", args=[child.pk, assessment.pk]),
            },
        ),
    )


@require_http_methods(["GET", "POST"])
@require_roles(Role.TEAM_MANAGER)
def assessment_authorise(request, person_id, assessment_id):
    child = child_for_recording(request, person_id, Capability.AUTHORISE_ASSESSMENT)
    assessment = found(selectors.assessment_for_child(child, assessment_id))
    form = AuthorisationForm(request.POST or None)

    def run(data):
        if data["decision"] == AuthorisationDecision.AUTHORISE:
            return services.assessment_authorise(
                actor=request.user, assessment=assessment, rationale=data["rationale"], late_reason=data["late_reason"]
            )
        return services.assessment_return(actor=request.user, assessment=assessment, comments=data["comments"])

    facts = _facts(assessment) + [("Written by", str(assessment.author))] + _content_facts(assessment)
    decided = request.POST.get("decision") == AuthorisationDecision.AUTHORISE
    return step(
        request,
        child,
        form,
        heading="Authorise the assessment",
        button="Save decision",
        facts=facts,
        success="Assessment authorised" if decided else "Assessment returned to the social worker",
        run=run,
        next_url=_detail_url(assessment) if decided else None,
    )


@require_GET
@require_roles(Role.TEAM_MANAGER)
def queue(request):
    waiting = list(selectors.assessments_awaiting_authorisation(user=request.user)[:200])
    for assessment in waiting:
        assessment.due_by = services.due_date_for(assessment.episode)
    return render(request, "assessments/queue.html", {"waiting": waiting})
