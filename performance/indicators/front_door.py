"""Referrals and assessments (CIN census; DfE tables C1 and C2)."""

from __future__ import annotations

from assessments.models import Assessment
from front_door.models import Referral
from performance.indicators.periods import ElapsedWorkingDays, year_to
from performance.indicators.registry import BY_EVENT, DFE_CIN, Result, Unit, indicator
from timescales.calendar import add_months, get_calendar

RE_REFERRAL_MONTHS = 12
ASSESSMENT_WORKING_DAYS = 45


@indicator(
    code="rereferrals_12m",
    title="Re-referrals within 12 months",
    numerator="Referrals in the year within 12 months of a previous referral of the same child (referral date to "
    "referral date; the earlier referral may be before the year; exactly 12 months counts)",
    denominator="All referrals in the year",
    period="Year to the date",
    counting=BY_EVENT,
    source=DFE_CIN + ", table C1",
    version=1,
    higher_is_better=False,
    unit_name="referrals",
)
def rereferrals_12m(as_of):
    first, last = year_to(as_of)
    earliest = add_months(first, -RE_REFERRAL_MONTHS)
    rows = list(
        Referral.objects.filter(referral_date__range=(earliest, last))
        .order_by("child_id", "referral_date", "pk")
        .values_list("pk", "child_id", "referral_date")
    )
    denominator, numerator = {}, {}
    previous: dict[int, object] = {}
    for pk, child_id, day in rows:
        unit = Unit(child_id, day)
        if day >= first:
            denominator[pk] = unit
            before = previous.get(child_id)
            if before is not None and before >= add_months(day, -RE_REFERRAL_MONTHS):
                numerator[pk] = unit
        previous[child_id] = day
    return Result(numerator, denominator)


@indicator(
    code="referrals_nfa",
    title="Referrals with no further action",
    numerator="Referrals in the year decided as no further action by the date",
    denominator="All referrals in the year",
    period="Year to the date",
    counting=BY_EVENT,
    source=DFE_CIN + ", table C1",
    version=1,
    unit_name="referrals",
)
def referrals_nfa(as_of):
    first, last = year_to(as_of)
    denominator, numerator = {}, {}
    for pk, child_id, day, nfa, decided in Referral.objects.filter(referral_date__range=(first, last)).values_list(
        "pk", "child_id", "referral_date", "nfa", "decided_at__date"
    ):
        denominator[pk] = Unit(child_id, day)
        if nfa and decided is not None and decided <= last:
            numerator[pk] = denominator[pk]
    return Result(numerator, denominator)


@indicator(
    code="assessments_45wd",
    title="Assessments completed within 45 working days",
    numerator="Assessments authorised in the year within 45 working days of their start (the start day is day 0; "
    "authorised on the 45th working day counts)",
    denominator="All assessments authorised in the year",
    period="Year to the date",
    counting=BY_EVENT,
    source=DFE_CIN + ", table C2 (authorisation date minus AssessmentActualStartDate)",
    version=1,
    higher_is_better=True,
    unit_name="assessments",
    notes="Measured from the assessment's actual start date, the date the census holds (TIMESCALES.md C3.1).",
)
def assessments_45wd(as_of):
    first, last = year_to(as_of)
    elapsed = ElapsedWorkingDays(get_calendar(), first)
    denominator, numerator = {}, {}
    for pk, child_id, start, authorised in Assessment.objects.filter(authorised_on__range=(first, last)).values_list(
        "pk", "child_id", "start_date", "authorised_on"
    ):
        denominator[pk] = Unit(child_id, authorised)
        if elapsed(start, authorised) <= ASSESSMENT_WORKING_DAYS:
            numerator[pk] = denominator[pk]
    return Result(numerator, denominator)
