"""What being looked after makes due, computed from the child's records each time they change
(TIMESCALES.md A3). For each period of care:

- looked-after reviews: the first within 20 WD of becoming looked after, the second within
  3 months of the first, then within 6 months of the last one held (la_review); for short
  breaks (V3, V4) the first within 3 months of the first short break, then 6-monthly
  (la_review_short_breaks, CPPCR reg 48), and no health assessments, dental checks, SDQ or PEP;
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
    Placement,
    ReturnInterview,
    SDQScore,
)
from timescales import engine
from timescales.calendar import add_months, birthday
from timescales.engine import describe_trigger, due_from, due_spec
from timescales.phases import rha_rule_code
from timescales.reads import CHILD, attach, column, records

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


def _column(model, field: str, **filters):
    """One field of the child's rows in `model`, in date-then-id order."""
    return column(model.objects.filter(child_id=CHILD, **filters).order_by(*_ORDER[model], "pk"), field)


_ORDER = {
    IROAssignment: ["start_date"],
    CarePlan: ["agreed_on"],
    HealthCheck: ["done_on"],
    LAReview: ["held_on"],
    SDQScore: ["completed_on"],
    PersonalEducationPlan: ["held_on"],
    Visit: ["visited_at"],
}


def _reads() -> dict:
    """Everything the provider reads, each table once, in the engine's one query: every visit to
    a looked-after child refreshes this provider, so its round trips count."""
    returned = MissingEpisode.objects.filter(child_id=CHILD, returned_at__isnull=False)
    return {
        "missing": records(returned.order_by("-started_at", "-id")),
        "interviews": records(
            ReturnInterview.objects.filter(missing_episode__child_id=CHILD, missing_episode__returned_at__isnull=False)
        ),
        "periods": records(PeriodOfCare.objects.filter(child_id=CHILD).order_by("start_date", "id")),
        "iro_periods": _column(IROAssignment, "period_id"),
        "iro_days": _column(IROAssignment, "start_date"),
        "plan_periods": _column(CarePlan, "period_id"),
        "plan_days": _column(CarePlan, "agreed_on"),
        "health_kinds": _column(HealthCheck, "kind"),
        "health_days": _column(HealthCheck, "done_on"),
        "reviews": _column(LAReview, "held_on"),
        "sdqs": _column(SDQScore, "completed_on"),
        "peps": _column(PersonalEducationPlan, "held_on"),
        "visits": _column(Visit, "visited_at", child_seen=True),
        "episodes": records(Episode.objects.filter(child_id=CHILD).order_by("start_date", "id")),
        "placements": records(Placement.objects.filter(episodes__child_id=CHILD).distinct()),
        "agreements": records(PlacedWithParents.objects.filter(placement__child_id=CHILD)),
    }


def _load(found, periods) -> _Record:
    by_period_first = defaultdict(list)
    for period_id, day in zip(found["iro_periods"], found["iro_days"], strict=True):
        by_period_first[period_id].append(day)
    plans = defaultdict(list)
    for period_id, day in zip(found["plan_periods"], found["plan_days"], strict=True):
        plans[period_id].append(day)
    health = defaultdict(list)
    for kind, day in zip(found["health_kinds"], found["health_days"], strict=True):
        health[kind].append(day)
    episodes = found["episodes"]
    attach(episodes, "placement", found["placements"])
    return _Record(
        periods=periods,
        episodes=episodes,
        reviews=sorted(found["reviews"]),
        iros={k: min(v) for k, v in by_period_first.items()},
        care_plans={k: min(v) for k, v in plans.items()},
        health=health,
        sdqs=sorted(found["sdqs"]),
        peps=sorted(found["peps"]),
        visits=sorted(found["visits"]),
        agreements={a.placement_id: a for a in found["agreements"]},
    )


def _within(days, period) -> list:
    """Dates that fall in the period (from its start to its end, both included)."""
    return [d for d in days if d >= period.start_date and (period.end_date is None or d <= period.end_date)]


def _key(period) -> str:
    return f"period-{period.pk}"


# --- Reviews, IRO, care plan -----------------------------------------------------------------------

REVIEW_TITLES = ("First looked-after review", "Second looked-after review")
SHORT_BREAK_REVIEW_TITLES = ("First short-break review",)
SHORT_BREAKS_BEGAN = "Short breaks started"
FULL_TIME_BEGAN = "Looked after full time, after short breaks"


@dataclasses.dataclass(frozen=True)
class _Run:
    """Consecutive episodes of a period that are all short breaks, or all not."""

    short_breaks: bool
    start: object
    end: object  # the next run's start, or the period's end (None while it lasts)


def _runs(period, episodes) -> list[_Run]:
    runs: list[_Run] = []
    for episode in episodes:
        if runs and runs[-1].short_breaks == episode.short_break:
            continue
        if runs:
            runs[-1] = dataclasses.replace(runs[-1], end=episode.start_date)
        runs.append(_Run(episode.short_break, episode.start_date if runs else period.start_date, period.end_date))
    return runs or [_Run(False, period.start_date, period.end_date)]


def _reviews(period, episodes, record, calendar):
    """Reg 33 reviews, or while the care is short breaks the reg 48 ones; a change between the two
    starts the other's clock afresh, and reviews count towards the run they were held in."""
    for index, run in enumerate(_runs(period, episodes)):
        rule = "la_review_short_breaks" if run.short_breaks else "la_review"
        label = SHORT_BREAKS_BEGAN if run.short_breaks else (BECAME_LOOKED_AFTER if index == 0 else FULL_TIME_BEGAN)
        key = _key(period) if index == 0 else f"{_key(period)}-from-{run.start:%Y%m%d}"
        series = Series(rule, rule, run.start, label, "Looked-after review", key, period, run.end)
        held = [d for d in _within(record.reviews, period) if d >= run.start and (run.end is None or d <= run.end)]
        titles = SHORT_BREAK_REVIEW_TITLES if run.short_breaks else REVIEW_TITLES
        for number, spec in enumerate(recurring_specs(series, held, calendar)):
            title = titles[number] if number < len(titles) else "Looked-after review"
            yield dataclasses.replace(spec, title=title)


def _once(rule, period, met, calendar, label=BECAME_LOOKED_AFTER):
    """A one-off item from the start of the period, met on `met` (a date, or None)."""
    if met is None and period.end_date is not None:
        return
    yield due_spec(
        rule,
        trigger=period.start_date,
        calendar=calendar,
        key=_key(period),
        source=period,
        trigger_description=describe_trigger(label, period.start_date),
        completed_at=met,
    )


def _care_plan(period, record, first_episode, calendar):
    # CPPCR reg 4(2) does not apply where a full care order (s31A) is made: the court's plan is used.
    if first_episode is None or first_episode.legal_status == LegalStatus.C2:
        return
    yield from _once(
        "care_plan_10wd", period, record.care_plans.get(period.pk), calendar, "Start of the first placement"
    )


# --- Health ---------------------------------------------------------------------------------------------


def _health_assessments(person, period, record, calendar):
    earliest = add_months(period.start_date, -3)  # an IHA in the 3 months before still counts
    iha = next(
        (
            d
            for d in record.health[HealthCheckKind.INITIAL]
            if d >= earliest and (period.end_date is None or d <= period.end_date)
        ),
        None,
    )
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
    return engine.DueSpec(
        code,
        due_from(code, trigger, calendar),
        trigger,
        describe_trigger(label, trigger),
        source=period,
        key=_key(period),
        completed_at=completed_at,
    )


def _dental(period, record, calendar):
    series = Series(
        "dental_check",
        "dental_check",
        period.start_date,
        BECAME_LOOKED_AFTER,
        "Dental check",
        _key(period),
        period,
        period.end_date,
    )
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
    series = Series(
        "sdq_annual",
        "sdq_annual",
        period.start_date,
        BECAME_LOOKED_AFTER,
        "Strengths and difficulties questionnaire",
        _key(period),
        period,
        period.end_date,
    )
    yield from _for_ages(person, recurring_specs(series, _within(record.sdqs, period), calendar), SDQ_AGES)


# --- Education -----------------------------------------------------------------------------------------


def _pep(person, period, record, calendar):
    peps = _within(record.peps, period)
    first = peps[0] if peps else None
    yield from _for_ages(person, _once("pep_10wd", period, first, calendar), PEP_AGES)
    if first is None:
        return
    series = Series(
        "pep_review",
        "pep_review",
        first,
        "Personal education plan",
        "Personal education plan review",
        _key(period),
        period,
        period.end_date,
    )
    yield from _for_ages(person, recurring_specs(series, peps[1:], calendar), PEP_AGES)


# --- Statutory visits ----------------------------------------------------------------------------------


def _visits(period, record, calendar):
    episodes = [e for e in record.episodes if e.period_id == period.pk]
    for segment in visiting.segments(episodes, record.agreements):
        yield from visiting.visit_specs(segment, record.visits, record.reviews, calendar)


# --- Missing -------------------------------------------------------------------------------------------


def _return_interviews(found, calendar):
    episodes = found["missing"]
    attach(episodes, "return_interview", found["interviews"])
    for episode in episodes:
        interview = getattr(episode, "return_interview", None)
        yield due_spec(
            "rhi_72h",
            trigger=episode.returned_at,
            calendar=calendar,
            key=f"missing-{episode.pk}",
            source=episode,
            trigger_description=describe_trigger(
                f"Returned ({episode.get_kind_display().lower()})", episode.returned_at
            ),
            completed_at=interview.offered_at if interview is not None else None,
        )


@engine.register(only_if_any=[(MissingEpisode, "child_id"), (PeriodOfCare, "child_id")], reads=_reads)
def looked_after_due(person, calendar, found):
    yield from _return_interviews(found, calendar)
    periods = found["periods"]
    if not periods:
        return
    record = _load(found, periods)
    for period in periods:
        episodes = [e for e in record.episodes if e.period_id == period.pk]
        first_episode = episodes[0] if episodes else None
        yield from _reviews(period, episodes, record, calendar)
        yield from _once("iro_appointed", period, record.iros.get(period.pk), calendar)
        yield from _care_plan(period, record, first_episode, calendar)
        yield from _visits(period, record, calendar)
        if episodes and all(e.short_break for e in episodes):
            # Reg 48(3)(a)-(b): for short breaks the care plan covers health and education in its
            # own way; the health plan and PEP of reg 5 (with them the dental checks and PEP
            # reviews) and the health assessments of reg 7 do not apply, and the SDQ is for
            # children looked after continuously, which short breaks are not.
            continue
        yield from _health_assessments(person, period, record, calendar)
        yield from _dental(period, record, calendar)
        yield from _sdq(person, period, record, calendar)
        yield from _pep(person, period, record, calendar)
