"""Reads of caseloads: each worker's weighted caseload now or on a past day, who is over their
limit (for their manager), and who in a team has room for one more child (for allocation).

A caseload is a count and a weight, not a list of children: pages that show the children behind
it list only those the reader may see (access.selectors.visible_to)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q

from caseloads.weights import Load, loads_on
from casework.selectors import workers_in_team
from core import clock
from workforce.models import Team, User
from workforce.roles import Role

CASE_HOLDING_ROLES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)


@dataclass
class Suggestion:
    worker: User
    points: int
    after: int
    limit: int | None

    @property
    def has_room(self) -> bool:
        return self.limit is None or self.after <= self.limit


def workers_with_capacity(*, team, child, user) -> list[Suggestion]:
    """The team's case-holding workers with their weighted caseload now and with this child,
    those with most room first (registered with casework.allocation_hints)."""
    workers = [w for w in workers_in_team(team) if w.role in CASE_HOLDING_ROLES]
    if not workers:
        return []
    today = clock.today()
    now = loads_on(workers, today)
    after = loads_on(workers, today, extra={w.pk: [child.pk] for w in workers})
    rows = [
        Suggestion(worker=w, points=now[w.pk].points, after=after[w.pk].points, limit=now[w.pk].limit) for w in workers
    ]
    return sorted(
        rows, key=lambda r: (not r.has_room, -(r.limit - r.after) if r.limit is not None else 0, r.worker.last_name)
    )


def team_members(team_ids) -> list[User]:
    managers = Team.objects.filter(pk__in=team_ids).values("manager_id")
    return list(
        User.objects.filter(Q(team_id__in=team_ids) | Q(pk__in=managers), role__in=CASE_HOLDING_ROLES)
        .filter(is_active=True)
        .select_related("team")
        .order_by("team__name", "last_name", "first_name", "pk")
    )


def team_loads(*, user, on: datetime.date | None = None) -> list[tuple[User, Load]]:
    """The weighted caseload of each case-holding worker in the teams `user` manages (every team
    for the workforce lead), on `on` (today by default)."""
    teams = Team.objects.all() if user.role == Role.WORKFORCE_LEAD else Team.objects.filter(manager=user)
    workers = team_members(teams.values("pk"))
    loads = loads_on(workers, on or clock.today())
    return [(w, loads[w.pk]) for w in workers]


def over_limit(*, user) -> list[tuple[User, Load]]:
    """The workers `user` manages whose weighted caseload is over their limit today."""
    return [(w, load) for w, load in team_loads(user=user) if load.over_limit]
