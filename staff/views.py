"""Staff pages. A member of staff's pages fetch them through staff.selectors (404 for anyone but
the person, their line managers and the workforce lead); who may record is the capability table,
then the service (a team manager only for the people they line-manage)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from access.capabilities import Capability, may, require
from core import clock
from core.permissions import require_roles
from core.recording import form_page
from staff import forms, selectors, services
from staff.models import registration_year
from workforce.models import Team
from workforce.roles import Role


def _profile_url(worker) -> str:
    return reverse("staff:profile", args=[worker.pk])


def _data(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, *, caption="Staff", **page):
    return form_page(request, form, caption=caption, **page)


@require_GET
def staff_list(request):
    user = request.user
    return render(
        request,
        "staff/list.html",
        {
            "staff": selectors.staff_list(user=user),
            "can_add": may(user, Capability.MANAGE_STAFF),
            "today": clock.today(),
        },
    )


@require_GET
def profile(request, staff_id):
    user = request.user
    worker = selectors.staff_get_for_user(user, staff_id)
    services.profile_read(user=user, worker=worker, path=request.path)
    profile = selectors.profile_of(worker)
    induction, tasks = selectors.induction_of(worker)
    manages = user.role == Role.WORKFORCE_LEAD or selectors.is_line_manager_of(user, worker)
    year_start, year_end = registration_year(clock.today())
    return render(
        request,
        "staff/profile.html",
        {
            "worker": worker,
            "profile": profile,
            "registration": selectors.registration_status(profile),
            "year_start": year_start,
            "year_end": year_end,
            "cpd": selectors.cpd_this_year(worker),
            "induction": induction,
            "tasks": tasks,
            "training_due": selectors.training_due(workers=[worker]),
            "attendance": selectors.attendance_of(worker),
            "cap": selectors.price_cap_for(worker.role),
            "pqe_years": selectors.pqe_years(profile),
            "can_manage": may(user, Capability.MANAGE_STAFF),
            "can_record": manages and may(user, Capability.RECORD_TRAINING),
            "today": clock.today(),
        },
    )


@require_http_methods(["GET", "POST"])
def starter_new(request):
    require(request.user, Capability.MANAGE_STAFF)
    teams = list(Team.objects.filter(is_active=True))
    posts = list(selectors.posts_on(clock.today()).filter(holder__isnull=True).select_related("team"))
    form = forms.StarterForm(_data(request), teams=teams, posts=posts, initial={"fte": 1})
    return _form_page(
        request,
        form,
        heading="A new starter",
        success="New starter recorded; their induction has started",
        back_url=reverse("staff:list"),
        done_url=_profile_url,
        run=lambda data: services.starter_record(actor=request.user, **data),
    )


@require_http_methods(["GET", "POST"])
def profile_edit(request, staff_id):
    worker = selectors.staff_get_for_user(request.user, staff_id)
    require(request.user, Capability.MANAGE_STAFF)
    profile = selectors.profile_of(worker)
    initial = {"agency": "yes" if worker.agency_worker else "no", "fte": 1}
    if profile:
        initial |= {name: getattr(profile, name) for name in services.PROFILE_FIELDS}
    form = forms.ProfileFields(_data(request), initial=initial)
    return _form_page(
        request,
        form,
        heading=f"Change {worker.get_full_name()}'s profile",
        success="Profile saved",
        back_url=_profile_url(worker),
        run=lambda data: services.profile_update(actor=request.user, worker=worker, **data),
    )


@require_http_methods(["GET", "POST"])
def leaver(request, staff_id):
    worker = selectors.staff_get_for_user(request.user, staff_id)
    require(request.user, Capability.MANAGE_STAFF)
    form = forms.LeaverForm(_data(request))
    return _form_page(
        request,
        form,
        heading=f"{worker.get_full_name()} is leaving",
        success="Leaver recorded",
        back_url=_profile_url(worker),
        button="Record leaver",
        run=lambda data: services.leaver_record(actor=request.user, worker=worker, **data),
    )


@require_http_methods(["GET", "POST"])
def induction_done(request, staff_id, task_id):
    worker = selectors.staff_get_for_user(request.user, staff_id)
    task = selectors.induction_task_for(worker, task_id)
    require(request.user, Capability.RECORD_INDUCTION)
    form = forms.DoneForm(_data(request), initial={"done_on": clock.today()})
    return _form_page(
        request,
        form,
        heading="Induction item done",
        success="Induction item done",
        back_url=_profile_url(worker),
        caption=worker.get_full_name(),
        facts=[("Item", task.title), ("Due", f"{task.due_on:%-d %B %Y}")],
        run=lambda data: services.induction_task_done(actor=request.user, task=task, **data),
    )


@require_http_methods(["GET", "POST"])
def attendance_new(request, staff_id):
    worker = selectors.staff_get_for_user(request.user, staff_id)
    require(request.user, Capability.RECORD_TRAINING)
    form = forms.AttendanceForm(_data(request), courses=selectors.courses())
    return _form_page(
        request,
        form,
        heading="Record training attended",
        success="Training recorded",
        back_url=_profile_url(worker),
        caption=worker.get_full_name(),
        run=lambda data: services.attendance_record(actor=request.user, worker=worker, **data),
    )


@require_GET
@require_roles(Role.WORKFORCE_LEAD, Role.TEAM_MANAGER)
def establishment(request):
    posts = selectors.establishment(user=request.user)
    return render(
        request,
        "staff/establishment.html",
        {
            "posts": posts,
            "fte": sum(p.fte for p in posts),
            "vacant_fte": sum(p.fte for p in posts if p.holder_id is None),
        },
    )
