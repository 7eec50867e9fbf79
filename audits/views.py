"""Case audit pages. The programme pages and the report are not one child's: they are for the
roles that set up audits and read their report, and list only children the user may see. The
Audits tab of a child's record and the pages that grade, moderate, reflect on an audit and mark
its actions done are pages of the child's record (people.steps.RecordArea): fetched and
authorised through the child, the read logged with its reason."""

from __future__ import annotations

import re

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, may, require
from access.selectors import person_get_for_user
from audits import export, forms, report_pdf, selectors, services
from audits.choices import Grade, Service, Theme
from audits.snapshot import COMPLIANCE
from core import clock
from core.dates import long_date
from core.forms import parse_id
from core.permissions import require_roles
from core.recording import record_step
from people.record import render_record
from people.steps import RecordArea, found

AREA = RecordArea(
    tab="audits", caption="Case audit", record_url="audits_record:record", capability=Capability.GRADE_AUDIT
)
REFLECT = RecordArea(
    tab="audits", caption="Case audit", record_url="audits_record:record", capability=Capability.REFLECT_ON_AUDIT
)
ACTIONS = RecordArea(
    tab="audits", caption="Case audit", record_url="audits_record:record", capability=Capability.COMPLETE_AUDIT_ACTION
)
READ_REASON = "Case audit"


def _data(request):
    return request.POST if request.method == "POST" else None


# --- Pages that are not one child's ---------------------------------------------------------------


@require_GET
def home(request):
    """Each person's audit work: what they audit and moderate, the audits of their cases awaiting
    their reflection, the actions they own, the re-audits of their programmes to arrange, and
    (for a manager) their team's overdue actions."""
    user = request.user
    report_roles = user.role in selectors.REPORT_ROLES
    return render(
        request,
        "audits/home.html",
        {
            "to_do": selectors.audits_to_do(user=user),
            "to_moderate": selectors.moderations_to_do(user=user),
            "to_reflect": selectors.awaiting_reflection(user=user),
            "actions": selectors.actions_owned_by(user=user),
            "reaudits": selectors.reaudits_to_arrange(user=user),
            "team_overdue": selectors.overdue_actions_of_reports(user=user),
            "programmes": list(selectors.programmes()[:100]) if report_roles else [],
            "can_set_up": may(user, Capability.SET_UP_AUDITS),
            "can_report": report_roles,
        },
    )


def _form_page(
    request,
    form,
    *,
    heading,
    run,
    success,
    back_url,
    done_url=None,
    button="Save",
    intro="",
    template="audits/form.html",
):
    return record_step(
        request,
        form,
        run=run,
        success=success,
        done_url=done_url or back_url,
        render=lambda: render(
            request,
            template,
            {
                "form": form,
                "heading": heading,
                "button": button,
                "back_url": back_url,
                "intro": intro,
            },
        ),
    )


def _programme_url(programme) -> str:
    return reverse("audits:programme", args=[programme.pk])


@require_http_methods(["GET", "POST"])
def programme_new(request):
    require(request.user, Capability.SET_UP_AUDITS)
    form = forms.ProgrammeForm(
        _data(request),
        tools=selectors.tools(),
        initial={"moderation_percent": 10, "sample_rule": "stratified", "service": Service.ANY},
    )
    return _form_page(
        request,
        form,
        heading="Set up an audit programme",
        success="Audit programme set up",
        back_url=reverse("audits:home"),
        done_url=_programme_url,
        button="Set up the programme",
        run=lambda data: services.programme_create(actor=request.user, **data),
        template="audits/programme_form.html",
    )


@require_GET
def programme(request, programme_id):
    user = request.user
    found_programme = selectors.programme_get_for_user(user, programme_id)
    check = None
    seed = parse_id(request.GET.get("check"))
    if seed is not None and found_programme.drawn_at is not None:
        # Drawn again, nothing saved: the same seed must give the same children.
        from django.core.exceptions import ValidationError

        try:
            chosen, assigned, _, _ = services.plan_sample(found_programme, seed)
            again = set(assigned)
        except ValidationError:
            again = set()
        drawn = set(found_programme.audits.values_list("child_id", flat=True))
        check = {"seed": seed, "same": again == drawn, "count": len(again), "differ": len(again ^ drawn)}
    audits = selectors.programme_audits(found_programme, user=user)
    return render(
        request,
        "audits/programme.html",
        {
            "programme": found_programme,
            "audits": audits,
            "completed": sum(1 for a in audits if not a.is_open),
            "agreement": selectors.agreement_by_domain(found_programme.audits.all()),
            "can_draw": found_programme.drawn_at is None and may(user, Capability.SET_UP_AUDITS),
            "draw_form": forms.DrawForm(),
            "check": check,
            "teams": list(found_programme.teams.all()),
            "auditors": list(found_programme.auditors.all()),
            "moderators": list(found_programme.moderators.all()),
            "moderated_url": reverse("audits:report_audits") + f"?moderated=1&programme={found_programme.pk}",
        },
    )


@require_http_methods(["GET", "POST"])
def programme_draw(request, programme_id):
    require(request.user, Capability.SET_UP_AUDITS)
    found_programme = selectors.programme_get_for_user(request.user, programme_id)
    return _form_page(
        request,
        forms.DrawForm(_data(request)),
        heading=f"Draw the sample: {found_programme.theme}",
        success="Sample drawn and auditors assigned",
        back_url=_programme_url(found_programme),
        button="Draw the sample",
        intro=f"The sample is drawn at random with seed {found_programme.seed}, stratified by team, leaving out "
        "children an auditor works with or manages; the same seed always draws the same children.",
        run=lambda data: services.sample_draw(actor=request.user, programme=found_programme),
    )


_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")


def _filters(request) -> selectors.Filters:
    get = request.GET
    grade = parse_id(get.get("grade"))
    compliance = get.get("compliance", "")
    return selectors.Filters(
        programme=parse_id(get.get("programme")),
        team=parse_id(get.get("team")),
        service=get.get("service", "") if get.get("service") in Service.values else "",
        grade=grade if grade in Grade.values else None,
        month=get.get("month", "") if _MONTH.match(get.get("month", "")) else "",
        theme=get.get("theme", "") if get.get("theme") in Theme.values else "",
        moderated=get.get("moderated") == "1",
        compliance=compliance if compliance in COMPLIANCE else "",
        compliant=(get.get("compliant") == "1") if compliance in COMPLIANCE else None,
    )


def _describe(filters: selectors.Filters) -> str:
    parts = []
    if filters.programme:
        parts.append(f"programme {filters.programme}")
    if filters.team:
        parts.append("one team")
    if filters.service:
        parts.append(Service(filters.service).label.lower())
    if filters.grade:
        parts.append(f"graded {Grade(filters.grade).label.lower()}")
    if filters.month:
        parts.append(f"audited in {filters.month}")
    if filters.theme:
        parts.append(f"theme {Theme(filters.theme).label.lower()}")
    if filters.moderated:
        parts.append("moderated")
    if filters.compliance:
        label = COMPLIANCE[filters.compliance][0].lower()
        parts.append(label if filters.compliant else f"not {label}")
    return ", ".join(parts) or "all"


@require_roles(*selectors.REPORT_ROLES)
def report(request):
    filters = _filters(request)
    return render(
        request,
        "audits/report.html",
        {
            "figures": selectors.report(user=request.user, filters=filters),
            "filters": filters,
            "programmes": list(selectors.programmes()[:100]),
            "compliance": COMPLIANCE,
        },
    )


@require_roles(*selectors.REPORT_ROLES)
def report_audits(request):
    filters = _filters(request)
    return render(
        request,
        "audits/report_audits.html",
        {
            "rows": selectors.audit_rows(user=request.user, filters=filters),
            "what": _describe(filters),
            "filters": filters,
        },
    )


@require_roles(*selectors.REPORT_ROLES)
def report_actions(request):
    filters = _filters(request)
    state = request.GET.get("state", "")
    state = state if state in ("open", "overdue", "done") else ""
    return render(
        request,
        "audits/report_actions.html",
        {
            "rows": selectors.action_rows(user=request.user, filters=filters, state=state),
            "what": ", ".join(p for p in (state, _describe(filters)) if p),
            "filters": filters,
        },
    )


@require_roles(*selectors.REPORT_ROLES)
def report_xlsx(request):
    filters = _filters(request)
    content = export.workbook(
        selectors.report(user=request.user, filters=filters),
        selectors.audit_rows(user=request.user, filters=filters, limit=5_000),
    )
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="case-audits.xlsx"'
    return response


@require_roles(*selectors.REPORT_ROLES)
def report_pdf_download(request):
    """The same figures as the page and the xlsx, for the same roles, as a PDF for the board."""
    filters = _filters(request)
    scope = selectors.programme_theme(filters.programme) if filters.programme else "Every programme"
    rest = _describe(selectors.Filters(**{**filters.__dict__, "programme": None}))
    if rest != "all":
        scope = f"{scope}: {rest}"
    content = report_pdf.render(
        selectors.report(user=request.user, filters=filters),
        council=settings.COUNCIL_NAME,
        scope=scope,
        now=clock.now(),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="case-audits.pdf"'
    return response


# --- The child's record ---------------------------------------------------------------------------


@require_GET
def record(request, person_id):
    child = AREA.child(request, person_id)
    return render_record(
        request,
        child,
        AREA.tab,
        "audits/record.html",
        {
            "audits": selectors.audits_for_child(child, user=request.user),
            "can_complete": ACTIONS.can_record(request.user, child),
        },
    )


@require_GET
def audit(request, person_id, audit_id):
    child = AREA.child(request, person_id)
    found_audit = found(selectors.audit_for_child(child, audit_id))
    user = request.user
    blind = selectors.is_blind_to(user, found_audit)
    return render_record(
        request,
        child,
        AREA.tab,
        "audits/audit.html",
        {
            "audit": found_audit,
            "blind": blind,
            "rows": [] if blind else selectors.gradings_of(found_audit),
            "reflections": selectors.reflections_of(found_audit),
            "actions": list(found_audit.actions.select_related("owner").order_by("due_on", "pk")),
            "compliance": [(label, getattr(found_audit, name)) for name, (label, _) in COMPLIANCE.items()],
            "can_grade": found_audit.is_open and found_audit.auditor_id == user.pk,
            "can_moderate": found_audit.needs_moderation
            and not found_audit.is_open
            and found_audit.moderator_id == user.pk,
            "can_reflect": not found_audit.is_open and may(user, Capability.REFLECT_ON_AUDIT, child),
            "can_complete": may(user, Capability.COMPLETE_AUDIT_ACTION, child),
            "can_assign": found_audit.moderated_at is None and may(user, Capability.SET_UP_AUDITS),
            "theme_names": [dict(Theme.choices).get(t, t) for t in found_audit.themes],
        },
    )


def _audit_url(audit) -> str:
    return reverse("audits_record:audit", args=[audit.child_id, audit.pk])


def _grading_page(request, person_id, audit_id, *, moderating: bool):
    child = person_get_for_user(request.user, person_id, request=request, reason=READ_REASON)
    if not child.is_child:
        raise Http404
    require(request.user, Capability.GRADE_AUDIT, child)
    found_audit = found(selectors.audit_for_child(child, audit_id))
    if (found_audit.moderator_id if moderating else found_audit.auditor_id) != request.user.pk:
        raise Http404
    domains = selectors.domains_of(found_audit.programme.tool)
    form = forms.GradeForm(_data(request), domains=domains, actions=not moderating)
    service = services.audit_moderate if moderating else services.audit_grade
    heading = "Moderate the audit" if moderating else "Grade the case"
    return record_step(
        request,
        form,
        success="Moderation recorded: the moderated grades stand" if moderating else "Audit completed",
        run=lambda data: service(actor=request.user, audit=found_audit, **data),
        # To the auditor's list: an auditor outside the child's team reads the record only while
        # the audit is open, so the audit's own page may no longer open for them.
        done_url=reverse("audits:home"),
        render=lambda: render_record(
            request,
            child,
            AREA.tab,
            "audits/grade.html",
            {
                "form": form,
                "heading": heading,
                "audit": found_audit,
                "moderating": moderating,
                "back_url": _audit_url(found_audit),
                "grades": Grade.choices,
            },
        ),
    )


@require_http_methods(["GET", "POST"])
def grade(request, person_id, audit_id):
    return _grading_page(request, person_id, audit_id, moderating=False)


@require_http_methods(["GET", "POST"])
def moderate(request, person_id, audit_id):
    return _grading_page(request, person_id, audit_id, moderating=True)


def _audit_facts(audit):
    facts = [("Programme", audit.programme.theme), ("Auditor", str(audit.auditor))]
    if audit.completed_at:
        facts.append(("Audited", long_date(audit.completed_at.date())))
    return facts


@require_http_methods(["GET", "POST"])
def assign(request, person_id, audit_id):
    """QA officers and senior leaders give an audit to another of the programme's auditors or
    moderators; one with a conflict of interest is refused beside the field."""
    child = AREA.child(request, person_id)
    require(request.user, Capability.SET_UP_AUDITS)
    found_audit = found(selectors.audit_for_child(child, audit_id))
    form = forms.AssignForm(_data(request), programme=found_audit.programme)
    return record_step(
        request,
        form,
        success="Audit reassigned",
        run=lambda data: services.audit_assign(actor=request.user, audit=found_audit, **data),
        done_url=reverse("audits:programme", args=[found_audit.programme_id]),
        render=lambda: render_record(
            request,
            child,
            AREA.tab,
            "includes/record_form.html",
            {
                "form": form,
                "heading": "Change the auditor or moderator",
                "button": "Save",
                "caption": "Case audit",
                "facts": _audit_facts(found_audit) + [("Moderator", str(found_audit.moderator or "None"))],
                "back_url": _audit_url(found_audit),
            },
        ),
    )


reflect = REFLECT.page(
    form=forms.ReflectionForm,
    heading="Add your reflection on the audit",
    success="Reflection added",
    service=services.reflection_add,
    find=selectors.audit_for_child,
    arg="audit",
    facts=_audit_facts,
)
action_done = ACTIONS.page(
    form=forms.DoneForm,
    heading="Mark the audit action done",
    success="Action done",
    service=services.audit_action_done,
    find=selectors.action_for_child,
    arg="action",
    facts=lambda action: [
        ("Action", action.action),
        ("Set by the audit on", long_date(action.set_on)),
        ("Due by", long_date(action.due_on)),
    ],
)
