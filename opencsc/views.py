"""The shell's own pages: home per role, health check and the design-system error pages."""

from django.contrib.auth.decorators import login_not_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from opencsc import navigation
from opencsc.permissions import require_roles
from workforce.roles import Role


def home(request):
    return redirect(navigation.home_url_for(request.user))


@require_roles(Role.SOCIAL_WORKER, Role.TEAM_MANAGER)
def my_work(request):
    from people.selectors import children_allocated_to

    return render(request, "home/my_work.html", {"children": children_allocated_to(request.user)})


@require_roles(Role.TEAM_MANAGER)
def my_team(request):
    from casework.selectors import caseloads_for_teams

    teams = list(request.user.managed_teams.all())
    caseloads = caseloads_for_teams([t.pk for t in teams])
    by_team = {team.pk: [row for row in caseloads if row.team_id == team.pk] for team in teams}
    return render(request, "home/my_team.html", {"teams": [(team, by_team[team.pk]) for team in teams]})


@require_roles(Role.MASH_WORKER)
def front_door_home(request):
    return render(request, "home/front_door.html")


@require_roles(Role.IRO)
def reviews_home(request):
    return render(request, "home/reviews.html")


@require_roles(Role.QA_OFFICER, Role.SENIOR_LEADER)
def performance_home(request):
    return render(request, "home/performance.html")


@require_roles(Role.SYSTEM_ADMIN)
def administration_home(request):
    return render(request, "home/administration.html")


@login_not_required
@never_cache
@require_GET
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"; the detail goes to the log
        import logging

        logging.getLogger(__name__).exception("health check: database unavailable")
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    # Rendered without context processors: whatever broke may be the database they need.
    from django.template import loader
    from django.http import HttpResponseServerError

    template = loader.get_template("errors/500.html")
    return HttpResponseServerError(template.render({"council_name": _council_name()}))


def _council_name():
    from django.conf import settings

    return settings.COUNCIL_NAME
