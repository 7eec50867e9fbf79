"""Children looked after (SSDA903; DfE stability measures, OC2, missing; statutory reviews and
visits). Children on an agreed series of short breaks (legal status V3, V4) are left out, as
the DfE leaves them out (TIMESCALES.md section B)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Q

from casework.choices import VisitType
from casework.models import Allocation, Visit
from codelists.ssda903 import MissingType
from looked_after.choices import HealthCheckKind
from looked_after.models import SHORT_BREAK_STATUSES, Episode, HealthCheck, LAReview, MissingEpisode, SDQScore
from performance.indicators.periods import ONE_DAY, age_on, overlaps, reviews_on_time, year_to
from performance.indicators.registry import (
    BY_CHILD,
    BY_EVENT,
    DFE_CLA,
    DFE_DASHBOARD,
    LOCAL,
    PER_10K,
    Result,
    Unit,
    indicator,
)
from timescales.calendar import add_hours, add_months, get_calendar
from timescales.rules import RULES

ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})
NEW_PLACEMENT = frozenset({"S", "P", "T", "B", "U"})  # every reason for a new episode but L


def looked_after_at(as_of: datetime.date) -> dict[int, dict]:
    """The children looked after at the date (an episode open on it, not a short break), with
    their current episode: {child_id: {start_date, period__start_date, placement_id, ...}}."""
    rows = (
        Episode.objects.filter(start_date__lte=as_of)
        .filter(Q(end_date__isnull=True) | Q(end_date__gt=as_of))
        .exclude(legal_status__in=SHORT_BREAK_STATUSES)
        .values(
            "child_id",
            "start_date",
            "legal_status",
            "period_id",
            "period__start_date",
            "period__end_date",
            "placement_id",
            "placement__start_date",
            "placement__placement_type",
            "child__date_of_birth",
        )
    )
    return {row["child_id"]: row for row in rows}


@indicator(
    code="cla_per_10k",
    title="Children looked after per 10,000 children",
    numerator="Children looked after at the date (not on short breaks)",
    denominator="The authority's population aged 0 to 17 (ONS mid-year estimate)",
    period="At the date",
    counting=BY_CHILD,
    kind=PER_10K,
    source=DFE_CLA + "; rate as the DfE dashboard",
    version=1,
)
def cla_per_10k(as_of):
    from performance.population import population_on

    children = {c: Unit(c, row["period__start_date"]) for c, row in looked_after_at(as_of).items()}
    return Result(children, {}, figure=population_on(as_of).children)


@indicator(
    code="cla_3plus_placements",
    title="Children looked after with 3 or more placements in the year",
    numerator="Children looked after at the date who had 3 or more placements in the year (the placement at the "
    "start of the year counts; a change of placement with the same carers counts)",
    denominator="All children looked after at the date (not on short breaks)",
    period="Year to the date",
    counting=BY_CHILD,
    source=DFE_CLA + ", placement stability",
    version=1,
    higher_is_better=False,
    notes="Counts episodes whose reason is a change of placement (RNE P, T, B, U) or a new period of care (S), plus "
    "the placement the child was in at the start of the year (TIMESCALES.md C3.7).",
)
def cla_3plus_placements(as_of):
    first, last = year_to(as_of)
    cohort = looked_after_at(as_of)
    placements: dict[int, int] = defaultdict(int)
    episodes = (
        Episode.objects.filter(child_id__in=cohort)
        .filter(overlaps(first, last))
        .exclude(legal_status__in=SHORT_BREAK_STATUSES)
        .order_by("child_id", "start_date", "pk")
        .values_list("child_id", "start_date", "reason_new_episode")
    )
    seen: set[int] = set()
    for child_id, start, reason in episodes:
        if child_id not in seen or (start >= first and reason in NEW_PLACEMENT):
            placements[child_id] += 1
        seen.add(child_id)
    denominator = {c: Unit(c) for c in cohort}
    numerator = {c: denominator[c] for c in cohort if placements[c] >= 3}
    return Result(numerator, denominator)


@indicator(
    code="cla_long_term_stability",
    title="Long-term placement stability",
    numerator="Of those, children living in the same placement for at least 2 years, or placed for adoption with "
    "the adoptive and previous placement together lasting 2 years",
    denominator="Children under 16 at the date looked after continuously for at least 2.5 years",
    period="At the date",
    counting=BY_CHILD,
    source=DFE_CLA + ", stability measures (formerly NI 63)",
    version=1,
    higher_is_better=True,
    notes="A change of placement with the same carers (recorded as such) continues the same carer's time.",
)
def cla_long_term_stability(as_of):
    cohort = looked_after_at(as_of)
    in_care_since = add_months(as_of, -30)
    two_years = add_months(as_of, -24)
    denominator = {}
    for child_id, row in cohort.items():
        age = age_on(row["child__date_of_birth"], as_of)
        if age is not None and age < 16 and row["period__start_date"] <= in_care_since:
            denominator[child_id] = Unit(child_id, row["period__start_date"])
    from looked_after.models import Placement

    placements = defaultdict(list)
    for child_id, start, same_carers, kind in (
        Placement.objects.filter(child_id__in=denominator, start_date__lte=as_of)
        .order_by("child_id", "start_date", "pk")
        .values_list("child_id", "start_date", "same_carers", "placement_type")
    ):
        placements[child_id].append((start, same_carers, kind))
    numerator = {}
    for child_id in denominator:
        chain = placements[child_id]
        # Back through placements with the same carers: the carer's time started with the first.
        i = len(chain) - 1
        while i > 0 and chain[i][1]:
            i -= 1
        with_carer_since = chain[i][0] if chain else as_of
        if chain and chain[-1][2] in ADOPTION_PLACEMENTS and len(chain) > 1:
            with_carer_since = min(with_carer_since, chain[-2][0])
        if with_carer_since <= two_years:
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


@indicator(
    code="cla_reviews_in_time",
    title="Looked-after reviews held on time",
    numerator="Children all of whose looked-after reviews falling due in the year were held by their due date "
    "(first within 20 working days, second within 3 months, then 6-monthly from the last held); a review "
    "overdue at the date counts as late",
    denominator="Children looked after at the date, continuously for at least 4 weeks (not on short breaks)",
    period="Year to the date",
    counting=BY_CHILD,
    source="CPPCR 2010 reg 33; formerly NI 66 (timescales rule la_review)",
    version=1,
    higher_is_better=True,
)
def cla_reviews_in_time(as_of):
    first, last = year_to(as_of)
    calendar = get_calendar()
    cohort = {
        c: r
        for c, r in looked_after_at(as_of).items()
        if r["period__start_date"] <= as_of - datetime.timedelta(days=28)
    }
    reviews = defaultdict(list)
    for child_id, period_id, held_on in (
        LAReview.objects.filter(child_id__in=cohort, held_on__lte=as_of)
        .order_by("held_on")
        .values_list("child_id", "period_id", "held_on")
    ):
        if period_id == cohort[child_id]["period_id"]:
            reviews[child_id].append(held_on)
    denominator = {c: Unit(c, r["period__start_date"]) for c, r in cohort.items()}
    numerator = {
        c: u
        for c, u in denominator.items()
        if reviews_on_time(cohort[c]["period__start_date"], reviews[c], first, as_of, RULES["la_review"], calendar)
    }
    return Result(numerator, denominator)


VISIT_DAYS = 42  # reg 28(2): at intervals of not more than 6 weeks
FIRST_VISIT_DAYS = 7  # within one week of the start of a placement


@indicator(
    code="cla_visits_in_time",
    title="Looked-after children visited in timescale",
    numerator="Children seen on a statutory visit in the 6 weeks up to the date, or whose placement began less "
    "than a week before it",
    denominator="Children looked after at the date (not on short breaks)",
    period="At the date",
    counting=BY_CHILD,
    source=LOCAL + ": reg28_visit (CPPCR 2010 reg 28(2))",
    version=1,
    higher_is_better=True,
    notes="The 6-weekly interval of reg 28(2) for every child: the weekly and 3-monthly arrangements are not applied "
    "to this figure (each child's own due visits are on their record and the team's trays).",
)
def cla_visits_in_time(as_of):
    cohort = looked_after_at(as_of)
    since = as_of - datetime.timedelta(days=VISIT_DAYS)
    seen = set(
        Visit.objects.filter(
            child_id__in=cohort,
            child_seen=True,
            visit_type=VisitType.STATUTORY_CLA,
            visited_at__date__range=(since, as_of),
        ).values_list("child_id", flat=True)
    )
    denominator = {c: Unit(c, r["placement__start_date"]) for c, r in cohort.items()}
    numerator = {
        c: u
        for c, u in denominator.items()
        if c in seen or cohort[c]["placement__start_date"] > as_of - datetime.timedelta(days=FIRST_VISIT_DAYS)
    }
    return Result(numerator, denominator)


def looked_after_twelve_months(as_of: datetime.date) -> set[int]:
    """The OC2 cohort: looked after through the whole year to the date in one period, never on
    short breaks in it (as returns.ssda903 builds OC2)."""
    first, last = year_to(as_of)
    by_child = defaultdict(list)
    for row in Episode.objects.filter(overlaps(first, last)).values(
        "child_id", "legal_status", "period_id", "period__start_date", "period__end_date"
    ):
        by_child[row["child_id"]].append(row)
    cohort = set()
    for child_id, rows in by_child.items():
        if any(r["legal_status"] in SHORT_BREAK_STATUSES for r in rows) or len({r["period_id"] for r in rows}) != 1:
            continue
        period_end = rows[0]["period__end_date"]
        if rows[0]["period__start_date"] <= first and (period_end is None or period_end >= last):
            cohort.add(child_id)
    return cohort


def _oc2_with(as_of, model, date_field, **match) -> Result:
    first, last = year_to(as_of)
    cohort = looked_after_twelve_months(as_of)
    done = set(
        model.objects.filter(child_id__in=cohort, **{f"{date_field}__range": (first, last)}, **match).values_list(
            "child_id", flat=True
        )
    )
    denominator = {c: Unit(c) for c in cohort}
    return Result({c: u for c, u in denominator.items() if c in done}, denominator)


OC2 = "Children looked after continuously for 12 months at the date (not on short breaks)"


@indicator(
    code="cla_health_assessment",
    title="Health assessments up to date",
    numerator="Of those, children with a health assessment (initial or review) in the year",
    denominator=OC2,
    period="Year to the date",
    counting=BY_CHILD,
    source=DFE_CLA + ", OC2 HEALTH_ASSESSMENT",
    version=1,
    higher_is_better=True,
)
def cla_health_assessment(as_of):
    return _oc2_with(as_of, HealthCheck, "done_on", kind__in=[HealthCheckKind.INITIAL, HealthCheckKind.REVIEW])


@indicator(
    code="cla_dental",
    title="Dental checks up to date",
    numerator="Of those, children with a dental check in the year",
    denominator=OC2,
    period="Year to the date",
    counting=BY_CHILD,
    source=DFE_CLA + ", OC2 TEETH_CHECK",
    version=1,
    higher_is_better=True,
)
def cla_dental(as_of):
    return _oc2_with(as_of, HealthCheck, "done_on", kind=HealthCheckKind.DENTAL)


@indicator(
    code="cla_sdq",
    title="Strengths and difficulties questionnaires completed",
    numerator="Of those, children with an SDQ score recorded in the year",
    denominator=OC2.replace("Children", "Children aged 5 to 16 at the date,"),
    period="Year to the date",
    counting=BY_CHILD,
    source=DFE_CLA + ", OC2 SDQ_SCORE",
    version=1,
    higher_is_better=True,
)
def cla_sdq(as_of):
    result = _oc2_with(as_of, SDQScore, "completed_on", score__isnull=False)
    from people.models import Person

    ages = dict(Person.objects.filter(pk__in=result.denominator).values_list("pk", "date_of_birth"))
    kept = {c for c in result.denominator if (age := age_on(ages.get(c), as_of)) is not None and 5 <= age <= 16}
    return Result(
        {c: u for c, u in result.numerator.items() if c in kept},
        {c: u for c, u in result.denominator.items() if c in kept},
    )


RHI_HOURS = 72


@indicator(
    code="missing_rhi_72h",
    title="Return home interviews offered within 72 hours",
    numerator="Missing episodes whose return home interview was offered within 72 hours of the child's return",
    denominator="Missing episodes (not 'away from placement') ending in the year, 72 hours or more before the end of "
    "the date",
    period="Year to the date",
    counting=BY_EVENT,
    source="Statutory guidance on children who run away or go missing from home or care (2014)",
    version=1,
    higher_is_better=True,
    unit_name="missing episodes",
    notes="72 hours is elapsed time from the recorded return (TIMESCALES.md C3.5).",
)
def missing_rhi_72h(as_of):
    from core.clock import LONDON

    first, last = year_to(as_of)
    end_of_day = datetime.datetime.combine(last + ONE_DAY, datetime.time(), tzinfo=LONDON)
    start_of_year = datetime.datetime.combine(first, datetime.time(), tzinfo=LONDON)
    denominator, numerator = {}, {}
    rows = MissingEpisode.objects.filter(
        kind=MissingType.M, returned_at__gte=start_of_year, returned_at__lt=end_of_day
    ).values_list("pk", "child_id", "returned_at", "return_interview__offered_at")
    for pk, child_id, returned_at, offered_at in rows:
        due = add_hours(returned_at, RHI_HOURS)
        if due > end_of_day:
            continue  # not yet due at the date
        denominator[pk] = Unit(child_id, returned_at.astimezone(LONDON).date())
        if offered_at is not None and offered_at <= due:
            numerator[pk] = denominator[pk]
    return Result(numerator, denominator)


@indicator(
    code="sw_stability_3plus",
    title="Looked-after children with 3 or more social workers in the year",
    numerator="Children looked after at the date who were allocated to 3 or more different social workers in the year",
    denominator="All children looked after at the date (not on short breaks)",
    period="Year to the date",
    counting=BY_CHILD,
    source=DFE_DASHBOARD + " (social worker stability); " + DFE_CLA + ", SWEpisodes",
    version=1,
    higher_is_better=False,
)
def sw_stability_3plus(as_of):
    first, last = year_to(as_of)
    cohort = looked_after_at(as_of)
    workers = defaultdict(set)
    for child_id, worker_id in (
        Allocation.objects.filter(child_id__in=cohort, worker__isnull=False)
        .filter(overlaps(first, last))
        .values_list("child_id", "worker_id")
    ):
        workers[child_id].add(worker_id)
    denominator = {c: Unit(c) for c in cohort}
    return Result({c: u for c, u in denominator.items() if len(workers[c]) >= 3}, denominator)


# Statutory school age, approximated by age at the date: from 5 until 16. The exact span runs from
# the term after the fifth birthday to the end of year 11; the record does not hold school years.
SCHOOL_AGES = (5, 15)


@indicator(
    code="cla_pep",
    title="Personal education plans up to date",
    numerator="Of those, children whose personal education plan was started or reviewed in the current period of "
    "care within the review interval before the date (the authority's pep_review standard, by default 3 "
    "months; the due day counts), or who became looked after within the pep_10wd timescale and have no "
    "PEP yet due",
    denominator="Children looked after at the date (not on short breaks) aged 5 to 15 (statutory school age)",
    period="At the date",
    counting=BY_CHILD,
    source=LOCAL + ": pep_10wd and pep_review (as the looked-after record makes them due)",
    version=1,
    higher_is_better=True,
    notes="Statutory school age is taken as age 5 to 15 at the date. A PEP is up to date unless its next review "
    "(or the first PEP) was overdue at the date, as the child's due items count it.",
)
def cla_pep(as_of):
    from looked_after.models import PersonalEducationPlan
    from timescales.rules import effective_rule

    calendar = get_calendar()
    first_rule, review_rule = effective_rule("pep_10wd"), effective_rule("pep_review")
    cohort = {
        c: r
        for c, r in looked_after_at(as_of).items()
        if (age := age_on(r["child__date_of_birth"], as_of)) is not None and SCHOOL_AGES[0] <= age <= SCHOOL_AGES[1]
    }
    latest: dict[int, datetime.date] = {}
    for child_id, held_on in (
        PersonalEducationPlan.objects.filter(child_id__in=cohort, held_on__lte=as_of)
        .order_by("held_on")
        .values_list("child_id", "held_on")
    ):
        if held_on >= cohort[child_id]["period__start_date"]:
            latest[child_id] = held_on
    denominator, numerator = {}, {}
    for child_id, row in cohort.items():
        held = latest.get(child_id)
        due = (
            calendar.add(held, review_rule.amount, review_rule.unit)
            if held is not None
            else calendar.add(row["period__start_date"], first_rule.amount, first_rule.unit)
        )
        denominator[child_id] = Unit(child_id, held or row["period__start_date"])
        if due >= as_of:
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


@indicator(
    code="pwp_agreement_in_place",
    title="Placements with parents with the agreement recorded",
    numerator="Of those, children whose placement-with-parents agreement for that placement was signed on or "
    "before the date",
    denominator="Children looked after at the date under a care order (interim or full) and placed with parents (P1)",
    period="At the date",
    counting=BY_CHILD,
    source="CPPCR 2010 regs 15-20 (placement with parents); the looked-after placed-with-parents tracker",
    version=1,
    higher_is_better=True,
    notes="The same children as the placed-with-parents tracker. An agreement recorded without its signing date "
    "does not count.",
)
def pwp_agreement_in_place(as_of):
    from looked_after.models import PlacedWithParents
    from looked_after.placements import CARE_ORDERS

    cohort = {
        c: r
        for c, r in looked_after_at(as_of).items()
        if r["legal_status"] in CARE_ORDERS and r["placement__placement_type"] == "P1"
    }
    signed = set(
        PlacedWithParents.objects.filter(
            placement_id__in=[r["placement_id"] for r in cohort.values()], agreement_signed_on__lte=as_of
        ).values_list("placement_id", flat=True)
    )
    denominator = {c: Unit(c, r["placement__start_date"]) for c, r in cohort.items()}
    return Result({c: u for c, u in denominator.items() if cohort[c]["placement_id"] in signed}, denominator)


@indicator(
    code="permanence_decision_to_plan",
    title="Permanence decisions turned into plans without drift",
    numerator="Of those, decisions that a step had followed by the date (a step, an order, a match or a placement "
    "for adoption), or that had waited fewer than the drift threshold (90 days by default) since the "
    "decision",
    denominator="Permanence decisions in force at the date (made on or before it, not reversed or carried out by it)",
    period="At the date",
    counting=BY_EVENT,
    source="Local measure from the permanence tracker of decisions not yet plans (setting "
    "PERMANENCE_DECISION_DRIFT_DAYS)",
    version=1,
    higher_is_better=True,
    unit_name="decisions",
    notes="A decision that has waited the threshold with no step is the one the tracker makes stand out.",
)
def permanence_decision_to_plan(as_of):
    from permanence.models import AdoptionMatch, AdoptionPlacement, PermanenceDecision, PermanenceOrder, PermanenceStep
    from permanence.selectors import drift_days

    live = (
        PermanenceDecision.objects.filter(decided_on__lte=as_of)
        .filter(Q(reversed_on__isnull=True) | Q(reversed_on__gt=as_of))
        .filter(Q(achieved_on__isnull=True) | Q(achieved_on__gt=as_of))
        .values_list("pk", "child_id", "decided_on")
    )
    denominator = {pk: Unit(child_id, decided_on) for pk, child_id, decided_on in live}
    followed = set()
    for model, day in (
        (PermanenceStep, "taken_on"),
        (PermanenceOrder, "made_on"),
        (AdoptionMatch, "matched_on"),
        (AdoptionPlacement, "placed_on"),
    ):
        followed.update(
            model.objects.filter(decision_id__in=denominator, **{f"{day}__lte": as_of}).values_list(
                "decision_id", flat=True
            )
        )
    waiting_limit = datetime.timedelta(days=drift_days())
    numerator = {pk: u for pk, u in denominator.items() if pk in followed or as_of - u.on < waiting_limit}
    return Result(numerator, denominator)
