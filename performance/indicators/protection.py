"""Children in need and child protection (CIN census; DfE tables B1, D3, D5)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import OuterRef, Subquery

from casework.choices import VisitType
from casework.models import Visit
from child_protection.choices import ConferenceKind
from child_protection.models import ChildProtectionPlan, Conference
from children_in_need.models import CINEpisode
from core import clock
from performance.indicators.periods import open_at, reviews_on_time, year_to
from performance.indicators.registry import BY_CHILD, BY_EVENT, DFE_CIN, LOCAL, PER_10K, Result, Unit, indicator
from timescales.calendar import add_months, get_calendar
from timescales.rules import effective_rule

ICPC_WORKING_DAYS = 15


@indicator(
    code="icpc_15wd",
    title="Initial conferences within 15 working days of the strategy discussion",
    numerator="Initial child protection conferences held in the year within 15 working days of the strategy "
    "discussion that started the section 47 enquiry (the discussion is day 0; day 15 counts)",
    denominator="All initial child protection conferences held in the year (not transfer-in conferences)",
    period="Year to the date",
    counting=BY_EVENT,
    source="Working Together 2023; " + DFE_CIN + " (conferences)",
    version=1,
    higher_is_better=True,
    unit_name="conferences",
    notes="Counted by conference, not by child: a council's figure by child can differ (PRACTICE.md section 4). The "
    "census itself can only measure from the section 47 start (TIMESCALES.md C3.2).",
)
def icpc_15wd(as_of):
    first, last = year_to(as_of)
    calendar = get_calendar()
    denominator, numerator = {}, {}
    rows = Conference.objects.filter(
        kind=ConferenceKind.INITIAL, held_on__range=(first, last), section47__isnull=False
    ).values_list("pk", "child_id", "held_on", "section47__strategy_discussion__held_on")
    for pk, child_id, held_on, discussed_on in rows:
        denominator[pk] = Unit(child_id, held_on)
        if calendar.working_days_between(discussed_on, held_on) <= ICPC_WORKING_DAYS:
            numerator[pk] = denominator[pk]
    return Result(numerator, denominator)


@indicator(
    code="cpp_second_plus",
    title="Child protection plans that are a second or subsequent plan",
    numerator="Plans starting in the year for a child who had been the subject of a plan before, however long ago",
    denominator="All child protection plans starting in the year",
    period="Year to the date",
    counting=BY_EVENT,
    source=DFE_CIN + ", table D3",
    version=1,
    higher_is_better=False,
    unit_name="plans",
    notes="Only this authority's earlier plans are known to the record.",
)
def cpp_second_plus(as_of):
    first, last = year_to(as_of)
    rows = list(
        ChildProtectionPlan.objects.filter(start_date__lte=last)
        .order_by("child_id", "start_date", "pk")
        .values_list("pk", "child_id", "start_date")
    )
    denominator, numerator = {}, {}
    earliest: dict[int, object] = {}
    for pk, child_id, start in rows:
        if start >= first:
            denominator[pk] = Unit(child_id, start)
            if child_id in earliest and earliest[child_id] < start:
                numerator[pk] = denominator[pk]
        earliest.setdefault(child_id, start)
    return Result(numerator, denominator)


@indicator(
    code="cpp_2yrs_at_31march",
    title="Child protection plans lasting 2 years or more, at the date",
    numerator="Children on a child protection plan at the date whose plan had lasted 2 years or more (a plan that "
    "started exactly 2 years before counts)",
    denominator="All children on a child protection plan at the date",
    period="At the date",
    counting=BY_CHILD,
    source=DFE_CIN + ", table D5 (variant a: open at 31 March)",
    version=1,
    higher_is_better=False,
)
def cpp_2yrs_at_31march(as_of):
    cutoff = add_months(as_of, -24)
    denominator, numerator = {}, {}
    for child_id, start in ChildProtectionPlan.objects.filter(open_at(as_of)).values_list("child_id", "start_date"):
        denominator[child_id] = Unit(child_id, start)
        if start <= cutoff:
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


@indicator(
    code="cpp_reviews_in_time",
    title="Child protection plans reviewed on time",
    numerator="Children all of whose review conferences falling due in the year were held by their due date (the "
    "first within 3 months of the ICPC, then within 6 months of the last held; the due day counts); a "
    "review overdue at the date counts as late",
    denominator="Children on a child protection plan at the date whose first review had fallen due (the plan "
    "started more than 3 months before)",
    period="Year to the date",
    counting=BY_CHILD,
    source="Working Together 2023 (review conferences); formerly NI 67 (timescales rule rcpc)",
    version=1,
    higher_is_better=True,
    notes="Only the current plan's reviews count. The amounts are the rcpc timescale rule's.",
)
def cpp_reviews_in_time(as_of):
    first, last = year_to(as_of)
    calendar = get_calendar()
    rule = effective_rule("rcpc")
    plans = {
        pk: (child_id, start)
        for pk, child_id, start in ChildProtectionPlan.objects.filter(open_at(as_of)).values_list(
            "pk", "child_id", "start_date"
        )
        if calendar.add(start, rule.amount, rule.unit) < as_of
    }
    reviews = defaultdict(list)
    for plan_id, held_on in (
        Conference.objects.filter(kind=ConferenceKind.REVIEW, plan_id__in=plans, held_on__lte=as_of)
        .order_by("held_on", "pk")
        .values_list("plan_id", "held_on")
    ):
        reviews[plan_id].append(held_on)
    denominator, numerator = {}, {}
    for pk, (child_id, start) in plans.items():
        denominator[child_id] = Unit(child_id, start)
        if reviews_on_time(start, reviews[pk], first, as_of, rule, calendar):
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


@indicator(
    code="cp_visits_in_time",
    title="Children on a child protection plan visited in timescale",
    numerator="Children seen on a child protection visit within the visiting interval before the date (the "
    "authority's cp_visit standard, by default 10 working days; the due day counts), or whose plan "
    "started within that interval",
    denominator="Children on a child protection plan at the date",
    period="At the date",
    counting=BY_CHILD,
    source=LOCAL + ": cp_visit",
    version=1,
    higher_is_better=True,
    notes="Visits of type 'child protection' in which the child was seen, from the plan's start, as the due items "
    "count them: a child is in time unless their next visit was overdue at the date.",
)
def cp_visits_in_time(as_of):
    calendar = get_calendar()
    rule = effective_rule("cp_visit")
    # Each child's latest visit by the end of the date, found by the database through the index of
    # a child's visits newest first (one row a child, not every visit of every plan). It counts
    # when it is on or after the plan's start; if the latest is before the start, so is every other.
    end_of_day = datetime.datetime.combine(as_of + datetime.timedelta(days=1), datetime.time(), tzinfo=clock.LONDON)
    latest = (
        Visit.objects.filter(
            child_id=OuterRef("child_id"), child_seen=True, visit_type=VisitType.STATUTORY_CP, visited_at__lt=end_of_day
        )
        .order_by("-visited_at")
        .values("visited_at")[:1]
    )
    plans, last_seen = {}, {}
    for child_id, start, seen_at in (
        ChildProtectionPlan.objects.filter(open_at(as_of))
        .annotate(seen_at=Subquery(latest))
        .values_list("child_id", "start_date", "seen_at")
    ):
        plans[child_id] = start
        seen_on = seen_at.astimezone(clock.LONDON).date() if seen_at else None
        if seen_on is not None and seen_on >= start:
            last_seen[child_id] = seen_on
    denominator, numerator = {}, {}
    for child_id, start in plans.items():
        since = last_seen.get(child_id, start)
        denominator[child_id] = Unit(child_id, since)
        if calendar.add(since, rule.amount, rule.unit) >= as_of:
            numerator[child_id] = denominator[child_id]
    return Result(numerator, denominator)


@indicator(
    code="cin_per_10k",
    title="Children in need per 10,000 children",
    numerator="Children with a child in need episode open at the date (referred and not closed)",
    denominator="The authority's population aged 0 to 17 (ONS mid-year estimate; the year before the reporting "
    "year's 31 March)",
    period="At the date",
    counting=BY_CHILD,
    kind=PER_10K,
    source=DFE_CIN + ", table B1; rate as the DfE dashboard",
    version=1,
)
def cin_per_10k(as_of):
    from performance.population import population_on

    children = {c: Unit(c) for c in CINEpisode.objects.filter(open_at(as_of)).values_list("child_id", flat=True)}
    return Result(children, {}, figure=population_on(as_of).children)
