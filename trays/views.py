"""Each person's home: My work and My team with their trays, and the homes of the IRO, LADO,
personal adviser, private fostering officer, performance and administration. Each reads its
trays from the areas' selectors (the due items' partial indexes, one query a tray)."""

from django.shortcuts import redirect, render

from core.forms import parse_id
from core.permissions import require_roles
from trays import navigation
from workforce.roles import Role


def home(request):
    return redirect(navigation.home_url_for(request.user))


TRAY_LIMIT = 200  # a tray longer than this is a caseload problem, not a list to scroll


@require_roles(Role.SOCIAL_WORKER, Role.TEAM_MANAGER)
def my_work(request):
    from assessments.selectors import assessments_awaiting_authorisation, assessments_returned_to
    from core import clock
    from improvement.selectors import tray_for
    from oversight.selectors import challenges_waiting_for
    from people.selectors import children_allocated_to
    from staff import selectors as staff
    from supervision import selectors as supervision
    from trays import selectors as trays

    user = request.user
    return render(
        request,
        "home/my_work.html",
        {
            "children": children_allocated_to(user),
            # Each tray is one query on the due items' partial indexes (trays.selectors).
            "overdue": list(trays.overdue_for_worker(user=user)[:TRAY_LIMIT]),
            "due_soon": list(trays.due_soon_for_worker(user=user)[:TRAY_LIMIT]),
            "soon_caption": f"Due in the next {trays.SOON_DAYS} days",
            "returned": list(assessments_returned_to(user=user)),
            "to_authorise": list(assessments_awaiting_authorisation(user=user))
            if user.role == Role.TEAM_MANAGER
            else [],
            # The worker's own supervision: when it is next due, and the actions agreed in it.
            "supervision_due": supervision.supervision_due_for_worker(user=user),
            "supervision_actions": supervision.open_actions_owned_by(user),
            # The IRO's challenges addressed (or escalated) to this worker or manager (oversight.selectors).
            "challenges": list(challenges_waiting_for(user=user)[:TRAY_LIMIT]),
            # Their own induction items and mandatory training due or expired (staff.selectors).
            "staff_due": staff.due_for_worker(user=user),
            # Improvement plan actions they own, and overdue ones in a plan they own (improvement.selectors).
            "improvement": tray_for(user),
            "today": clock.today(),
        },
    )


@require_roles(Role.TEAM_MANAGER)
def my_team(request):
    from assessments.selectors import assessments_awaiting_authorisation
    from caseloads.selectors import team_loads
    from casework.selectors import caseloads_for_teams
    from core import clock
    from improvement.selectors import tray_for
    from staff import selectors as staff
    from supervision import selectors as supervision
    from timescales.rules import RULES
    from trays import selectors as trays

    user = request.user
    teams = list(user.managed_teams.all())
    caseloads = list(caseloads_for_teams([t.pk for t in teams], user=user))
    by_team = {team.pk: [row for row in caseloads if row.team_id == team.pk] for team in teams}
    counts = {row["worker_id"]: row for row in trays.team_overdue_counts(user=user)}
    for worker in caseloads:
        worker.overdue = counts.get(worker.pk, {}).get("n", 0)
        worker.visits_overdue = counts.get(worker.pk, {}).get("visits", 0)
    # The weighted caseload from the record (caseloads.weights): over the limit shows here.
    weighted = team_loads(user=user)
    loads = {w.pk: load for w, load in weighted}
    for worker in caseloads:
        worker.load = loads.get(worker.pk)
    workers = {w.pk: w for w in caseloads}
    worker_id = _int_or_none(request.GET.get("worker"))
    rule_code = request.GET.get("what", "")
    rule_code = rule_code if rule_code in RULES else ""
    return render(
        request,
        "home/my_team.html",
        {
            "teams": [(team, by_team[team.pk]) for team in teams],
            "overdue": list(
                trays.team_overdue(
                    user=user, worker_id=worker_id if worker_id in workers else None, rule_code=rule_code
                )[:TRAY_LIMIT]
            ),
            "not_seen": list(trays.children_not_seen(user=user)[:TRAY_LIMIT]),
            "unallocated": list(trays.unallocated_for_manager(user=user)[:TRAY_LIMIT]),
            "waiting": _with_due_dates(assessments_awaiting_authorisation(user=user)),
            "workers": list(workers.values()),
            "rules": sorted(((code, rule.title) for code, rule in RULES.items()), key=lambda pair: pair[1]),
            "filters": {"worker": worker_id if worker_id in workers else None, "what": rule_code},
            "supervision_due": supervision.supervision_due_for_supervisor(user=user),
            "team_staff_due": staff.due_for_manager(user=user),
            "over_limit": [(w, load) for w, load in weighted if load.over_limit],
            # The manager's own improvement plan actions (improvement.selectors), as on My work.
            "improvement": tray_for(user),
            "today": clock.today(),
        },
    )


def _with_due_dates(assessments):
    from assessments.services import due_date_for

    rows = list(assessments)
    for assessment in rows:
        assessment.due_by = due_date_for(assessment.episode)
    return rows


def _int_or_none(value):
    return parse_id(value)


@require_roles(Role.IRO)
def reviews_home(request):
    from child_protection.selectors import conference_work_for_chair
    from looked_after.selectors import reviews_due_for_iro

    # One query on the due items of the children the IRO chairs (looked_after.selectors).
    return render(
        request,
        "home/reviews.html",
        {
            "la_reviews": list(reviews_due_for_iro(user=request.user)[:TRAY_LIMIT]),
            # The conferences booked with them as chair, then their minutes (child_protection.selectors).
            "conferences": list(conference_work_for_chair(user=request.user)[:TRAY_LIMIT]),
        },
    )


@require_roles(Role.QA_OFFICER, Role.SENIOR_LEADER)
def performance_home(request):
    from improvement.selectors import tray_for

    return render(request, "home/performance.html", {"improvement": tray_for(request.user)})


@require_roles(Role.SYSTEM_ADMIN)
def administration_home(request):
    return render(request, "home/administration.html")


@require_roles(Role.LADO_OFFICER)
def lado_home(request):
    from allegations.selectors import lado_caseload

    rows = lado_caseload(request.user)
    return render(
        request,
        "home/lado.html",
        {
            "rows": rows,
            "late": sum(1 for row in rows if row.referred_late),
            "no_strategy": sum(1 for row in rows if not row.has_strategy_meeting),
        },
    )


@require_roles(Role.PERSONAL_ADVISER)
def personal_adviser_home(request):
    from care_leavers.selectors import caseload_for_adviser

    caseload = caseload_for_adviser(user=request.user)
    return render(
        request,
        "home/personal_adviser.html",
        {
            "young_people": caseload.young_people,
            "overdue": [item for item in caseload.due if item.is_overdue],
            "due": [item for item in caseload.due if not item.is_overdue][:TRAY_LIMIT],
        },
    )


@require_roles(Role.PRIVATE_FOSTERING_OFFICER)
def private_fostering_home(request):
    from core import clock
    from private_fostering.selectors import open_arrangements

    return render(
        request,
        "home/private_fostering.html",
        {
            "arrangements": list(open_arrangements(user=request.user)[:TRAY_LIMIT]),
            "today": clock.today(),
        },
    )
