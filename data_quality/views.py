"""The child's data-quality tab, and the data-quality page for managers, QA and senior leaders."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access.selectors import person_get_for_user
from core.forms import parse_id
from core.permissions import require_roles
from data_quality import selectors
from data_quality.checks import CHECKS
from people.record import render_record
from workforce.models import Team, User
from workforce.roles import Role

PAGE_SIZE = 25
READERS = (Role.TEAM_MANAGER, Role.QA_OFFICER, Role.SENIOR_LEADER)


@require_GET
def for_child(request, person_id):
    person = person_get_for_user(request.user, person_id, request=request)
    if not person.is_child:
        raise Http404
    return render_record(
        request, person, "data_quality", "data_quality/record.html", {"problems": selectors.problems_for_child(person)}
    )


def _bars(rows: list[dict]) -> list[dict]:
    """Each row's share of the largest count, for the CSS bars (the number is always shown too)."""
    most = max((row["problems"] for row in rows), default=0)
    for row in rows:
        row["percent"] = 5 * round(20 * row["problems"] / most) if most else 0
    return rows


@require_GET
@require_roles(*READERS)
def dashboard(request):
    user = request.user
    by_check = _bars(selectors.counts_by_check(user))
    return render(
        request,
        "data_quality/dashboard.html",
        {
            "by_check": by_check,
            "total": sum(row["problems"] for row in by_check),
            "by_team": _bars(selectors.counts_by_team(user)),
            "by_worker": _bars(selectors.counts_by_worker(user)),
        },
    )


def _int(value):
    # Anything that is not an id (too big for the database too) is ignored, as a bad number was.
    return parse_id(value)


@require_GET
@require_roles(*READERS)
def children(request):
    """The children behind one count on the data-quality page: by check, team or worker."""
    user = request.user
    check_id = request.GET.get("check") or None
    if check_id is not None and check_id not in CHECKS:
        raise Http404
    team_id, worker_id = _int(request.GET.get("team")), _int(request.GET.get("worker"))
    unallocated = request.GET.get("unallocated")
    if unallocated not in (None, "team", "worker"):
        raise Http404
    # The heading names what was counted; an id that is not a team or worker shows nobody.
    heading = "Children with data problems"
    if check_id:
        heading = f"Children with: {CHECKS[check_id].title}"
    if unallocated == "team":
        heading += ", no team"
    elif unallocated == "worker":
        heading += ", no named worker"
    elif team_id is not None:
        team = Team.objects.filter(pk=team_id).first()
        heading += f", {team.name}" if team else ""
    elif worker_id is not None:
        worker = User.objects.filter(pk=worker_id).first()
        heading += f", allocated to {worker.get_full_name()}" if worker else ""
    rows = selectors.children_with_problems(
        user, check_id=check_id, team_id=team_id, worker_id=worker_id, unallocated=unallocated
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    filters = {
        k: v
        for k, v in {"check": check_id, "team": team_id, "worker": worker_id, "unallocated": unallocated}.items()
        if v is not None
    }
    return render(
        request,
        "data_quality/children.html",
        {
            "heading": heading,
            "page": page,
            "query_string": urlencode(filters),
            "check": CHECKS.get(check_id or ""),
        },
    )
