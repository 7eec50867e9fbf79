"""Reads for permanence. Views call these on a child already fetched (and authorised) through
access.selectors.person_get_for_user; the tracker scopes itself with access.selectors.visible_to."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from access.selectors import visible_to
from core import clock
from permanence.choices import OrderKind, PermanenceOption
from permanence.models import (
    AdoptionMatch,
    AdoptionPlacement,
    AdoptionReview,
    CareProceedings,
    PermanenceDecision,
    PermanenceMeeting,
    PermanenceOrder,
    PermanenceStep,
    PreProceedings,
    PreProceedingsMeeting,
    PreviousPermanence,
)
from permanence.services import proceedings_due_date

DEFAULT_DRIFT_DAYS = 90


def drift_days() -> int:
    """How many days a decision may wait for its first step before it stands out (a setting)."""
    return int(getattr(settings, "PERMANENCE_DECISION_DRIFT_DAYS", DEFAULT_DRIFT_DAYS))


# --- A child's permanence record ------------------------------------------------------------------


@dataclass
class PermanenceRecord:
    proceedings: list = field(default_factory=list)
    meetings: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    orders_without_decision: list = field(default_factory=list)
    previous: list = field(default_factory=list)
    pre_proceedings: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.pre_proceedings
            or self.proceedings
            or self.meetings
            or self.decisions
            or self.orders_without_decision
            or self.previous
        )

    @property
    def live_decisions(self) -> list:
        return [d for d in self.decisions if d.is_live]


def permanence_for_child(child) -> PermanenceRecord:
    """Everything permanence holds for the child, in a fixed number of queries."""
    decisions = list(
        PermanenceDecision.objects.filter(child=child)
        .select_related("match", "placement")
        .prefetch_related(
            Prefetch("steps", queryset=PermanenceStep.objects.order_by("taken_on", "id")),
            Prefetch("orders", queryset=PermanenceOrder.objects.order_by("made_on", "id")),
            Prefetch("adoption_reviews", queryset=AdoptionReview.objects.order_by("held_on", "id")),
        )
        .order_by("-decided_on", "-id")
    )
    proceedings = list(
        CareProceedings.objects.filter(child=child).prefetch_related("extensions").order_by("-issued_on", "-id")
    )
    for case in proceedings:
        case.due_on = proceedings_due_date(case, list(case.extensions.all()))
    return PermanenceRecord(
        proceedings=proceedings,
        meetings=list(
            PermanenceMeeting.objects.filter(child=child).select_related("recorded_by").order_by("-held_on", "-id")
        ),
        decisions=decisions,
        orders_without_decision=list(
            PermanenceOrder.objects.filter(child=child, decision__isnull=True).order_by("-made_on")
        ),
        previous=list(PreviousPermanence.objects.filter(child=child).order_by("-care_started_on")),
        pre_proceedings=list(
            PreProceedings.objects.filter(child=child)
            .prefetch_related(Prefetch("meetings", queryset=PreProceedingsMeeting.objects.order_by("held_on", "id")))
            .order_by("-started_on", "-id")
        ),
    )


def decision_for_child(child, decision_id) -> PermanenceDecision | None:
    return PermanenceDecision.objects.filter(child=child, pk=decision_id).select_related("child").first()


def live_decisions_for_child(child, option: str | None = None) -> QuerySet[PermanenceDecision]:
    decisions = PermanenceDecision.objects.live().filter(child=child)
    if option:
        decisions = decisions.filter(option=option)
    return decisions.order_by("-decided_on")


def decisions_for_order(child, kind: str) -> QuerySet[PermanenceDecision]:
    """The live decisions an order of this kind could carry out."""
    from permanence.choices import ORDER_FOR_OPTION

    return live_decisions_for_child(child, ORDER_FOR_OPTION[OrderKind(kind)])


def order_for_child(child, order_id) -> PermanenceOrder | None:
    return PermanenceOrder.objects.filter(child=child, pk=order_id).select_related("child").first()


def placement_for_child(child, placement_id) -> AdoptionPlacement | None:
    return (
        AdoptionPlacement.objects.filter(decision__child=child, pk=placement_id)
        .select_related("decision__child")
        .first()
    )


def proceedings_for_child(child, proceedings_id) -> CareProceedings | None:
    return CareProceedings.objects.filter(child=child, pk=proceedings_id).select_related("child").first()


def pre_proceedings_for_child(child, pre_proceedings_id) -> PreProceedings | None:
    return PreProceedings.objects.filter(child=child, pk=pre_proceedings_id).select_related("child").first()


def is_placed_for_adoption(decision: PermanenceDecision) -> bool:
    return AdoptionPlacement.objects.filter(decision=decision, ended_on__isnull=True).exists()


# --- The tracker of decisions that have not yet become plans -------------------------------------


def _has_following_step():
    decision = OuterRef("pk")
    return (
        Exists(PermanenceStep.objects.filter(decision_id=decision))
        | Exists(PermanenceOrder.objects.filter(decision_id=decision))
        | Exists(AdoptionMatch.objects.filter(decision_id=decision))
        | Exists(AdoptionPlacement.objects.filter(decision_id=decision))
    )


@dataclass(frozen=True)
class WaitingDecision:
    decision: PermanenceDecision
    days_waiting: int
    stands_out: bool

    @property
    def child(self):
        return self.decision.child


def decisions_awaiting_plans(
    *, user, today: datetime.date | None = None, days: int | None = None
) -> list[WaitingDecision]:
    """Live decisions about children the user may see that no step has followed yet, oldest
    first. One that has waited `days` (the setting, 90 by default) or more stands out: the drift
    inspectors find when panel decisions are never turned into plans. One query."""
    today = today or clock.today()
    days = drift_days() if days is None else days
    decisions = (
        visible_to(user, PermanenceDecision.objects.live(), via="child")
        .exclude(_has_following_step())
        .select_related("child", "child__current_worker", "child__current_team")
        .order_by("decided_on", "id")
    )
    rows = []
    for decision in decisions:
        waiting = (today - decision.decided_on).days
        rows.append(WaitingDecision(decision, waiting, waiting >= days))
    return rows


# --- Statutory returns: the rows the SSDA903 tables are built from -----------------------------


def placed_adoption_rows(children) -> list[dict]:
    """SSDA903 PlacedAdoption: one row per decision that the child should be placed for adoption."""
    rows = PermanenceDecision.objects.filter(child__in=children, option=PermanenceOption.ADOPTION).select_related(
        "child"
    )
    return [
        {
            "CHILD": d.child.la_id,
            "DOB": d.child.date_of_birth,
            "DATE_PLACED": d.decided_on,
            "DATE_PLACED_CEASED": d.reversed_on,
            "REASON_PLACED_CEASED": d.reversal_reason or None,
        }
        for d in rows.order_by("child_id", "decided_on")
    ]


def ad1_rows(children) -> list[dict]:
    """SSDA903 AD1: for each adoption order, the decision, the match and the adopters."""
    orders = (
        PermanenceOrder.objects.filter(child__in=children, kind=OrderKind.ADOPTION_ORDER, decision__match__isnull=False)
        .select_related("child", "decision__match")
        .order_by("child_id", "made_on")
    )
    rows = []
    for order in orders:
        match = order.decision.match
        rows.append(
            {
                "CHILD": order.child.la_id,
                "DOB": order.child.date_of_birth,
                "DATE_INT": order.decision.decided_on,
                "DATE_MATCH": match.matched_on,
                "FOSTER_CARE": "1" if match.foster_carers_adopting else "0",
                "NB_ADOPTR": match.number_of_adopters,
                "SEX_ADOPTR": match.adopter_sex,
                "LS_ADOPTR": match.adopter_legal_status,
            }
        )
    return rows


def prev_perm_rows(children) -> list[dict]:
    """SSDA903 PrevPerm, one row per period of care asked about."""
    rows = (
        PreviousPermanence.objects.filter(child__in=children)
        .select_related("child")
        .order_by("child_id", "care_started_on")
    )
    return [
        {
            "CHILD": p.child.la_id,
            "DOB": p.child.date_of_birth,
            "PREV_PERM": p.option,
            "LA_PERM": p.arranged_by_la or None,
            "DATE_PERM": p.ssda903_date or None,
        }
        for p in rows
    ]
