"""Supervision pages. A session's pages fetch it through supervision.selectors (404 for anyone but
the supervisee, the supervisor and the supervisor's managers); who may record is the capability
table, then the service (only the session's supervisor writes it, only its supervisee signs it).

The case supervision tab of a child's record, and marking a case action done, are pages of the
child's record (people.steps.RecordArea): fetched and authorised through the child."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, may, require
from core.dates import long_date
from core.recording import form_page
from people.record import render_record
from people.steps import RecordArea
from supervision import forms, selectors, services

AREA = RecordArea(
    tab="case_supervision",
    caption="Case supervision",
    record_url="supervision_record:record",
    capability=Capability.COMPLETE_SUPERVISION_ACTION,
)


def _detail_url(session) -> str:
    return reverse("supervision:detail", args=[session.pk])


def _facts(session):
    return [
        ("Worker supervised", str(session.supervisee)),
        ("Supervisor", str(session.supervisor)),
        ("Held", long_date(session.held_on)),
    ]


def _form_page(request, form, **page):
    return form_page(request, form, caption="Supervision", **page)


def _data(request):
    """The form's data on a POST (even an empty one: signing has nothing to type), None on a GET."""
    return request.POST if request.method == "POST" else None


def _supervisor_session(request, supervision_id):
    """The session, for a page only its supervisor uses while it is open: 404 for anyone else."""
    session = selectors.session_get_for_user(request.user, supervision_id)
    if session.supervisor_id != request.user.pk:
        raise Http404
    return session


@require_GET
def session_list(request):
    user = request.user
    return render(
        request,
        "supervision/list.html",
        {
            "sessions": selectors.session_list(user=user),
            "can_record": may(user, Capability.RECORD_SUPERVISION),
        },
    )


@require_http_methods(["GET", "POST"])
def session_new(request):
    require(request.user, Capability.RECORD_SUPERVISION)
    supervisees = list(selectors.supervisees_of(request.user))
    form = forms.SessionForm(
        _data(request), supervisees=supervisees, initial={"supervisee": request.GET.get("worker", "")}
    )
    return _form_page(
        request,
        form,
        heading="Record supervision",
        success="Supervision recorded",
        back_url=reverse("supervision:list"),
        run=lambda data: services.supervision_record(actor=request.user, **data),
        done_url=_detail_url,
        intro="Record the professional supervision first; then add its actions and a discussion for each child.",
    )


@require_GET
def session_detail(request, supervision_id):
    user = request.user
    session = selectors.session_get_for_user(user, supervision_id)
    is_supervisor = session.supervisor_id == user.pk
    return render(
        request,
        "supervision/detail.html",
        {
            "session": session,
            "actions": selectors.session_actions(session),
            "discussions": selectors.case_discussions_in(session, user=user),
            "is_supervisor": is_supervisor,
            "is_supervisee": session.supervisee_id == user.pk,
            "is_party": user.pk in {session.supervisee_id, session.supervisor_id},
            "can_discuss": is_supervisor and session.is_open,
        },
    )


@require_http_methods(["GET", "POST"])
def action_new(request, supervision_id):
    require(request.user, Capability.RECORD_SUPERVISION)
    session = _supervisor_session(request, supervision_id)
    return _form_page(
        request,
        forms.ActionForm(_data(request)),
        heading="Add an action",
        success="Action added",
        back_url=_detail_url(session),
        facts=_facts(session),
        run=lambda data: services.supervision_action_add(actor=request.user, session=session, **data),
    )


@require_http_methods(["GET", "POST"])
def case_discussion_new(request, supervision_id):
    require(request.user, Capability.RECORD_SUPERVISION)
    session = _supervisor_session(request, supervision_id)
    children = list(selectors.children_to_discuss(session, user=request.user))
    return _form_page(
        request,
        forms.CaseDiscussionForm(_data(request), children=children),
        heading="Discuss a child",
        success="Case discussion recorded on the child’s record",
        back_url=_detail_url(session),
        facts=_facts(session),
        run=lambda data: services.case_discussion_record(actor=request.user, session=session, **data),
        intro=""
        if children
        else f"Every child allocated to {session.supervisee} has been discussed in this supervision.",
    )


@require_http_methods(["GET", "POST"])
def sign(request, supervision_id):
    require(request.user, Capability.RECORD_SUPERVISION)
    session = _supervisor_session(request, supervision_id)
    return _form_page(
        request,
        forms.SignForm(_data(request)),
        heading="Sign the supervision record",
        success=f"Signed: {session.supervisee} can now sign it",
        back_url=_detail_url(session),
        facts=_facts(session),
        run=lambda data: services.supervision_sign(actor=request.user, session=session),
        button="Sign",
        intro="Once you sign, the record cannot be changed: nothing more can be added to it.",
    )


@require_http_methods(["GET", "POST"])
def countersign(request, supervision_id):
    require(request.user, Capability.SIGN_SUPERVISION)
    session = selectors.session_get_for_user(request.user, supervision_id)
    if session.supervisee_id != request.user.pk:
        raise Http404
    return _form_page(
        request,
        forms.CountersignForm(_data(request)),
        heading="Sign your supervision record",
        success="Signed",
        back_url=_detail_url(session),
        facts=_facts(session),
        button="Sign",
        run=lambda data: services.supervision_countersign(actor=request.user, session=session, **data),
    )


@require_http_methods(["GET", "POST"])
def action_done(request, supervision_action_id):
    require(request.user, Capability.SIGN_SUPERVISION)
    action = selectors.supervision_action_get_for_user(request.user, supervision_action_id)
    session = action.session
    if request.user.pk not in {action.owner_id, session.supervisee_id, session.supervisor_id}:
        raise Http404
    return _form_page(
        request,
        forms.DoneForm(_data(request)),
        heading="Mark the action done",
        success="Action done",
        back_url=_detail_url(session),
        facts=[("Action", action.action), ("Owner", str(action.owner)), ("Due by", long_date(action.due_on))],
        run=lambda data: services.supervision_action_done(actor=request.user, action=action, **data),
    )


@require_GET
def export(request, supervision_id):
    """The supervisee's own record, to keep as CPD evidence (peer reflection) for their
    professional registration: printable, without the children's case discussions."""
    session = selectors.session_get_for_user(request.user, supervision_id)
    if session.supervisee_id != request.user.pk:
        raise Http404
    return render(
        request,
        "supervision/export.html",
        {
            "session": session,
            "actions": selectors.session_actions(session),
            "children_discussed": session.case_discussions.count(),
            "registration_year": _registration_year(session.held_on),
        },
    )


def _registration_year(day) -> str:
    """Social Work England's registration year runs from 1 December to 30 November."""
    start = day.year if day.month == 12 else day.year - 1
    return f"1 December {start} to 30 November {start + 1}"


# --- The child's record --------------------------------------------------------------------------


@require_GET
def record(request, person_id):
    child = AREA.child(request, person_id)
    return render_record(
        request,
        child,
        AREA.tab,
        "supervision/record.html",
        {
            "discussions": selectors.case_discussions_for_child(child),
            "can_complete": AREA.can_record(request.user, child),
        },
    )


case_action_done = AREA.page(
    form=forms.DoneForm,
    heading="Mark the supervision action done",
    success="Action done",
    service=services.case_action_done,
    find=selectors.case_action_for_child,
    arg="action",
    facts=lambda action: [
        ("Action", action.action),
        ("Agreed in supervision on", long_date(action.discussion.session.held_on)),
        ("Due by", long_date(action.due_on)),
    ],
)
