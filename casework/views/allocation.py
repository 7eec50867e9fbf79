from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from access.capabilities import Capability, may
from casework import allocation_hints, selectors, services
from casework.forms import AllocationChangeForm, AllocationTeamForm
from casework.views.common import child_for
from core.forms import apply_service_errors
from people.record import render_record

TEAM_FORM_PREFIX = "choose"


def _chosen_team(request, child, teams):
    """The team whose workers the form offers: the one posted or chosen, else the child's own."""
    raw = request.POST.get("team") or request.GET.get(f"{TEAM_FORM_PREFIX}-team")
    if raw and str(raw).isdigit():
        team = teams.filter(pk=raw).first()
        if team is not None:
            return team
    if child.current_team_id and teams.filter(pk=child.current_team_id).exists():
        return child.current_team
    return request.user.team if request.user.team_id else teams.first()


@require_http_methods(["GET", "POST"])
def allocation(request, person_id):
    child = child_for(request, person_id)
    can_change = may(request.user, Capability.ALLOCATE, child)
    if request.method == "POST" and not can_change:
        raise PermissionDenied
    context = {"history": selectors.allocations_for_child(child), "can_change": can_change, "form": None}
    if can_change:
        teams = selectors.teams_for_allocation()
        team = _chosen_team(request, child, teams)
        form = None
        if team is not None:
            form = AllocationChangeForm(
                request.POST or None, team=team, teams=teams, workers=selectors.workers_in_team(team)
            )
            if request.method == "POST" and form.is_valid():
                data = form.cleaned_data
                try:
                    services.allocation_change(
                        actor=request.user,
                        child=child,
                        team=data["team"],
                        worker=data["worker"],
                        start_date=data["start_date"],
                        reason=data["reason"],
                    )
                except ValidationError as error:
                    apply_service_errors(form, error)
                else:
                    if data["worker"] is None:
                        messages.success(request, f"{child.full_name} sent to {data['team']}’s unallocated tray")
                    else:
                        messages.success(request, f"{child.full_name} allocated to {data['worker']}, {data['team']}")
                    return redirect("casework:allocation", child.pk)
        context |= {
            "team": team,
            "team_form": AllocationTeamForm(prefix=TEAM_FORM_PREFIX, initial={"team": team}, teams=teams),
            "form": form,
            # Workers of the team with room on their weighted caseload (caseloads registers it).
            "suggestions": allocation_hints.for_team(team=team, child=child, user=request.user) if team else [],
        }
    return render_record(request, child, "allocation", "casework/allocation.html", context)
