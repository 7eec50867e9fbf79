"""Administrators' access pages: break-glass access to one record, and finding a record to
manage its restriction; and the senior leaders' list of break-glass accesses."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from access import break_glass as break_glass_selectors
from access.forms import BreakGlassForm, FindRecordForm
from access.services import break_glass_open
from core.forms import apply_service_errors
from core.permissions import require_roles
from workforce.roles import Role


@require_roles(Role.SYSTEM_ADMIN)
@require_http_methods(["GET", "POST"])
def break_glass(request):
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            access = break_glass_open(
                actor=request.user, la_id=form.cleaned_data["la_id"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("people:summary", access.person_id)
    return render(
        request,
        "access/break_glass.html",
        {
            "form": form,
            "minutes": int(break_glass_selectors.DURATION.total_seconds() // 60),
            "mine": break_glass_selectors.recent_for_user(request.user),
        },
    )


@require_roles(Role.SENIOR_LEADER)
def break_glass_log(request):
    page = Paginator(break_glass_selectors.break_glass_accesses(), 50).get_page(request.GET.get("page"))
    return render(request, "access/break_glass_log.html", {"page": page})


@require_roles(Role.SYSTEM_ADMIN)
@require_http_methods(["GET", "POST"])
def manage(request):
    """Find a record by its LA ID to restrict it or give access: administrators cannot search
    for children, because they do not read their records."""
    form = FindRecordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = break_glass_selectors.person_by_la_id(form.cleaned_data["la_id"])
        if person is None:
            form.add_error("la_id", "There is no record with that LA ID")
        else:
            return redirect("people:restricted_access", person.pk)
    return render(request, "access/manage.html", {"form": form})
