"""The content of the generated authority's open plans (plans app), written in bulk after the
children: each open child protection plan two outcomes and each open child in need plan one or two,
each outcome two or three actions owned by the allocated worker, a family member or an agency,
due within four months of the plan starting; the latest core group (or review) recorded progress on
each action agreed before it. Actions due in the past are mostly done; a share are overdue and not
done, so they are in their owners' trays (or the allocated worker's, to chase) on My work and My
team. The due items are made by the engine with everyone else's (generate()).

Open plans only, so the large authority's thousands of plans cost a few bulk inserts; plain
values from one seeded random source: the same seed gives the same content."""

from __future__ import annotations

import datetime
import random
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from casework.models import ChronologyEvent
from child_protection.models import ChildProtectionPlan, CoreGroup
from children_in_need.models import CINPlan, CINPlanReview
from plans.choices import OwnerKind, Progress
from plans.models import ActionProgress, Outcome, PlanAction, PlanContent

OUTCOMES = [
    (
        "The children live in a home that is clean, warm and has food every day",
        "Unannounced visits find the heating on and food in the cupboards",
    ),
    ("The children go to school every day, on time", "Attendance above 95% on the school's weekly report"),
    (
        "The children are safe from violence between the adults at home",
        "No police call-outs; the children tell us they feel safe at home",
    ),
    (
        "Mother's drinking no longer leaves the children without care",
        "Negative tests; the children are collected from school by a sober adult",
    ),
    (
        "The baby sleeps safely and is seen by the health visitor",
        "Safe sleep seen on visits; every health visitor appointment kept",
    ),
    (
        "The young person is not going missing or being exploited",
        "No missing episodes for three months; return interviews show no new concerns",
    ),
]
ACTIONS = [
    ("Refer the family to the family support service", OwnerKind.STAFF, ""),
    ("See the children alone at each visit and record their views", OwnerKind.STAFF, ""),
    ("Complete the parenting course", OwnerKind.FAMILY, "Mother"),
    ("Attend every appointment with the drug and alcohol service", OwnerKind.FAMILY, "Father"),
    ("Send the attendance register every Friday", OwnerKind.AGENCY, "The school"),
    ("Offer a health review and safe sleep advice", OwnerKind.AGENCY, "Health visiting service"),
    ("Share any call-outs to the address within a day", OwnerKind.AGENCY, "Police"),
    ("Arrange a family group conference", OwnerKind.STAFF, ""),
]
CONTINGENCY = (
    "If the plan's outcomes are not met by the next review, a legal planning meeting decides whether to "
    "start pre-proceedings."
)


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(11)))


def _open_plans(model, meeting_model, open_ids):
    """(plan id, child id, start, allocated worker, latest meeting (id, held_on) or None) of the open plans."""
    plans = list(
        model.objects.filter(child_id__in=open_ids, end_date__isnull=True, child__current_worker__isnull=False)
        .order_by("pk")
        .values_list("pk", "child_id", "start_date", "child__current_worker_id")
    )
    latest = {}
    for pk, plan_id, held_on in (
        meeting_model.objects.filter(plan_id__in=[p[0] for p in plans])
        .order_by("plan_id", "held_on", "pk")
        .values_list("pk", "plan_id", "held_on")
    ):
        latest[plan_id] = (pk, held_on)
    return [(*plan, latest.get(plan[0])) for plan in plans]


def write_plans(seed: int, open_ids) -> Counter:
    rng = random.Random(f"plans-{seed}")
    counts = Counter()
    for model, meeting_model, outcomes_per_plan in (
        (ChildProtectionPlan, CoreGroup, (2, 2)),
        (CINPlan, CINPlanReview, (1, 2)),
    ):
        counts += _write_kind(rng, model, meeting_model, outcomes_per_plan, open_ids)
    return counts


def _write_kind(rng, model, meeting_model, outcomes_per_plan, open_ids) -> Counter:
    plans = _open_plans(model, meeting_model, open_ids)
    if not plans:
        return Counter()
    plan_type, meeting_type = ContentType.objects.get_for_model(model), ContentType.objects.get_for_model(meeting_model)
    outcome_type = ContentType.objects.get_for_model(Outcome)
    contents = PlanContent.objects.bulk_create(
        [
            PlanContent(child_id=child_id, plan_type=plan_type, plan_id=pk, contingency=CONTINGENCY)
            for pk, child_id, _, _, _ in plans
        ]
    )
    outcomes, planned = [], []  # planned: (outcome, plan row) for the actions
    for content, plan in zip(contents, plans):
        _, _, start, worker_id, _ = plan
        for what, know in rng.sample(OUTCOMES, rng.randint(*outcomes_per_plan)):
            outcome = Outcome(
                content=content,
                what_must_change=what,
                how_we_will_know=know,
                recorded_by_id=worker_id,
                by_when=start + datetime.timedelta(days=rng.randint(90, 270)),
            )
            outcomes.append(outcome)
            planned.append((outcome, plan))
    Outcome.objects.bulk_create(outcomes)
    actions = []
    for outcome, (_, child_id, start, worker_id, meeting) in planned:
        for text, kind, name in rng.sample(ACTIONS, rng.randint(2, 3)):
            due = start + datetime.timedelta(days=rng.randint(14, 120))
            action = PlanAction(
                outcome=outcome,
                child_id=child_id,
                action=text,
                owner_kind=kind,
                owner_staff_id=worker_id if kind == OwnerKind.STAFF else None,
                owner_name=name,
                due_on=due,
                added_on=start,
                recorded_by_id=worker_id,
            )
            action.meeting = meeting
            _progress(rng, action)
            actions.append(action)
    PlanAction.objects.bulk_create(actions)
    progress = [
        ActionProgress(
            action=a,
            status=a.status,
            note=a.note,
            held_on=a.meeting[1],
            meeting_type=meeting_type,
            meeting_id=a.meeting[0],
            recorded_by_id=a.recorded_by_id,
        )
        for a in actions
        if a.meeting is not None
    ]
    ActionProgress.objects.bulk_create(progress)
    # The chronology: each outcome agreed, and the progress recorded at the latest meeting.
    label = "Child protection plan" if model is ChildProtectionPlan else "Child in need plan"
    events = [
        ChronologyEvent(
            child_id=o.content.child_id,
            event_type="plan.outcome_added",
            occurred_at=_moment(plan[2]),
            significant=False,
            source_type=outcome_type,
            source_id=o.pk,
            recorded_by_id=plan[3],
            data={"plan": label, "outcome": o.what_must_change, "by_when": f"{o.by_when:%-d %B %Y}"},
        )
        for o, plan in planned
    ]
    met = {}
    for a in actions:
        if a.meeting is not None:
            met.setdefault((a.child_id, a.recorded_by_id, a.meeting), Counter())[a.status] += 1
    events += [
        ChronologyEvent(
            child_id=child_id,
            event_type="plan.progress_recorded",
            occurred_at=_moment(held_on),
            significant=False,
            source_type=meeting_type,
            source_id=meeting_id,
            recorded_by_id=worker_id,
            data={"plan": label, "summary": ", ".join(f"{n} {Progress(s).label.lower()}" for s, n in tally.items())},
        )
        for (child_id, worker_id, (meeting_id, held_on)), tally in met.items()
    ]
    ChronologyEvent.objects.bulk_create(events)
    return Counter(
        {
            "plan contents": len(contents),
            "plan outcomes": len(outcomes),
            "plan actions": len(actions),
            "plan action progress": len(progress),
        }
    )


def _progress(rng, action) -> None:
    """The status the latest meeting gave the action (none if it met before the action was agreed);
    an action with no meeting after it stays not started."""
    action.status, action.done_on, action.note = Progress.NOT_STARTED, None, ""
    meeting = action.meeting
    if meeting is None or meeting[1] < action.added_on:
        action.meeting = None
        return
    held_on = meeting[1]
    if action.due_on <= held_on:
        # Due by the meeting: mostly done; some not (overdue now, in the owner's tray).
        if rng.random() < 0.7:
            action.status, action.done_on, action.note = Progress.DONE, held_on, "Done."
        else:
            action.status, action.note = Progress.NOT_DONE, "Not done yet: the core group asked for it again."
    else:
        action.status = Progress.ON_TRACK if rng.random() < 0.65 else Progress.NOT_STARTED
        action.note = "Under way." if action.status == Progress.ON_TRACK else ""
