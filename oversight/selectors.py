"""Reads for management oversight and the IRO's challenge. Every list that names a child goes
through the visibility rule (access.selectors.visible_to) in the same query."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet

from access.selectors import visible_to
from casework.models import ChronologyEvent
from core import clock
from oversight.choices import Category, Outcome, Stage
from oversight.key_events import RULE_CODES, key_events_q
from oversight.models import Challenge, ChallengeStage, GoodPractice, OversightEntry
from timescales.models import DueItem

# --- A child's record -------------------------------------------------------------------------------


def oversight_due_for_child(child) -> list[DueItem]:
    """The child's key events' oversight items, open and met, most recent first."""
    return list(DueItem.objects.filter(person=child, rule_code__in=RULE_CODES).order_by("-trigger_date", "-id"))


def entries_for_child(child) -> list[OversightEntry]:
    return list(OversightEntry.objects.filter(child=child).select_related("recorded_by"))


def key_event_for_child(child, event_id) -> ChronologyEvent | None:
    """One of this child's key events (an id of another child's is None: the page's 404)."""
    return ChronologyEvent.objects.filter(key_events_q(), child=child, pk=event_id).select_related("child").first()


def _stages():
    return Prefetch(
        "stages", queryset=ChallengeStage.objects.select_related("addressed_to", "escalate_to", "responded_by")
    )


def challenges_for_child(child) -> list[Challenge]:
    return list(Challenge.objects.filter(child=child).select_related("raised_by").prefetch_related(_stages()))


def challenge_for_child(child, challenge_id) -> Challenge | None:
    return (
        Challenge.objects.filter(child=child, pk=challenge_id)
        .select_related("child", "raised_by", "team")
        .prefetch_related(_stages())
        .first()
    )


def good_practice_for_child(child) -> list[GoodPractice]:
    return list(GoodPractice.objects.filter(child=child).select_related("recorded_by", "worker"))


def current_stage(challenge: Challenge) -> ChallengeStage | None:
    stages = list(challenge.stages.all())
    return stages[-1] if stages else None


# --- The manager's oversight page -------------------------------------------------------------------


def awaiting_oversight(*, user) -> QuerySet[DueItem]:
    """Key events in the teams `user` manages still waiting for their oversight, oldest first:
    one query on the team's open items (index dueitem_team_open)."""
    from workforce.models import Team

    teams = Team.objects.filter(manager=user).values("pk")
    items = DueItem.objects.open().filter(team_id__in=teams, rule_code__in=RULE_CODES)
    return visible_to(user, items).select_related("person", "person__current_worker").order_by("due_date", "id")


def oversight_recorded_by(*, user, since: datetime.date) -> QuerySet[OversightEntry]:
    return (
        visible_to(user, OversightEntry.objects.filter(recorded_by=user, held_on__gte=since), via="child")
        .select_related("child")
        .order_by("-held_on", "-id")
    )


# --- The challenges tray ----------------------------------------------------------------------------


def challenges_waiting_for(*, user) -> QuerySet[ChallengeStage]:
    """Open stages waiting for `user`'s response: addressed to them, or past due and unanswered
    with them named to take it next ("escalated"). Worked out from the clock at the time of the
    query, so a stage escalates the day after it falls due with nothing run and nothing stored.
    Each row carries `escalated`. One query."""
    today = clock.today()
    waiting = (
        ChallengeStage.objects.filter(responded_on__isnull=True, challenge__outcome="")
        .filter(Q(addressed_to=user) | Q(escalate_to=user, due_date__lt=today))
        .exclude(
            # A later stage exists: this one is history (the IRO escalated it by hand).
            Exists(ChallengeStage.objects.filter(challenge_id=OuterRef("challenge_id"), stage__gt=OuterRef("stage")))
        )
    )
    return (
        visible_to(user, waiting, via="challenge__child")
        .annotate(escalated=~Q(addressed_to=user))
        .select_related("challenge", "challenge__child", "challenge__raised_by", "addressed_to")
        .order_by("due_date", "id")
    )


def challenges_raised_by(*, user) -> QuerySet[Challenge]:
    return (
        visible_to(user, Challenge.objects.open().filter(raised_by=user), via="child")
        .select_related("child")
        .prefetch_related(_stages())
        .order_by("raised_on", "id")
    )


# --- The IRO annual report's figures ------------------------------------------------------------------


@dataclass
class Figures:
    start: datetime.date
    end: datetime.date
    total: int
    open: int
    by_stage: list  # (stage value, label, n): the highest stage each challenge reached
    by_theme: list  # (category value, label, n)
    by_team: list  # (team id or 0, name, n)
    outcomes: list  # (outcome value, label, n)
    median_days: float | None  # raised to closed, of those resolved in the period
    resolved: int
    good_practice: int


def _in_period(user, start, end) -> QuerySet[Challenge]:
    return visible_to(user, Challenge.objects.filter(raised_on__range=(start, end)), via="child")


def report_figures(*, user, start: datetime.date, end: datetime.date) -> Figures:
    """Counts by stage reached, theme and team, the outcomes and the median days to resolve, of
    the challenges raised in the period that `user` may see. A handful of grouped queries."""
    challenges = _in_period(user, start, end).annotate(reached=Max("stages__stage"))
    by_stage_rows = dict(challenges.order_by().values_list("reached").annotate(n=Count("id", distinct=True)))
    theme_rows = dict(_in_period(user, start, end).order_by().values_list("category").annotate(n=Count("id")))
    team_rows = list(
        _in_period(user, start, end)
        .order_by()
        .values("team_id", "team__name")
        .annotate(n=Count("id"))
        .order_by("team__name")
    )
    outcome_rows = dict(_in_period(user, start, end).order_by().values_list("outcome").annotate(n=Count("id")))
    days = _median_days(user, start, end)
    good = visible_to(user, GoodPractice.objects.filter(noted_on__range=(start, end)), via="child").count()
    return Figures(
        start=start,
        end=end,
        total=sum(theme_rows.values()),
        open=outcome_rows.get("", 0),
        by_stage=[(s.value, s.label, by_stage_rows.get(s.value, 0)) for s in Stage],
        by_theme=[(c.value, c.label, theme_rows.get(c.value, 0)) for c in Category],
        by_team=[(row["team_id"] or 0, row["team__name"] or "No team", row["n"]) for row in team_rows],
        outcomes=[(o.value, o.label, outcome_rows.get(o.value, 0)) for o in Outcome],
        median_days=days,
        resolved=outcome_rows.get(Outcome.RESOLVED, 0),
        good_practice=good,
    )


def _median_days(user, start, end) -> float | None:
    """The median of calendar days from raising to closing, in SQL (percentile_cont)."""
    from django.db import connection

    closed = _in_period(user, start, end).filter(outcome=Outcome.RESOLVED).values("raised_on", "closed_on")
    sql, params = closed.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_on - raised_on) FROM ({sql}) AS c", params
        )
        value = cursor.fetchone()[0]
    return None if value is None else round(float(value), 1)


def report_list(
    *,
    user,
    start,
    end,
    stage: int | None = None,
    category: str = "",
    team: int | None = None,
    outcome: str | None = None,
) -> QuerySet[Challenge]:
    """The challenges behind one figure of the report (the same filters, the same visibility)."""
    rows = _in_period(user, start, end).annotate(reached=Max("stages__stage"))
    if stage is not None:
        rows = rows.filter(reached=stage)
    if category:
        rows = rows.filter(category=category)
    if team is not None:
        rows = rows.filter(team_id=team) if team else rows.filter(team__isnull=True)
    if outcome is not None:
        rows = rows.filter(outcome=outcome)
    return rows.select_related("child", "raised_by", "team").order_by("raised_on", "id")
