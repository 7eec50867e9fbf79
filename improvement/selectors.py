"""Reads for inspections and the improvement plan. Who reads them: the leaders and QA officers
who see the authority's figures (workforce.roles.PERFORMANCE_ROLES), team managers, and whoever
owns the plan or one of its actions; to anyone else an inspection "does not exist" (404).

Each action's RAG is worked out here, from the clock (improvement.rag), for the page that reads it."""

from __future__ import annotations

import dataclasses
import datetime

from django.db.models import Count, Q
from django.http import Http404

from audits.choices import Grade, Theme
from audits.choices import Status as AuditStatus
from audits.models import Audit
from core import clock
from core.forms import parse_id
from improvement import evidence, rag
from improvement.choices import JudgementArea, Rag
from improvement.models import Action, ImprovementPlan, Inspection, Recommendation
from timescales.calendar import add_months, get_calendar
from timescales.engine import due_from
from workforce.roles import PERFORMANCE_ROLES, Role

PLAN_RULE = "improvement_plan"
READERS = PERFORMANCE_ROLES | {Role.TEAM_MANAGER}
# The audit tool whose grades speak to each judgement area (audits' two ready-made tools).
AREA_TOOLS = {
    JudgementArea.HELP_AND_PROTECTION: ("help_and_protection",),
    JudgementArea.IN_CARE: ("children_in_care",),
    JudgementArea.CARE_LEAVERS: ("children_in_care",),
    JudgementArea.LEADERS: ("help_and_protection", "children_in_care"),
    JudgementArea.OVERALL: ("help_and_protection", "children_in_care"),
}


def _visible(user):
    if user.role in READERS:
        return Inspection.objects.all()
    return Inspection.objects.filter(Q(plan__owner=user) | Q(plan__actions__owner=user)).distinct()


def may_read_any(user) -> bool:
    return (
        user.role in READERS
        or Action.objects.filter(owner=user).exists()
        or ImprovementPlan.objects.filter(owner=user).exists()
    )


def inspections_for(user) -> list[Inspection]:
    return list(_visible(user).select_related("plan").prefetch_related("judgements"))


def inspection_get_for_user(user, inspection_id) -> Inspection:
    pk = parse_id(inspection_id)
    inspection = _visible(user).filter(pk=pk).select_related("plan__owner").first() if pk else None
    if inspection is None:
        raise Http404
    return inspection


def recommendation_get(inspection: Inspection, recommendation_id) -> Recommendation:
    """A recommendation of this inspection (another inspection's id is a 404)."""
    pk = parse_id(recommendation_id)
    found = inspection.recommendations.filter(pk=pk).first() if pk else None
    if found is None:
        raise Http404
    return found


def action_get_for_user(user, action_id) -> Action:
    pk = parse_id(action_id)
    inspections = _visible(user).values("pk")
    action = (
        Action.objects.filter(pk=pk, plan__inspection__in=inspections)
        .select_related("plan__inspection", "recommendation", "owner")
        .first()
        if pk
        else None
    )
    if action is None:
        raise Http404
    return action


def plan_due_on(inspection: Inspection) -> datetime.date | None:
    """70 working days after the report (the rule `improvement_plan`): no report, no date yet."""
    if inspection.report_published_on is None:
        return None
    return due_from(PLAN_RULE, inspection.report_published_on)


@dataclasses.dataclass
class ActionRow:
    action: Action
    rag: Rag
    evidence: list[evidence.Evidence]

    @property
    def tag_class(self) -> str:
        return rag.TAG_CLASSES[self.rag]

    @property
    def themes(self) -> list[str]:
        return [Theme(t).label for t in self.action.audit_themes if t in Theme.values]


def _rows(actions, *, with_evidence: bool = False) -> list[ActionRow]:
    today, calendar, window = clock.today(), get_calendar(), rag.amber_days()
    actions = list(actions)
    figures = evidence.indicator_figures({c for a in actions for c in a.indicators}) if with_evidence else {}
    return [
        ActionRow(
            a,
            rag.rating(status=a.status, due_on=a.due_on, today=today, calendar=calendar, window=window),
            [figures[c] for c in a.indicators if c in figures],
        )
        for a in actions
    ]


@dataclasses.dataclass
class RecommendationRows:
    recommendation: Recommendation
    actions: list[ActionRow]


@dataclasses.dataclass
class PlanPage:
    inspection: Inspection
    plan: ImprovementPlan | None
    due_on: datetime.date | None
    recommendations: list[RecommendationRows]
    counts: dict[str, int]  # RAG value -> number of actions
    rule_text: str
    figures_as_at: list[str]  # the dates of the kept indicator figures shown, and when each was taken


def plan_page(inspection: Inspection) -> PlanPage:
    """The plan: each recommendation with its actions, their RAG and the latest figures of the
    indicators that evidence them. A fixed number of queries, whatever the plan's size."""
    plan = getattr(inspection, "plan", None)
    recommendations = list(inspection.recommendations.all())
    actions = plan.actions.select_related("owner", "recommendation").order_by("due_on", "id") if plan else []
    rows = _rows(actions, with_evidence=True)
    by_recommendation = {r.pk: [] for r in recommendations}
    for row in rows:
        by_recommendation[row.action.recommendation_id].append(row)
    counts = {value: sum(1 for row in rows if row.rag == value) for value in Rag.values}
    as_at = sorted({e.as_at for row in rows for e in row.evidence if e.as_at})
    return PlanPage(
        inspection,
        plan,
        plan_due_on(inspection),
        [RecommendationRows(r, by_recommendation[r.pk]) for r in recommendations],
        counts,
        rag.rule_text(),
        as_at,
    )


@dataclasses.dataclass
class Tray:
    mine: list[ActionRow]  # the actions the user owns that are not done
    overdue_in_my_plans: list[ActionRow]  # red actions, whoever owns them, in the plans the user owns


def tray_for(user) -> Tray:
    """Both parts of a person's improvement plan tray in one query (My work, the performance home)."""
    today = clock.today()
    rows = _rows(
        Action.objects.open()
        .filter(Q(owner=user) | Q(plan__owner=user, due_on__lt=today))
        .select_related("owner", "plan", "recommendation")
        .order_by("due_on", "id")
    )
    return Tray(
        [r for r in rows if r.action.owner_id == user.pk],
        [r for r in rows if r.action.plan.owner_id == user.pk and r.rag == Rag.RED],
    )


# --- "How do we know": the case audits' part ----------------------------------------------------


def audit_evidence(area: str, today: datetime.date | None = None) -> list[evidence.Evidence]:
    """Case audits completed in the last 12 months with the tool for the area: how many, and how
    many graded good or better overall (the grade that stands, moderated or not). One query."""
    today = today or clock.today()
    since = add_months(today, -12)
    tools = AREA_TOOLS.get(area, ())
    counts = Audit.objects.filter(
        status=AuditStatus.COMPLETED,
        completed_at__date__gt=since,
        completed_at__date__lte=today,
        programme__tool__code__in=tools,
    ).aggregate(
        n=Count("pk"),
        good=Count("pk", filter=Q(grade__lte=Grade.GOOD)),
        inadequate=Count("pk", filter=Q(grade=Grade.INADEQUATE)),
    )
    n = counts["n"]
    period = f"Audits completed {since + datetime.timedelta(days=1):%-d %B %Y} to {today:%-d %B %Y}"
    if not n:
        return [evidence.Evidence("Case audits", "Cases graded good or better", "No audits", period)]
    return [
        evidence.Evidence(
            "Case audits",
            "Cases graded good or better",
            f"{round(100 * counts['good'] / n)}%",
            f"{counts['good']} of {n}. {period}",
        ),
        evidence.Evidence("Case audits", "Cases graded inadequate", str(counts["inadequate"]), f"of {n}. {period}"),
    ]


def actions_for_area(area: str) -> list[ActionRow]:
    """What we are doing about it: the open actions answering the area's recommendations, in every plan."""
    query = Action.objects.open().select_related("owner", "recommendation")
    if area != JudgementArea.OVERALL:
        query = query.filter(recommendation__area=area)
    return _rows(query.order_by("due_on", "id"), with_evidence=True)


def latest_judgement(area: str):
    from improvement.models import Judgement

    return (
        Judgement.objects.filter(area=area)
        .select_related("inspection")
        .order_by("-inspection__started_on", "-pk")
        .first()
    )
