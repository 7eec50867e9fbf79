"""The generated authority's care plans and placement with parents agreements, written in bulk after
the children (as plans.py writes the CP and CIN plans' content).

- Every open period of care has a current care plan (care.py agreed the first at its start). For
  about three in five that have had two reviews since, the plan was revised at the one before last
  (and for some at the one before that too), so the first is an earlier version: a new version is
  what a worker records when a review changes the plan.
- The current care plan holds its five sections (placement, health, education (PEP), contact,
  permanence), worded for the child's age and where they live; about one in eight leaves one
  unwritten, so it shows as incomplete. Two outcomes, each with two or three of its actions owned
  by the allocated worker, the carers, a parent or an agency; the latest review since the version
  was agreed recorded progress on each (mostly done when due, some not done and now overdue).
- Every placement with parents (P1) has its agreement (signed for most; the assessment of the
  parent done before the placement for some, after it (reg 19) for others); an open one has its
  sections, about a third missing a required one, and an outcome with owned actions.

Only open periods get content, so the large authority's plans cost a few bulk inserts. Its own
random source: the rest of the authority is generated exactly as before."""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from casework.models import ChronologyEvent
from codelists.ssda903 import PlacementType
from looked_after.models import CarePlan, LAReview, PeriodOfCare, PlacedWithParents, Placement
from looked_after.plan_kinds import CARE_PLAN_SECTIONS, PWP_SECTIONS
from plans.choices import OwnerKind, Progress
from plans.models import ActionProgress, Outcome, PlanAction, PlanContent, PlanSection
from synthetic.generator import care_plan_text as text
from synthetic.generator.plans import _moment, _progress
from timescales.calendar import age_on


@dataclass
class _Plan:
    """One plan to write content for, whatever its kind."""

    model: type
    plan_id: int
    child_id: int
    worker_id: int
    start: datetime.date
    words: dict  # name, carers, parent: what the text's placeholders become
    carers: str  # the placement type's first letter (text.CARERS)
    meeting: tuple | None  # (review id, held_on): the latest review since the plan was agreed
    sections: dict = field(default_factory=dict)  # key -> text
    outcomes: list = field(default_factory=list)  # keys of text.OUTCOMES, or the outcome itself
    contingency: str = ""


def write_care_plans(seed: int, today: datetime.date, open_ids) -> Counter:
    rng = random.Random(f"care-plans-{seed}")
    periods = list(
        PeriodOfCare.objects.filter(child_id__in=open_ids, end_date__isnull=True)
        .order_by("pk")
        .values_list(
            "pk",
            "child_id",
            "start_date",
            "started_by_id",
            "child__given_name",
            "child__date_of_birth",
            "child__current_worker_id",
        )
    )
    ids = [p[0] for p in periods]
    latest_plan = {}
    for pk, period_id, agreed_on in (
        CarePlan.objects.filter(period_id__in=ids)
        .order_by("agreed_on", "pk")
        .values_list("pk", "period_id", "agreed_on")
    ):
        latest_plan[period_id] = (pk, agreed_on)
    reviews = defaultdict(list)
    for pk, period_id, held_on in (
        LAReview.objects.filter(period_id__in=ids).order_by("held_on", "pk").values_list("pk", "period_id", "held_on")
    ):
        reviews[period_id].append((pk, held_on))
    placed = dict(
        Placement.objects.filter(period_id__in=ids, end_date__isnull=True).values_list("period_id", "placement_type")
    )
    counts = Counter()
    versions, planned = [], []  # planned: (period row, plan id or the new CarePlan, agreed_on, meeting)
    for period in periods:
        pk, child_id, start, started_by, _, _, worker = period
        worker = worker or started_by
        plan_id, agreed_on = latest_plan.get(pk, (None, start))
        since = [r for r in reviews[pk] if r[1] > agreed_on]
        revised_at = []
        if len(since) >= 2 and rng.random() < 0.6:
            revised_at = [since[-2][1]] if len(since) < 3 or rng.random() < 0.7 else [since[-3][1], since[-2][1]]
        elif plan_id is None:
            revised_at = [start]  # a period with no plan at all (none here today, but never left without one)
        current = plan_id
        for day in revised_at:
            current = CarePlan(
                child_id=child_id,
                period_id=pk,
                agreed_on=day,
                recorded_by_id=worker,
                summary="Care plan revised at the looked-after review.",
            )
            versions.append(current)
            agreed_on = day
        meeting = next((r for r in reversed(reviews[pk]) if r[1] > agreed_on), None)
        planned.append((period, current, agreed_on, meeting, placed.get(pk, "")))
    CarePlan.objects.bulk_create(versions)
    plan_type = ContentType.objects.get_for_model(CarePlan)
    ChronologyEvent.objects.bulk_create(
        [
            ChronologyEvent(
                child_id=v.child_id,
                event_type="looked_after.care_plan",
                occurred_at=_moment(v.agreed_on),
                significant=False,
                source_type=plan_type,
                source_id=v.pk,
                recorded_by_id=v.recorded_by_id,
                data={},
            )
            for v in versions
        ]
    )
    counts["care plan versions"] += len(versions)
    counts += _write_content(rng, [_care_plan(rng, *row) for row in planned])
    return counts + write_agreements(seed, today, open_ids)


def _care_plan(rng, period, plan, agreed_on, meeting, placement_type) -> _Plan:
    pk, child_id, start, started_by, name, born, worker = period
    age = age_on(born, agreed_on) if born else 10
    band = text.band(age)
    letter = placement_type[:1]
    words = {"name": name or "The child", "carers": text.CARERS.get(letter, "the carers")}
    sections = {s.key: rng.choice(text.SECTIONS[s.key][band]) for s in CARE_PLAN_SECTIONS}
    if rng.random() < 0.12:
        # Incomplete: one section still to write (the plan page lists it as missing).
        del sections[rng.choice(["education", "contact", "permanence"])]
    outcomes = [text.OUTCOMES[k] for k in rng.sample(text.OUTCOMES_BY_BAND[band], 2)]
    return _Plan(
        CarePlan,
        plan.pk if isinstance(plan, CarePlan) else plan,
        child_id,
        worker or started_by,
        agreed_on,
        words,
        letter,
        meeting,
        sections,
        outcomes,
        text.CONTINGENCY.get(letter, text.DEFAULT_CONTINGENCY),
    )


def write_agreements(seed: int, today: datetime.date, child_ids) -> Counter:
    """Every placement with parents of these children that has no agreement yet its agreement; the
    open ones their content. Its own random source, so a child's agreement does not depend on how
    many care plans were written before it."""
    rng = random.Random(f"agreements-{seed}")
    counts = Counter()
    rows = list(
        Placement.objects.filter(
            child_id__in=child_ids, placement_type=PlacementType.P1, with_parents_agreement__isnull=True
        )
        .order_by("pk")
        .values_list(
            "pk",
            "child_id",
            "period_id",
            "start_date",
            "end_date",
            "child__given_name",
            "child__family_name",
            "child__current_worker_id",
            "period__started_by_id",
        )
    )
    agreements, plans = [], []
    for pk, child_id, period_id, start, end, given, family, worker, started_by in rows:
        last = min(end or today, today)
        mother = rng.random() < 0.8
        parent = f"{'Ms' if mother else 'Mr'} {family} ({'mother' if mother else 'father'})"
        signed = min(start + datetime.timedelta(days=rng.randint(0, 10)), last) if rng.random() < 0.88 else None
        roll = rng.random()
        if roll < 0.35:
            assessed = start - datetime.timedelta(days=rng.randint(10, 60))  # reg 17: assessed before the placement
        elif roll < 0.85:
            assessed = min(start + datetime.timedelta(days=rng.randint(5, 60)), last)  # reg 19: placed first
        else:
            assessed = None
        discharge = end is None and rng.random() < 0.6
        agreement = PlacedWithParents(
            placement_id=pk,
            parent_name=parent,
            agreement_signed_on=signed,
            assessment_completed_on=assessed,
            discharge_plan="Apply to discharge the care order once the family has managed well for six months."
            if discharge
            else "",
            discharge_target_date=start + datetime.timedelta(days=rng.randint(180, 365)) if discharge else None,
            updated_by_id=worker or started_by,
        )
        agreements.append(agreement)
        if end is None:
            plans.append((agreement, child_id, period_id, start, given, parent, worker or started_by))
    PlacedWithParents.objects.bulk_create(agreements)
    agreement_type = ContentType.objects.get_for_model(PlacedWithParents)
    ChronologyEvent.objects.bulk_create(
        [
            ChronologyEvent(
                child_id=row[1],
                event_type="looked_after.pwp_agreement",
                occurred_at=_moment(a.agreement_signed_on or row[3]),
                significant=False,
                source_type=agreement_type,
                source_id=a.pk,
                recorded_by_id=a.updated_by_id,
                data={
                    "parent_name": a.parent_name,
                    "created": True,
                    "discharge_target_date": f"{a.discharge_target_date:%-d %B %Y}" if a.discharge_target_date else "",
                },
            )
            for a, row in zip(agreements, rows)
        ]
    )
    counts["placement with parents agreements"] += len(agreements)
    reviews = defaultdict(list)
    for pk, period_id, held_on in (
        LAReview.objects.filter(period_id__in={p[2] for p in plans})
        .order_by("held_on", "pk")
        .values_list("pk", "period_id", "held_on")
    ):
        reviews[period_id].append((pk, held_on))
    result = []
    for agreement, child_id, period_id, start, given, parent, worker in plans:
        begun = agreement.agreement_signed_on or start
        words = {"name": given or "The child", "parent": parent, "carers": parent}
        sections = {s.key: rng.choice(text.AGREEMENT[s.key]) for s in PWP_SECTIONS}
        if agreement.agreement_signed_on is None or rng.random() < 0.25:
            # Incomplete: a required part not yet agreed (most often when the placement would end).
            for key in rng.sample(["ending", "ending", "visits", "care"], rng.randint(1, 2)):
                sections.pop(key, None)
        if rng.random() < 0.5:
            sections.pop("health_education")  # not required: often left out
        meeting = next((r for r in reversed(reviews[period_id]) if r[1] > begun), None)
        result.append(
            _Plan(
                PlacedWithParents,
                agreement.pk,
                child_id,
                worker,
                begun,
                words,
                "P",
                meeting,
                sections,
                [text.AGREEMENT_OUTCOME],
                text.CONTINGENCY["P"],
            )
        )
    return counts + _write_content(rng, result)


def _write_content(rng, plans: list[_Plan]) -> Counter:
    """Each plan's content, sections, outcomes, actions and the progress its latest review
    recorded, each kind of row one bulk insert; and their lines in the chronology."""
    if not plans:
        return Counter()
    types = {
        model: ContentType.objects.get_for_model(model)
        for model in (CarePlan, PlacedWithParents, PlanSection, Outcome, LAReview)
    }
    contents = PlanContent.objects.bulk_create(
        [
            PlanContent(
                child_id=p.child_id,
                plan_type=types[p.model],
                plan_id=p.plan_id,
                contingency=p.contingency.format(**p.words),
            )
            for p in plans
        ]
    )
    sections, outcomes, planned = [], [], []
    for content, plan in zip(contents, plans):
        sections += [
            PlanSection(content=content, key=key, text=words.format(**plan.words), recorded_by_id=plan.worker_id)
            for key, words in plan.sections.items()
        ]
        for what, know, actions in plan.outcomes:
            outcome = Outcome(
                content=content,
                what_must_change=what.format(**plan.words),
                how_we_will_know=know.format(**plan.words),
                recorded_by_id=plan.worker_id,
                by_when=plan.start + datetime.timedelta(days=rng.randint(90, 270)),
            )
            outcomes.append(outcome)
            planned.append((outcome, plan, actions))
    PlanSection.objects.bulk_create(sections)
    Outcome.objects.bulk_create(outcomes)
    actions = []
    for outcome, plan, pool in planned:
        for words, kind, owner in rng.sample(pool, min(len(pool), rng.randint(2, 3))):
            if owner == "carers":
                owner = text.CARER_OWNER.get(plan.carers, "Carers")
                kind = OwnerKind.FAMILY if plan.carers == "P" else OwnerKind.AGENCY
            action = PlanAction(
                outcome=outcome,
                child_id=plan.child_id,
                action=words.format(**plan.words),
                owner_kind=kind,
                owner_staff_id=plan.worker_id if kind == OwnerKind.STAFF else None,
                owner_name=owner,
                due_on=plan.start + datetime.timedelta(days=rng.randint(14, 150)),
                added_on=plan.start,
                recorded_by_id=plan.worker_id,
            )
            action.meeting = plan.meeting
            _progress(rng, action)
            actions.append(action)
    PlanAction.objects.bulk_create(actions)
    progress = [
        ActionProgress(
            action=a,
            status=a.status,
            note=a.note,
            held_on=a.meeting[1],
            meeting_type=types[LAReview],
            meeting_id=a.meeting[0],
            recorded_by_id=a.recorded_by_id,
        )
        for a in actions
        if a.meeting is not None
    ]
    ActionProgress.objects.bulk_create(progress)
    ChronologyEvent.objects.bulk_create(_events(types, contents, plans, sections, planned, actions))
    return Counter(
        {
            "care plan and agreement contents": len(contents),
            "care plan and agreement sections": len(sections),
            "care plan and agreement outcomes": len(outcomes),
            "care plan and agreement actions": len(actions),
            "care plan and agreement action progress": len(progress),
        }
    )


def _label(plan: _Plan) -> str:
    return "Care plan" if plan.model is CarePlan else "Placement with parents agreement"


def _events(types, contents, plans, sections, planned, actions) -> list[ChronologyEvent]:
    """Each section written and outcome agreed on the day the plan was, and the progress at the review."""
    by_content = {c.pk: p for c, p in zip(contents, plans)}
    labels = {s.key: s.label for s in (*CARE_PLAN_SECTIONS, *PWP_SECTIONS)}
    events = [
        ChronologyEvent(
            child_id=s.content.child_id,
            event_type="plan.section_set",
            occurred_at=_moment(by_content[s.content.pk].start),
            significant=False,
            source_type=types[PlanSection],
            source_id=s.pk,
            recorded_by_id=s.recorded_by_id,
            data={"plan": _label(by_content[s.content.pk]), "section": labels[s.key]},
        )
        for s in sections
    ]
    events += [
        ChronologyEvent(
            child_id=plan.child_id,
            event_type="plan.outcome_added",
            occurred_at=_moment(plan.start),
            significant=False,
            source_type=types[Outcome],
            source_id=o.pk,
            recorded_by_id=plan.worker_id,
            data={"plan": _label(plan), "outcome": o.what_must_change, "by_when": f"{o.by_when:%-d %B %Y}"},
        )
        for o, plan, _ in planned
    ]
    met = {}
    for a in actions:
        if a.meeting is not None:
            plan = by_content[a.outcome.content.pk]
            met.setdefault((a.child_id, a.recorded_by_id, a.meeting, _label(plan)), Counter())[a.status] += 1
    events += [
        ChronologyEvent(
            child_id=child_id,
            event_type="plan.progress_recorded",
            occurred_at=_moment(held_on),
            significant=False,
            source_type=types[LAReview],
            source_id=review_id,
            recorded_by_id=worker_id,
            data={"plan": label, "summary": ", ".join(f"{n} {Progress(s).label.lower()}" for s, n in tally.items())},
        )
        for (child_id, worker_id, (review_id, held_on), label), tally in met.items()
    ]
    return events


def backfill(seed: int, today: datetime.date, progress=None) -> Counter:
    """An authority generated before care plans had content (the benchmark's large one, kept
    between runs) gets them now, from the same step, with its open looked-after children's due
    items brought up to date; one that has them is left alone, so it runs once."""
    from django.db import transaction

    from people.models import Person
    from timescales.engine import refresh_due_items

    if PlanContent.objects.filter(plan_type=ContentType.objects.get_for_model(CarePlan)).exists():
        return Counter()
    open_ids = list(
        PeriodOfCare.objects.filter(end_date__isnull=True, child__la_id__startswith="G")
        .order_by("child_id")
        .values_list("child_id", flat=True)
    )
    with transaction.atomic():
        counts = write_care_plans(seed, today, open_ids)
    for i in range(0, len(open_ids), 500):
        with transaction.atomic():
            for child in Person.objects.filter(pk__in=open_ids[i : i + 500]).order_by("pk"):
                refresh_due_items(child)
        if progress:
            progress(f"care plans' due items: {min(i + 500, len(open_ids)):,} of {len(open_ids):,} children")
    return counts
