"""What being looked after makes due, computed from the child's records each time they change
(TIMESCALES.md A3). For each period of care:

- looked-after reviews: the first within 20 WD of becoming looked after, the second within
  3 months of the first, then within 6 months of the last one held (la_review);
- the IRO appointed within 5 WD (iro_appointed); the care plan within 10 WD of the first placement
  (care_plan_10wd), except under a full care order, where the court's care plan is used;
- statutory visits in every placement (looked_after.visiting, reg 28);
- the initial health assessment within 20 WD (iha_20wd), unless one was done in the 3 months
  before; then review health assessments 6-monthly under 5 and yearly from 5, from the last one;
- dental checks (dental_check, from the start of the period, then from the last check);
- the SDQ yearly for children aged 4 to 16 (sdq_annual);
- the personal education plan within 10 WD (pep_10wd) and its review each term (pep_review), for
  children aged 3 to 17.

And for every child, in care or not: the return home interview offered within 72 hours of the
moment the child returned from each missing episode (rhi_72h, with its exact deadline).

Occurrences already met are returned with `completed_at`, so the history is kept. A period that
has ended makes nothing more due; what was met in it stays.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from casework.choices import VisitType
from casework.models import Visit
from children_in_need.series import Series, recurring_specs
from codelists.ssda903 import LegalStatus
from looked_after import visiting
from looked_after.choices import HealthCheckKind
from looked_after.models import (
    CarePlan,
    Episode,
    HealthCheck,
    IROAssignment,
    LAReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
    PlacedWithParents,
    SDQScore,
)
from timescales import engine
from timescales.calendar import add_months, birthday
from timescales.engine import describe_trigger, due_from, due_spec
from timescales.phases import rha_rule_code

BECAME_LOOKED_AFTER = "Started to be looked after"
# A PEP is kept from early years (3) until the child leaves school age (before 18): the virtual
# school's range. A choice of ours, written down here, not a rule of the table.
PEP_AGES = (3, 17)
SDQ_AGES = (4, 16)  # timescales.phases.sdq_applies


@dataclasses.dataclass
class _Record:
    """Everything the provider reads for one child, in one query per table."""

    periods: list
    episodes: list
    reviews: list
    iros: dict
    care_plans: dict
    health: dict
    sdqs: list
    peps: list
    visits: list
    agreements: dict


def _load(person, periods) -> _Record:
    by_period_first = defaultdict(list)
    for period_id, day in IROAssignment.objects.filter(child_id=person.pk).values_list("period_id", "start_date"):
        by_period_first[period_id].append(day)
    plans = defaultdict(list)
    for period_id, day in CarePlan.objects.filter(child_id=person.pk).values_list("period_id", "agreed_on"):
        plans[period_id].append(day)
    health = defaultdict(list)
    for kind, day in HealthCheck.objects.filter(child_id=person.pk).values_list("kind", "done_on").order_by("done_on"):
        health[kind].append(day)
    episodes = list(Episode.objects.filter(child_id=person.pk).select_related("placement").order_by("start_date", "id"))
    return _Record(
        periods=periods,
        episodes=episodes,
        reviews=sorted(LAReview.objects.filter(child_id=person.pk).values_list("held_on", flat=True)),
        iros={k: min(v) for k, v in by_period_first.items()},
        care_plans={k: min(v) for k, v in plans.items()},
        health=health,
        sdqs=sorted(SDQScore.objects.filter(child_id=person.pk).values_list("completed_on", flat=True)),
        peps=sorted(PersonalEducationPlan.objects.filter(child_id=person.pk).values_list("held_on", flat=True)),
        visits=sorted(
            Visit.objects.filter(child_id=person.pk, visit_type=VisitType.STATUTORY_CLA, child_seen=True)
            .values_list("visited_at", flat=True)
        ),
        agreements={a.placement_id: a for a in PlacedWithParents.objects.filter(placement__child_id=person.pk)},
    )


def _within(days, period) -> list:
    """Dates that fall in the period (from its start to its end, both included)."""
    return [d for d in days if d >= period.start_date and (period.end_date is None or d <= period.end_date)]


def _key(period) -> str:
    return f"period-{period.pk}"


# --- Reviews, IRO, care plan -----------------------------------------------------------------------

REVIEW_TITLES = ("First looked-after review", "Second looked-after review")


def _reviews(period, record, calendar):
    series = Series("la_review", "la_review", period.start_date, BECAME_LOOKED_AFTER, "Looked-after review",
                    _key(period), period, period.end_date)
    for index, spec in enumerate(recurring_specs(series, _within(record.reviews, period), calendar)):
        title = REVIEW_TITLES[index] if index < len(REVIEW_TITLES) else "Looked-after review"
        yield dataclasses.replace(spec, title=title)


def _once(rule, period, met, calendar, label=BECAME_LOOKED_AFTER):
    """A one-off item from the start of the period, met on `met` (a date, or None)."""
    if met is None and period.end_date is not None:
        return
    yield due_spec(rule, trigger=period.start_date, calendar=calendar, key=_key(period), source=period,
                   trigger_description=describe_trigger(label, period.start_date), completed_at=met)


def _care_plan(period, record, first_episode, calendar):
    # CPPCR reg 4(2) does not apply where a full care order (s31A) is made: the court's plan is used.
    if first_episode is None or first_episode.legal_status == LegalStatus.C2:
        return
    yield from _once("care_plan_10wd", period, record.care_plans.get(period.pk), calendar, "Start of the first placement")


# --- Health ---------------------------------------------------------------------------------------------


def _health_assessments(person, period, record, calendar):
    earliest = add_months(period.start_date, -3)  # an IHA in the 3 months before still counts
    iha = next((d for d in record.health[HealthCheckKind.INITIAL]
                if d >= earliest and (period.end_date is None or d <= period.end_date)), None)
    yield from _once("iha_20wd", period, iha, calendar)
    if iha is None:
        return
    later = sorted(d for kind in (HealthCheckKind.INITIAL, HealthCheckKind.REVIEW) for d in record.health[kind])
    trigger, label = iha, "Initial health assessment"
    for day in later:
        if day <= trigger:
            continue
        if period.end_date is not None and day > period.end_date:
            break
        yield _rha(person, trigger, label, period, calendar, completed_at=day)
        trigger, label = day, "Review health assessment"
    if period.end_date is None:
        yield _rha(person, trigger, label, period, calendar)


def _rha(person, trigger, label, period, calendar, completed_at=None):
    # Without a date of birth the stricter 6-monthly rule applies.
    code = rha_rule_code(person.date_of_birth, trigger) if person.date_of_birth else "rha_under5_6m"
    return engine.DueSpec(code, due_from(code, trigger, calendar), trigger, describe_trigger(label, trigger),
                          source=period, key=_key(period), completed_at=completed_at)


def _dental(period, record, calendar):
    series = Series("dental_check", "dental_check", period.start_date, BECAME_LOOKED_AFTER, "Dental check",
                    _key(period), period, period.end_date)
    yield from recurring_specs(series, _within(record.health[HealthCheckKind.DENTAL], period), calendar)


def _for_ages(person, specs, ages):
    """Keep what is due only while the child is within `ages`: an open item falls due no earlier
    than the birthday that brings them into range, and none is due once they have left it. Met
    items are history and are all kept."""
    youngest, oldest = ages
    for spec in specs:
        if spec.completed_at is not None:
            yield spec
            continue
        if person.date_of_birth is None:
            continue
        if spec.due_date >= birthday(person.date_of_birth, oldest + 1):
            continue
        yield dataclasses.replace(spec, due_date=max(spec.due_date, birthday(person.date_of_birth, youngest)))


def _sdq(person, period, record, calendar):
    series = Series("sdq_annual", "sdq_annual", period.start_date, BECAME_LOOKED_AFTER,
                    "Strengths and difficulties questionnaire", _key(period), period, period.end_date)
    yield from _for_ages(person, recurring_specs(series, _within(record.sdqs, period), calendar), SDQ_AGES)


# --- Education -----------------------------------------------------------------------------------------


def _pep(person, period, record, calendar):
    peps = _within(record.peps, period)
    first = peps[0] if peps else None
    yield from _for_ages(person, _once("pep_10wd", period, first, calendar), PEP_AGES)
    if first is None:
        return
    series = Series("pep_review", "pep_review", first, "Personal education plan", "Personal education plan review",
                    _key(period), period, period.end_date)
    yield from _for_ages(person, recurring_specs(series, peps[1:], calendar), PEP_AGES)


# --- Statutory visits ----------------------------------------------------------------------------------


def _visits(period, record, calendar):
    episodes = [e for e in record.episodes if e.period_id == period.pk]
    for segment in visiting.segments(episodes, record.agreements):
        yield from visiting.visit_specs(segment, record.visits, record.reviews, calendar)


# --- Missing -------------------------------------------------------------------------------------------


def _return_interviews(person, calendar):
    episodes = MissingEpisode.objects.filter(child_id=person.pk, returned_at__isnull=False).select_related("return_interview")
    for episode in episodes:
        interview = getattr(episode, "return_interview", None)
        yield due_spec(
            "rhi_72h", trigger=episode.returned_at, calendar=calendar, key=f"missing-{episode.pk}", source=episode,
            trigger_description=describe_trigger(f"Returned ({episode.get_kind_display().lower()})", episode.returned_at),
            completed_at=interview.offered_at if interview is not None else None,
        )


@engine.register
def looked_after_due(person, calendar):
    yield from _return_interviews(person, calendar)
    periods = list(PeriodOfCare.objects.filter(child_id=person.pk).order_by("start_date"))
    if not periods:
        return
    record = _load(person, periods)
    for period in periods:
        first_episode = next((e for e in record.episodes if e.period_id == period.pk), None)
        yield from _reviews(period, record, calendar)
        yield from _once("iro_appointed", period, record.iros.get(period.pk), calendar)
        yield from _care_plan(period, record, first_episode, calendar)
        yield from _visits(period, record, calendar)
        yield from _health_assessments(person, period, record, calendar)
        yield from _dental(period, record, calendar)
        yield from _sdq(person, period, record, calendar)
        yield from _pep(person, period, record, calendar)

