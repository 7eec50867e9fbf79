"""Reads for the oversight figures (issue 14, part 5): supervision within the standard by team,
children with case supervision within the local standard, key events overseen in time, overdue
supervision and dispute actions, and the IRO's challenges by stage and theme. Each figure is a
count over a list, and the list is what its link opens.

Counting and naming are kept apart, as for the indicators (performance.selectors): a figure
counts every child of the user's scope, restricted records included, and its list names only the
children the user may see (access.selectors.people_visible_to, in the same query). Workers are
named only to the people who manage them (supervision.selectors.line_reports_of) and to the
leaders who answer for the whole workforce (STAFF_READERS); to anyone else a worker's row is a
count without a name, because supervision is about a person's wellbeing and performance.

The figures are live: "today" is the clock's (core.clock), as the trays' are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, Max, OuterRef, Q, QuerySet

from access.selectors import people_visible_to
from casework.models import Allocation
from core import clock
from oversight.choices import Category, Stage
from oversight.key_events import RULE_CODES
from oversight.models import Challenge, ChallengeStage
from supervision.models import CaseAction, SupervisionAction
from supervision.selectors import case_supervision_since, due_for, line_reports_of
from timescales.calendar import add_months, london_date
from timescales.models import DueItem
from timescales.rules import Unit, effective_rule
from workforce.models import Team, User
from workforce.roles import PERFORMANCE_ROLES, Role

# Who may read the names behind the workforce figures beyond a worker's own line of management.
STAFF_READERS = frozenset({Role.SENIOR_LEADER, Role.HEAD_OF_SERVICE, Role.DIRECTOR})
PERIOD_MONTHS = 12
NOT_SUPERVISED = frozenset(
    {Role.TEAM_MANAGER, Role.SYSTEM_ADMIN, *PERFORMANCE_ROLES}
)  # key events and challenges: the 12 months to today


@dataclass
class TeamCount:
    team_id: int | None
    team: str
    numerator: int
    denominator: int

    @property
    def late(self) -> int:
        return self.denominator - self.numerator

    @property
    def percent(self) -> float | None:
        return round(100 * self.numerator / self.denominator, 1) if self.denominator else None


@dataclass
class ByTeam:
    rows: list[TeamCount]

    @property
    def total(self) -> TeamCount:
        return TeamCount(None, "All teams", sum(r.numerator for r in self.rows), sum(r.denominator for r in self.rows))


@dataclass
class OversightFigures:
    today: datetime.date
    period_start: datetime.date
    case_supervision_weeks: str  # the local standard in words: "8 weeks"
    workers: ByTeam
    case_supervision: ByTeam
    key_events: ByTeam
    key_events_waiting: int  # open and past due now
    supervision_actions_overdue: int
    case_actions_overdue: int
    challenge_stages_overdue: int
    disputes_by_stage: list[tuple[int, str, int]] = field(default_factory=list)
    disputes_by_theme: list[tuple[str, str, int]] = field(default_factory=list)
    disputes_total: int = 0


def _teams(scope) -> dict[int, str]:
    teams = Team.objects.order_by("name")
    if scope is not None:
        teams = teams.filter(pk__in=scope)
    return dict(teams.values_list("pk", "name"))


def _by_team(teams: dict[int, str], numerators: dict, denominators: dict) -> ByTeam:
    return ByTeam(
        [
            TeamCount(pk, name, numerators.get(pk, 0), denominators.get(pk, 0))
            for pk, name in teams.items()
            if denominators.get(pk)
        ]
    )


# --- Workers -------------------------------------------------------------------------------------


@dataclass
class WorkerRow:
    worker: User | None  # None: not named to this reader
    team: str
    last_held: datetime.date | None
    due_on: datetime.date
    within: bool


def supervisees(scope) -> QuerySet[User]:
    """The workers whose supervision the standard covers: the active members of the teams in
    scope other than each team's own manager (supervision.selectors.supervisees_of), leaving out
    the managers, leaders and administrators who sit in a team without holding its work."""
    workers = (
        User.objects.filter(is_active=True, team__isnull=False)
        .exclude(team__manager_id=F("pk"))
        .exclude(role__in=[*NOT_SUPERVISED])
    )
    if scope is not None:
        workers = workers.filter(team_id__in=scope)
    return workers


def worker_rows(user, scope, *, team_id: int | None = None) -> list[WorkerRow]:
    """Every supervised worker in scope with when their supervision falls due: one query (plus
    the levels of line_reports_of for a manager)."""
    workers = supervisees(scope)
    if team_id is not None:
        workers = workers.filter(team_id=team_id)
    named = None if user.role in STAFF_READERS else line_reports_of(user)
    today = clock.today()
    rows = []
    for worker in (
        workers.annotate(last_held=Max("supervisions_received__held_on"))
        .select_related("team")
        .order_by("team__name", "last_name", "first_name")
    ):
        due = due_for(worker, worker.last_held)
        shown = named is None or worker.pk in named
        rows.append(
            WorkerRow(worker if shown else None, worker.team.name, worker.last_held, due.due_on, due.due_on >= today)
        )
    return rows


def may_name_workers(user) -> bool:
    """Whether any worker could be named to the user: a leader, or someone who manages a team."""
    return user.role in STAFF_READERS or user.managed_teams.exists()


# --- Children ------------------------------------------------------------------------------------


def open_allocations(scope) -> QuerySet[Allocation]:
    """The children with an open case (an open allocation to a worker), in scope, each with the
    day their case supervision clock started: the last case discussion, or the allocation's start."""
    from django.db.models import Subquery
    from django.db.models.functions import Coalesce

    from supervision.models import CaseDiscussion

    last = (
        CaseDiscussion.objects.filter(child_id=OuterRef("child_id"))
        .order_by("-session__held_on")
        .values("session__held_on")[:1]
    )
    allocations = Allocation.objects.filter(
        end_date__isnull=True, worker__isnull=False, child__is_child=True, child__merged_into__isnull=True
    )
    if scope is not None:
        allocations = allocations.filter(team_id__in=scope)
    return allocations.annotate(last_discussed=Subquery(last), clock_from=Coalesce(Subquery(last), F("start_date")))


def key_event_items(scope, today: datetime.date) -> QuerySet[DueItem]:
    """The key events whose oversight fell due in the 12 months to today."""
    items = DueItem.objects.filter(
        rule_code__in=RULE_CODES,
        due_date__gt=add_months(today, -PERIOD_MONTHS),
        due_date__lte=today,
        person__merged_into__isnull=True,
    )
    if scope is not None:
        items = items.filter(team_id__in=scope)
    return items


IN_TIME = Q(completed_at__isnull=False, completed_at__date__lte=F("due_date"))


def challenges_in_period(scope, today: datetime.date) -> QuerySet[Challenge]:
    rows = Challenge.objects.filter(
        raised_on__gt=add_months(today, -PERIOD_MONTHS), raised_on__lte=today, child__merged_into__isnull=True
    )
    if scope is not None:
        rows = rows.filter(team_id__in=scope)
    return rows.annotate(reached=Max("stages__stage"))


def overdue_stages(scope, today: datetime.date) -> QuerySet[ChallengeStage]:
    """The challenges' current stages past their response date and unanswered."""
    later = ChallengeStage.objects.filter(challenge_id=OuterRef("challenge_id"), stage__gt=OuterRef("stage"))
    rows = ChallengeStage.objects.filter(responded_on__isnull=True, challenge__outcome="", due_date__lt=today).exclude(
        Exists(later)
    )
    if scope is not None:
        rows = rows.filter(challenge__team_id__in=scope)
    return rows


def supervision_actions_overdue(scope, today: datetime.date) -> QuerySet[SupervisionAction]:
    rows = SupervisionAction.objects.open().filter(due_on__lt=today)
    if scope is not None:
        rows = rows.filter(session__supervisee__team_id__in=scope)
    return rows


def case_actions_overdue(scope, today: datetime.date) -> QuerySet[CaseAction]:
    rows = CaseAction.objects.open().filter(due_on__lt=today, child__merged_into__isnull=True)
    if scope is not None:
        rows = rows.filter(child__current_team_id__in=scope)
    return rows


def figures(user, scope) -> OversightFigures:
    """Every oversight figure for the user's scope: a handful of grouped queries."""
    today = clock.today()
    teams = _teams(scope)
    since = case_supervision_since(today)

    workers = worker_rows(user, scope)
    w_all, w_in = {}, {}
    names = {v: k for k, v in teams.items()}
    for row in workers:
        pk = names.get(row.team)
        w_all[pk] = w_all.get(pk, 0) + 1
        w_in[pk] = w_in.get(pk, 0) + row.within

    allocations = open_allocations(scope).order_by()
    c_all = dict(allocations.values_list("team_id").annotate(n=Count("id")))
    c_in = dict(allocations.filter(clock_from__gte=since).values_list("team_id").annotate(n=Count("id")))

    items = key_event_items(scope, today).order_by()
    k_all = dict(items.values_list("team_id").annotate(n=Count("id")))
    k_in = dict(items.filter(IN_TIME).values_list("team_id").annotate(n=Count("id")))
    waiting = items.filter(completed_at__isnull=True).count()

    challenges = challenges_in_period(scope, today)
    by_stage = dict(challenges.order_by().values_list("reached").annotate(n=Count("id", distinct=True)))
    by_theme = dict(challenges_in_period(scope, today).order_by().values_list("category").annotate(n=Count("id")))

    rule = effective_rule("case_supervision")
    return OversightFigures(
        today=today,
        period_start=add_months(today, -PERIOD_MONTHS) + datetime.timedelta(days=1),
        case_supervision_weeks=Unit(rule.unit).describe(rule.amount),
        workers=_by_team(teams, w_in, w_all),
        case_supervision=_by_team(teams, c_in, c_all),
        key_events=_by_team(teams, k_in, k_all),
        key_events_waiting=waiting,
        supervision_actions_overdue=supervision_actions_overdue(scope, today).count(),
        case_actions_overdue=case_actions_overdue(scope, today).count(),
        challenge_stages_overdue=overdue_stages(scope, today).count(),
        disputes_by_stage=[(s.value, s.label, by_stage.get(s.value, 0)) for s in Stage],
        disputes_by_theme=[(c.value, c.label, by_theme.get(c.value, 0)) for c in Category],
        disputes_total=sum(by_theme.values()),
    )


# --- The lists behind the figures --------------------------------------------------------------------


@dataclass
class ChildRow:
    child_id: int
    shown: bool
    name: str
    la_id: str
    team: str
    on: datetime.date | None  # the date that matters to the figure
    detail: str


def _visible(user):
    return Exists(people_visible_to(user).filter(pk=OuterRef("child_id")))


def _child_rows(user, rows, *, on, detail, team) -> list[ChildRow]:
    out = []
    for row in rows:
        child = row.child
        shown = row.visible
        out.append(
            ChildRow(
                child.pk,
                shown,
                f"{child.given_name} {child.family_name}".strip() if shown else "",
                child.la_id if shown else "",
                team(row),
                on(row),
                detail(row) if shown else "",
            )
        )
    out.sort(key=lambda r: (not r.shown, r.on or datetime.date.min, r.name))
    return out


LISTS = {
    "case-supervision": "Children with an open case",
    "key-events": "Key events needing a manager’s oversight",
    "case-actions": "Case supervision actions overdue",
    "challenge-stages": "Challenges waiting for a response past their date",
    "disputes": "Challenges raised in the 12 months to today",
}
PARTS = {
    "case-supervision": {
        "all": "All",
        "within": "Discussed within the standard",
        "overdue": "Not discussed within the standard",
    },
    "key-events": {"all": "All", "in_time": "Overseen in time", "late": "Overseen late or not yet"},
}


def child_list(
    user,
    scope,
    name: str,
    *,
    part: str = "all",
    team_id: int | None = None,
    stage: int | None = None,
    category: str = "",
) -> list[ChildRow]:
    """The children (or their events) behind one figure, named to the user where they may see
    them. One query whatever the size."""
    today = clock.today()
    if team_id is not None:
        scope = frozenset({team_id}) if scope is None or team_id in scope else frozenset()
    if name == "case-supervision":
        rows = open_allocations(scope).select_related("child", "team", "worker").annotate(visible=_visible(user))
        since = case_supervision_since(today)
        if part == "within":
            rows = rows.filter(clock_from__gte=since)
        elif part == "overdue":
            rows = rows.filter(clock_from__lt=since)
        return _child_rows(
            user,
            rows,
            on=lambda r: r.last_discussed,
            team=lambda r: r.team.name,
            detail=lambda r: f"Allocated to {r.worker} since {r.start_date:%-d %B %Y}",
        )
    if name == "key-events":
        rows = (
            key_event_items(scope, today)
            .select_related("person", "team")
            .annotate(visible=Exists(people_visible_to(user).filter(pk=OuterRef("person_id"))))
        )
        if part == "in_time":
            rows = rows.filter(IN_TIME)
        elif part == "late":
            rows = rows.exclude(IN_TIME)
        for row in rows:
            row.child = row.person
        return _child_rows(
            user,
            rows,
            on=lambda r: r.due_date,
            team=lambda r: r.team.name if r.team else "",
            detail=lambda r: (
                f"{r.title}: "
                + (f"recorded {london_date(r.completed_at):%-d %B %Y}" if r.completed_at else "not yet recorded")
            ),
        )
    if name == "case-actions":
        rows = (
            case_actions_overdue(scope, today)
            .select_related("child", "child__current_team", "owner")
            .annotate(visible=_visible(user))
        )
        return _child_rows(
            user,
            rows,
            on=lambda r: r.due_on,
            team=lambda r: r.child.current_team.name if r.child.current_team else "",
            detail=lambda r: f"{r.action} (owner: {r.owner})",
        )
    if name == "challenge-stages":
        rows = (
            overdue_stages(scope, today)
            .select_related("challenge__child", "challenge__team", "addressed_to", "escalate_to")
            .annotate(visible=Exists(people_visible_to(user).filter(pk=OuterRef("challenge__child_id"))))
        )
        for row in rows:
            row.child = row.challenge.child
        return _child_rows(
            user,
            rows,
            on=lambda r: r.due_date,
            team=lambda r: r.challenge.team.name if r.challenge.team else "",
            detail=_stage_waiting,
        )
    if name == "disputes":
        rows = challenges_in_period(scope, today).select_related("child", "team").annotate(visible=_visible(user))
        if stage is not None:
            rows = rows.filter(reached=stage)
        if category:
            rows = rows.filter(category=category)
        return _child_rows(
            user,
            rows,
            on=lambda r: r.raised_on,
            team=lambda r: r.team.name if r.team else "",
            detail=lambda r: (
                f"{r.get_category_display()}: {Stage(r.reached).label if r.reached is not None else ''}"
                + (f", {r.get_outcome_display().lower()}" if r.outcome else ", open")
            ),
        )
    raise KeyError(name)


def _stage_waiting(stage: ChallengeStage) -> str:
    """Who the overdue stage waits for: past its date it has escalated by itself to the person
    named next (oversight.selectors.challenges_waiting_for), so it is theirs now, not the person
    who did not respond."""
    if stage.escalate_to is None:
        return f"{stage.get_stage_display()}, addressed to {stage.addressed_to}"
    return (
        f"{stage.get_stage_display()}, escalated to {stage.escalate_to} ({stage.addressed_to} did not respond by "
        f"{stage.due_date:%-d %B %Y})"
    )


@dataclass
class ActionRow:
    owner: User | None
    team: str
    action: str
    due_on: datetime.date


def supervision_action_rows(user, scope, *, team_id: int | None = None) -> list[ActionRow]:
    """The professional supervision actions overdue, named only to those who may read the session
    (the supervisee's line of management and the leaders): an action is part of the session."""
    today = clock.today()
    rows = supervision_actions_overdue(scope, today).select_related("owner", "session__supervisee__team")
    if team_id is not None:
        rows = rows.filter(session__supervisee__team_id=team_id)
    named = None if user.role in STAFF_READERS else line_reports_of(user)
    out = []
    for row in rows.order_by("due_on", "id"):
        supervisee = row.session.supervisee
        shown = named is None or supervisee.pk in named
        out.append(
            ActionRow(
                row.owner if shown else None,
                supervisee.team.name if supervisee.team else "",
                row.action if shown else "",
                row.due_on,
            )
        )
    return out
