"""Reads for children looked after: one child's record (a fixed number of queries however long
their history), the placed-with-parents tracker, the reviews an IRO chairs, and the SSDA903
Episodes table as rows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery

from access.selectors import visible_to
from codelists.ssda903 import MissingType, PlacementType
from core import clock
from looked_after.choices import HealthCheckKind
from looked_after.models import (
    CarePlan,
    Conviction,
    DeprivationOfLiberty,
    Episode,
    HealthCheck,
    ImmunisationStatus,
    IROAssignment,
    IROContact,
    LAReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    PlacedWithParents,
    Placement,
    ReviewAction,
    SchoolPlacement,
    SDQScore,
    SubstanceMisuse,
    UASCStatus,
)
from looked_after.placements import CARE_ORDERS
from timescales.calendar import add_months, london_date
from timescales.models import DueItem

# The rules this app makes due: the looked-after tab lists these, and no others.
RULE_CODES = frozenset(
    {
        "la_review",
        "iro_appointed",
        "care_plan_10wd",
        "reg28_visit",
        "reg28_visit_longterm_3m",
        "reg28_pwp",
        "reg28_pwp_6w",
        "reg28_connected_ico",
        "reg28_connected_ico_4w",
        "reg28_care_order_home",
        "iha_20wd",
        "rha_under5_6m",
        "rha_5plus_12m",
        "dental_check",
        "sdq_annual",
        "pep_10wd",
        "pep_review",
        "rhi_72h",
        "la_review_short_breaks",
        "reg28_short_breaks",
    }
)
# Reviews the IRO chairs: reg 33's, and reg 48's for short breaks.
REVIEW_RULES = ("la_review", "la_review_short_breaks")


# --- One child's record --------------------------------------------------------------------------


@dataclass
class MissingHistory:
    episodes: list
    missing_last_year: int = 0
    away_last_year: int = 0
    interviews_offered_last_year: int = 0

    @property
    def current(self):
        return next((e for e in self.episodes if e.is_open), None)


@dataclass
class LookedAfterRecord:
    periods: list  # newest first, each with .episodes_list (newest first)
    current_period: PeriodOfCare | None
    current_episode: Episode | None
    current_placement: Placement | None
    agreement: PlacedWithParents | None
    iro: IROAssignment | None
    reviews: list
    iro_contacts: list
    care_plans: list
    uasc: UASCStatus | None
    health: dict = field(default_factory=dict)
    missing: MissingHistory | None = None
    school: SchoolPlacement | None = None
    peps: list = field(default_factory=list)
    liberty_orders: list = field(default_factory=list)

    @property
    def looked_after(self) -> bool:
        return self.current_period is not None


def _last(model, child, date_field, **filters):
    return model.objects.filter(child=child, **filters).order_by(f"-{date_field}", "-id").first()


def missing_history(child, *, today: datetime.date | None = None) -> MissingHistory:
    """Every missing episode, newest first, with its interview; counts over the last 12 months
    (Annex A list 8 counts missing and away separately)."""
    today = today or clock.today()
    episodes = list(MissingEpisode.objects.filter(child=child).select_related("return_interview", "period"))
    since = add_months(today, -12)
    recent = [e for e in episodes if london_date(e.started_at) >= since]
    return MissingHistory(
        episodes=episodes,
        missing_last_year=sum(1 for e in recent if e.kind == MissingType.M),
        away_last_year=sum(1 for e in recent if e.kind == MissingType.A),
        interviews_offered_last_year=sum(1 for e in recent if hasattr(e, "return_interview")),
    )


def looked_after_record(child) -> LookedAfterRecord:
    """Everything the looked-after tab shows, in a fixed number of queries."""
    episodes = Prefetch(
        "episodes",
        queryset=Episode.objects.select_related("placement").order_by("-start_date", "-id"),
        to_attr="episodes_list",
    )
    periods = list(PeriodOfCare.objects.filter(child=child).prefetch_related(episodes).order_by("-start_date"))
    current_period = next((p for p in periods if p.is_open), None)
    current_episode = current_period.episodes_list[0] if current_period and current_period.episodes_list else None
    current_placement = current_episode.placement if current_episode else None
    agreement = None
    if current_placement is not None and current_placement.with_parents:
        agreement = PlacedWithParents.objects.filter(placement=current_placement).first()
    reviews = list(
        LAReview.objects.filter(child=child)
        .select_related("chaired_by")
        .prefetch_related(Prefetch("actions", queryset=ReviewAction.objects.order_by("due_date", "id")))
    )
    health = {
        "iha": _last(HealthCheck, child, "done_on", kind=HealthCheckKind.INITIAL),
        "rha": _last(HealthCheck, child, "done_on", kind=HealthCheckKind.REVIEW),
        "dental": _last(HealthCheck, child, "done_on", kind=HealthCheckKind.DENTAL),
        "immunisations": _last(ImmunisationStatus, child, "checked_on"),
        "sdq": _last(SDQScore, child, "completed_on"),
        "substance_misuse": list(SubstanceMisuse.objects.filter(child=child)),
        "convictions": list(Conviction.objects.filter(child=child)),
    }
    return LookedAfterRecord(
        periods=periods,
        current_period=current_period,
        current_episode=current_episode,
        current_placement=current_placement,
        agreement=agreement,
        iro=(
            IROAssignment.objects.open().filter(period=current_period).select_related("iro").first()
            if current_period
            else None
        ),
        reviews=reviews,
        iro_contacts=list(IROContact.objects.filter(child=child).select_related("iro")[:10]),
        care_plans=list(CarePlan.objects.filter(child=child)[:5]),
        uasc=UASCStatus.objects.filter(child=child).first(),
        health=health,
        missing=missing_history(child),
        school=SchoolPlacement.objects.open().filter(child=child).first(),
        peps=list(PersonalEducationPlan.objects.filter(child=child)[:5]),
        liberty_orders=list(DeprivationOfLiberty.objects.filter(child=child).order_by("-start_date", "-id")),
    )


def dolo_for_child(child, dolo_id) -> DeprivationOfLiberty | None:
    return DeprivationOfLiberty.objects.filter(child=child, pk=dolo_id).select_related("child").first()


def due_items_for_child(child) -> QuerySet[DueItem]:
    """The child's open looked-after due items, soonest first."""
    return DueItem.objects.open().filter(person=child, rule_code__in=RULE_CODES).order_by("due_date", "due_at", "id")


def met_items_for_child(child, limit: int = 10) -> list[DueItem]:
    return list(
        DueItem.objects.completed()
        .filter(person=child, rule_code__in=RULE_CODES)
        .order_by("-completed_at", "-id")[:limit]
    )


def uasc_for_child(child) -> UASCStatus | None:
    return UASCStatus.objects.filter(child=child).first()


def episode_for_child(child, episode_id) -> Episode | None:
    return Episode.objects.filter(child=child, pk=episode_id).select_related("placement", "period").first()


def ended_period_for_child(child, period_id) -> PeriodOfCare | None:
    return PeriodOfCare.objects.filter(child=child, pk=period_id, end_date__isnull=False).first()


def placement_for_child(child, placement_id) -> Placement | None:
    return Placement.objects.filter(child=child, pk=placement_id).first()


def review_for_child(child, review_id) -> LAReview | None:
    return (
        LAReview.objects.filter(child=child, pk=review_id)
        .select_related("chaired_by", "period")
        .prefetch_related(Prefetch("actions", queryset=ReviewAction.objects.select_related("completed_by")))
        .first()
    )


def action_for_review(review, action_id) -> ReviewAction | None:
    return ReviewAction.objects.filter(review=review, pk=action_id).select_related("review__child").first()


def missing_episode_for_child(child, episode_id) -> MissingEpisode | None:
    return MissingEpisode.objects.filter(child=child, pk=episode_id).select_related("return_interview").first()


# --- Trackers ------------------------------------------------------------------------------------------


# A placement with parents under a care order that has lasted this long stands out on the tracker.
PWP_WARN_MONTHS = 6
PWP_ALERT_MONTHS = 12


@dataclass
class PlacedWithParentsRow:
    child_id: int
    name: str
    worker: str
    team: str
    legal_status: str
    placed_since: datetime.date
    parent_name: str
    discharge_plan: str
    discharge_target_date: datetime.date | None
    next_review: datetime.date | None
    today: datetime.date

    @property
    def days(self) -> int:
        return (self.today - self.placed_since).days

    @property
    def months(self) -> int:
        months = (self.today.year - self.placed_since.year) * 12 + self.today.month - self.placed_since.month
        return months - (1 if self.today.day < self.placed_since.day else 0)

    @property
    def duration(self) -> str:
        if self.months >= 1:
            years, months = divmod(self.months, 12)
            parts = ([f"{years} year{'s' if years != 1 else ''}"] if years else []) + (
                [f"{months} month{'s' if months != 1 else ''}"] if months else []
            )
            return " ".join(parts)
        return f"{self.days} day{'s' if self.days != 1 else ''}"

    @property
    def long_duration(self) -> str:
        """'' , 'warn' or 'alert': how far past the tracker's thresholds the placement has gone."""
        if self.months >= PWP_ALERT_MONTHS:
            return "alert"
        if self.months >= PWP_WARN_MONTHS:
            return "warn"
        return ""

    @property
    def review_overdue(self) -> bool:
        return self.next_review is not None and self.next_review < self.today


def placed_with_parents_tracker(*, user) -> list[PlacedWithParentsRow]:
    """Every child the user may see who is placed with parents (P1) under a care order (interim or
    full), longest first. One query, whatever the number of children."""
    agreement = PlacedWithParents.objects.filter(placement=OuterRef("placement_id"))
    next_review = (
        DueItem.objects.open()
        .filter(person_id=OuterRef("child_id"), rule_code__in=REVIEW_RULES)
        .order_by("due_date")
        .values("due_date")[:1]
    )
    episodes = Episode.objects.filter(
        end_date__isnull=True,
        legal_status__in=CARE_ORDERS,
        placement__placement_type=PlacementType.P1,
        placement__end_date__isnull=True,
    )
    rows = (
        visible_to(user, episodes, via="child")
        .annotate(
            parent_name=Subquery(agreement.values("parent_name")[:1]),
            discharge_plan=Subquery(agreement.values("discharge_plan")[:1]),
            discharge_target_date=Subquery(agreement.values("discharge_target_date")[:1]),
            next_review=Subquery(next_review),
            placed_since=F("placement__start_date"),
        )
        .select_related("placement", "child", "child__current_worker", "child__current_team")
        .order_by("placement__start_date", "child__family_name", "id")
    )
    today = clock.today()
    return [
        PlacedWithParentsRow(
            child_id=e.child_id,
            name=e.child.full_name,
            worker=str(e.child.current_worker or ""),
            team=str(e.child.current_team or ""),
            legal_status=e.legal_status,
            placed_since=e.placed_since,
            parent_name=e.parent_name or e.placement.carer_name,
            discharge_plan=e.discharge_plan or "",
            discharge_target_date=e.discharge_target_date,
            next_review=e.next_review,
            today=today,
        )
        for e in rows
    ]


def reviews_due_for_iro(*, user) -> QuerySet[DueItem]:
    """The looked-after reviews due for the children this IRO chairs now and may see (chairing a
    restricted child's reviews does not show them without a grant), soonest first. One query."""
    chaired = IROAssignment.objects.filter(iro=user, end_date__isnull=True, period__end_date__isnull=True)
    due = (
        DueItem.objects.open()
        .filter(rule_code__in=REVIEW_RULES)
        .filter(Exists(chaired.filter(child_id=OuterRef("person_id"))))
    )
    return visible_to(user, due).select_related("person", "worker").order_by("due_date", "id")


def children_chaired_by(*, user) -> QuerySet[IROAssignment]:
    chaired = IROAssignment.objects.filter(iro=user, end_date__isnull=True)
    return visible_to(user, chaired, via="child").select_related("child", "period")


# --- The SSDA903 Episodes table ----------------------------------------------------------------------


EPISODE_COLUMNS = (
    "CHILD",
    "DECOM",
    "RNE",
    "LS",
    "CIN",
    "PLACE",
    "PLACE_PROVIDER",
    "DEC",
    "REC",
    "REASON_PLACE_CHANGE",
    "HOME_POST",
    "PL_POST",
    "URN",
)


def ssda903_episodes(*, collection_start: datetime.date, collection_end: datetime.date):
    """The Episodes table for a collection year (SSDA903_columns.txt): every episode open at any
    time in the year, in the return's column order, dates as the return writes them. Streams
    rows from one query; an Ofsted URN not recorded is written as the return's XXXXXXX only where
    the placement type has one (validation rule 222)."""
    from looked_after.placements import NO_URN_TYPES

    rows = (
        Episode.objects.filter(start_date__lte=collection_end)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=collection_start))
        .order_by("child__la_id", "start_date", "id")
        .values_list(
            "child__la_id",
            "start_date",
            "reason_new_episode",
            "legal_status",
            "category_of_need",
            "placement__placement_type",
            "placement__provider",
            "end_date",
            "reason_ceased",
            "reason_place_change",
            "home_postcode",
            "placement__postcode",
            "placement__ofsted_urn",
        )
    )

    def day(value):
        return value.strftime("%d/%m/%Y") if value else ""

    for la_id, decom, rne, ls, cin, place, provider, dec, rec, change, home, postcode, urn in rows.iterator():
        yield dict(
            zip(
                EPISODE_COLUMNS,
                (
                    la_id,
                    day(decom),
                    rne,
                    ls,
                    cin,
                    place,
                    provider,
                    day(dec),
                    rec,
                    change,
                    home,
                    postcode,
                    urn or ("" if place in NO_URN_TYPES else "XXXXXXX"),
                ),
            )
        )


# --- Plans with content (plans app; the kinds are registered in looked_after.plan_kinds) ----------


def current_care_plans() -> Q:
    """Care plans that are current: the latest version agreed in a period of care still open."""
    newer = CarePlan.objects.filter(period=OuterRef("period")).filter(
        Q(agreed_on__gt=OuterRef("agreed_on")) | Q(agreed_on=OuterRef("agreed_on"), pk__gt=OuterRef("pk"))
    )
    return Q(period__end_date__isnull=True) & ~Q(Exists(newer))


def current_plans(child) -> list:
    """The child's current care plan and placement with parents agreement (if any), whose open
    actions a looked-after review records progress on."""
    return [
        *CarePlan.objects.filter(current_care_plans(), child=child).order_by("-agreed_on", "-pk")[:1],
        *PlacedWithParents.objects.filter(placement__child=child, placement__end_date__isnull=True).order_by("-pk")[:1],
    ]
