"""The workforce figures as at 30 September, with the DfE's definitions (children's social work
workforce census and its published statistics), each with the staff (or children) behind it.

Who counts: children and family social workers are the case-holding and managing social work
roles (social workers, team managers, IROs, service managers), registered with Social Work
England. Employed workers are those the council pays; agency workers are counted apart.
- In post on a day: started on or before it and not left before it.
- Starters and leavers: in the year ending 30 September (1 October to 30 September).
- Turnover rate: FTE leavers in the year / FTE employed in post at 30 September.
- Agency rate: FTE agency workers / (FTE agency + FTE employed), at 30 September.
- Vacancy rate: FTE vacant posts / (FTE vacant + FTE employed), at 30 September.
- Caseload: cases held by case-holding workers (agency included) / FTE of the workers holding at
  least one case, at 30 September.
The figures of supervision, induction and training say who is behind today, not at a past date:
those records answer "now"."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from caseloads.weights import held_on
from casework.models import Allocation
from core import clock
from workforce.models import User
from workforce.roles import Role

SOCIAL_WORK_ROLES = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO, Role.SERVICE_MANAGER)
CASE_HOLDERS = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER)
STABILITY_WORKERS = 3  # a child with this many social workers or more in the year


def census_date(year: int) -> datetime.date:
    return datetime.date(year, 9, 30)


def latest_census_year(today: datetime.date | None = None) -> int:
    today = today or clock.today()
    return today.year if today >= census_date(today.year) else today.year - 1


def year_of(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year - 1, 10, 1), census_date(year)


@dataclass
class Worker:
    user: User
    fte: Decimal
    agency: bool
    started_on: datetime.date | None
    left_on: datetime.date | None

    def in_post(self, day) -> bool:
        return (self.started_on is None or self.started_on <= day) and (self.left_on is None or self.left_on >= day)


def social_workers() -> list[Worker]:
    """Every social worker the record knows, in post or not, with their profile: one query."""
    rows = (
        User.objects.filter(role__in=SOCIAL_WORK_ROLES)
        .select_related("staff_profile", "team")
        .order_by("last_name", "first_name", "pk")
    )
    found = []
    for user in rows:
        profile = getattr(user, "staff_profile", None)
        found.append(
            Worker(
                user=user,
                fte=profile.fte if profile else Decimal(1),
                agency=user.agency_worker,
                started_on=user.started_on,
                left_on=profile.left_on if profile else None,
            )
        )
    return found


@dataclass
class Figure:
    code: str
    label: str
    value: str
    definition: str
    staff: list = field(default_factory=list)  # the workers behind it
    children: list = field(default_factory=list)  # child ids behind it (listed through visible_to)


def _rate(top: Decimal, bottom: Decimal) -> str:
    return f"{(Decimal(100) * top / bottom).quantize(Decimal('0.1'))}%" if bottom else "No data"


def _n(value: Decimal) -> str:
    """An FTE as the census writes it: 1, 0.6, 12.5 (no trailing zeros)."""
    return f"{Decimal(value).normalize():f}"


def _users(workers) -> list[User]:
    return [w.user for w in workers]


def _fte(workers) -> Decimal:
    return sum((w.fte for w in workers), Decimal(0))


def children_with_many_workers(year: int) -> dict[int, int]:
    """Children with three or more social workers in the year ending 30 September: {child: n}."""
    start, end = year_of(year)
    workers = defaultdict(set)
    for child_id, worker_id in (
        Allocation.objects.filter(start_date__lte=end, worker__isnull=False)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
        .values_list("child_id", "worker_id")
    ):
        workers[child_id].add(worker_id)
    return {c: len(w) for c, w in workers.items() if len(w) >= STABILITY_WORKERS}


def workforce_figures(year: int) -> list[Figure]:
    """The figures for the year ending 30 September `year`."""
    from staff.models import Post
    from staff.selectors import due_for_worker_ids, registration_lapsed

    day = census_date(year)
    start, _ = year_of(year)
    everyone = social_workers()
    employed = [w for w in everyone if not w.agency and w.in_post(day)]
    agency = [w for w in everyone if w.agency and w.in_post(day)]
    starters = [w for w in everyone if not w.agency and w.started_on and start <= w.started_on <= day]
    leavers = [w for w in everyone if not w.agency and w.left_on and start <= w.left_on <= day]
    in_post_ids = {w.user.pk for w in employed + agency}
    vacant = [
        p
        for p in Post.objects.filter(opened_on__lte=day)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=day))
        .filter(role__in=SOCIAL_WORK_ROLES)
        .select_related("team", "holder")
        if p.holder_id is None or p.holder_id not in in_post_ids
    ]
    holders = [w for w in employed + agency if w.user.role in CASE_HOLDERS]
    cases = dict.fromkeys((w.user.pk for w in holders), 0)
    for worker_id in Allocation.objects.filter(held_on(day), worker_id__in=list(cases)).values_list(
        "worker_id", flat=True
    ):
        cases[worker_id] += 1
    holding = [w for w in holders if cases[w.user.pk]]
    held = sum(cases.values())
    holding_fte = _fte(holding)
    today = clock.today()
    current = [w for w in everyone if w.in_post(today)]
    behind = due_for_worker_ids([w.user for w in current])
    lapsed = registration_lapsed([w.user.pk for w in current], today)
    many = children_with_many_workers(year)
    vacant_fte = sum((p.fte for p in vacant), Decimal(0))
    return [
        Figure(
            "in_post",
            "Social workers in post (FTE, headcount)",
            f"{_n(_fte(employed))} FTE, {len(employed)}",
            "Employed children and family social workers in post at 30 September.",
            staff=_users(employed),
        ),
        Figure(
            "agency_rate",
            "Agency rate (FTE)",
            _rate(_fte(agency), _fte(agency) + _fte(employed)),
            "FTE agency workers in post at 30 September, as a share of agency and employed FTE.",
            staff=_users(agency),
        ),
        Figure(
            "vacancy_rate",
            "Vacancy rate (FTE)",
            _rate(vacant_fte, vacant_fte + _fte(employed)),
            "FTE of vacant posts at 30 September, as a share of vacant and filled FTE (vacancies covered "
            "by agency workers included).",
            staff=[],
        ),
        Figure(
            "turnover_rate",
            "Turnover rate (FTE)",
            _rate(_fte(leavers), _fte(employed)),
            "FTE of employed social workers who left in the year, as a share of FTE in post at 30 September.",
            staff=_users(leavers),
        ),
        Figure(
            "starters",
            "Starters in the year (FTE, headcount)",
            f"{_n(_fte(starters))} FTE, {len(starters)}",
            "Employed social workers who started between 1 October and 30 September.",
            staff=_users(starters),
        ),
        Figure(
            "leavers",
            "Leavers in the year (FTE, headcount)",
            f"{_n(_fte(leavers))} FTE, {len(leavers)}",
            "Employed social workers whose last day was between 1 October and 30 September.",
            staff=_users(leavers),
        ),
        Figure(
            "caseload",
            "Average caseload (cases per FTE case holder)",
            f"{(Decimal(held) / holding_fte).quantize(Decimal('0.1'))}" if holding_fte else "No data",
            "Cases held at 30 September by social workers (agency included), divided by the FTE of the "
            "social workers holding at least one case.",
            staff=_users(holding),
        ),
        Figure(
            "supervision_overdue",
            "Supervision overdue (today)",
            str(len(behind["supervision"])),
            "Social workers in post whose professional supervision is overdue under the local standard.",
            staff=behind["supervision"],
        ),
        Figure(
            "induction_overdue",
            "Induction items overdue (today)",
            str(len(behind["induction"])),
            "Social workers with an item of their induction checklist not done by its working day.",
            staff=behind["induction"],
        ),
        Figure(
            "training_overdue",
            "Mandatory training overdue or expired (today)",
            str(len(behind["training"])),
            "Social workers with a mandatory course never attended in time or expired.",
            staff=behind["training"],
        ),
        Figure(
            "registration_lapsed",
            "Registration lapsed or not recorded (today)",
            str(len(lapsed)),
            "Social workers in post without a Social Work England registration renewed to today.",
            staff=[w.user for w in current if w.user.pk in lapsed],
        ),
        Figure(
            "stability",
            f"Children with {STABILITY_WORKERS} or more social workers in the year",
            str(len(many)),
            "Children allocated to three or more different social workers between 1 October and 30 September.",
            children=list(many),
        ),
    ]


FIGURE_CODES = (
    "in_post",
    "agency_rate",
    "vacancy_rate",
    "turnover_rate",
    "starters",
    "leavers",
    "caseload",
    "supervision_overdue",
    "induction_overdue",
    "training_overdue",
    "registration_lapsed",
    "stability",
)
