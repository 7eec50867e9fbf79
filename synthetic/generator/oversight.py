"""Management oversight and the IRO's challenges of a generated authority, after its children
are written: one pass over the key events in the chronology and the open cases, written with
bulk inserts (no services, no chronology lines: the cost stays a few seconds on the large build).

- Oversight (of the key events of the last year: oversight.models.OversightStart): most have the
  team manager's oversight, a few given late; some recent ones (and a few older) have none, so the managers' trays and the data-quality page show the gap.
- Challenges: about one in four open cases in care or on a plan had an IRO challenge in the last
  year: most resolved informally, some escalated by the IRO to stage 1 or 2, a few referred to
  Cafcass, some still waiting (and, past their due date, escalated to the named manager's tray).
"""

from __future__ import annotations

import datetime
import random
from collections import Counter

from casework.models import ChronologyEvent
from core.clock import LONDON
from oversight.choices import Category, Stage
from oversight.key_events import key_event_for, key_events_q
from oversight.models import Challenge, ChallengeStage, OversightEntry, OversightStart
from oversight.services import oversight_start_set
from people.models import Person
from timescales.engine import due_from
from workforce.models import User
from workforce.roles import Role

DECISIONS = [
    "Agreed: the plan stands.",
    "Agreed, with the actions below.",
    "Not agreed: revisit the plan.",
    "Agreed: risk is managed by the safety plan.",
]
RATIONALES = [
    "The child's views and the risks were weighed at supervision.",
    "The assessment supports it; the family network was considered.",
    "The placement met the child's needs less well than the new one will.",
]
DIRECTIONS = ["Visit within 5 working days and update the plan.", "Discuss at the next case supervision.", ""]
CONCERNS = {
    Category.CARE_PLANNING: "The care plan does not say what happens if the placement ends.",
    Category.PLAN_NOT_IMPLEMENTED: "Actions from the last review have not been done.",
    Category.DRIFT_AND_DELAY: "Permanence has not moved since the last review.",
    Category.NO_EXIT_PLAN: "There is no plan for leaving care.",
    Category.NO_ALLOCATED_WORKER: "The child has had no allocated social worker for six weeks.",
    Category.POOR_PRACTICE: "Statutory visits were missed and not recorded.",
    Category.PARTICIPATION: "The child was not consulted before the review.",
}


def generate_oversight(seed: int, today: datetime.date) -> Counter:
    rng = random.Random(seed * 7_919 + 14)
    counts = Counter()
    managers = _senior_managers(seed)
    # The authority has asked for oversight of key events for the last year at least.
    start = OversightStart.objects.values_list("starts_on", flat=True).first()
    year_ago = today - datetime.timedelta(days=365)
    if start is None or start > year_ago:
        oversight_start_set(starts_on=year_ago, reason="Synthetic authority: oversight asked for over the last year.")
        start = year_ago
    counts["oversight_entries"] = _entries(rng, today, start)
    counts["challenges"] = _challenges(rng, today, managers)
    return counts


def _senior_managers(seed: int) -> dict:
    """One service manager, head of service and director for the generated authority; and a
    senior leader and a QA officer, who read its figures (the benchmark's leader's dashboard)."""
    out = {}
    for role in (Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.DIRECTOR, Role.SENIOR_LEADER, Role.QA_OFFICER):
        username = f"gen{seed}.{role}"
        out[role], _ = User.objects.get_or_create(
            username=username,
            defaults={
                "first_name": Role(role).label.split()[0],
                "last_name": f"Generated {seed}",
                "role": role,
                "job_title": Role(role).label,
                "password": "!",
            },
        )
    return out


def _entries(rng, today, start) -> int:
    events = ChronologyEvent.objects.filter(key_events_q(), child__la_id__startswith="G", occurred_at__date__gte=start)
    rows = events.order_by("pk").values_list(
        "pk", "child_id", "event_type", "data", "occurred_at", "child__current_team__manager_id", "recorded_by_id"
    )
    recent = today - datetime.timedelta(days=60)
    batch, written = [], 0
    for pk, child_id, event_type, data, occurred_at, manager_id, recorded_by in rows.iterator(chunk_size=5_000):
        key_event = key_event_for(event_type, data)
        day = occurred_at.astimezone(LONDON).date()
        missing = 0.04 if day < recent else 0.2
        if key_event is None or rng.random() < missing:
            continue
        held_on = day + datetime.timedelta(days=rng.choice((0, 1, 2, 3, 4, 5, 6, 9, 14)))
        if held_on > today:
            continue
        batch.append(
            OversightEntry(
                child_id=child_id,
                event_id=pk,
                key_event=key_event.key,
                event_date=day,
                held_on=held_on,
                decision=rng.choice(DECISIONS),
                rationale=rng.choice(RATIONALES),
                direction=rng.choice(DIRECTIONS),
                recorded_by_id=manager_id or recorded_by,
            )
        )
        if len(batch) >= 5_000:
            written += len(OversightEntry.objects.bulk_create(batch))
            batch = []
    if batch:
        written += len(OversightEntry.objects.bulk_create(batch))
    return written


def _challenges(rng, today, managers) -> int:
    iros = list(
        User.objects.filter(role=Role.IRO, username__startswith="gen").order_by("pk").values_list("pk", flat=True)
    )
    children = list(
        Person.objects.filter(
            la_id__startswith="G",
            is_child=True,
            current_worker__isnull=False,
            current_team__manager__isnull=False,
            date_of_death__isnull=True,
        )
        .filter(chronology__event_type__in=("looked_after.started", "conference.held"))
        .distinct()
        .order_by("pk")
        .values_list("pk", "current_worker_id", "current_team_id", "current_team__manager_id")
    )
    if not iros:
        return 0
    made = []
    for child_id, worker_id, team_id, manager_id in children:
        if rng.random() >= 1 / 4:
            continue
        # Where in the process each one is: a golden-ratio sequence, so even a handful of
        # challenges covers every point (waiting, resolved informally, escalated, at stage 2).
        fate = (len(made) + 1) * 0.618034 % 1
        made.append(_plan_one(rng, today, child_id, worker_id, team_id, manager_id, rng.choice(iros), managers, fate))
    Challenge.objects.bulk_create([challenge for challenge, _ in made])
    stages = []
    for challenge, planned in made:
        for stage in planned:
            stage.challenge_id = challenge.pk  # known once the challenges are inserted
            stages.append(stage)
    ChallengeStage.objects.bulk_create(stages)
    return len(made)


def _plan_one(rng, today, child_id, worker_id, team_id, manager_id, iro_id, managers, fate):
    category = rng.choice(list(Category))
    if fate < 0.1:  # raised this week: waiting, not yet due
        raised = today - datetime.timedelta(days=rng.randint(1, 7))
    elif fate < 0.25:  # nobody answered: past due, so escalated to the manager named next
        raised = today - datetime.timedelta(days=rng.randint(20, 120))
    else:
        raised = today - datetime.timedelta(days=rng.randint(30, 330))
    challenge = Challenge(
        child_id=child_id,
        raised_by_id=iro_id,
        capacity="iro",
        category=category,
        concern=CONCERNS[category],
        raised_on=raised,
        team_id=team_id,
    )
    informal = _stage(Stage.INFORMAL, worker_id, manager_id, raised, iro_id)
    stages = [informal]
    if fate < 0.25:
        return challenge, stages  # waiting: past its due date it has escalated to the manager
    answered = min(today, informal.due_date - datetime.timedelta(days=rng.randint(0, 6)))
    _answer(informal, worker_id, answered)
    last = informal
    if fate >= 0.55:  # the answer did not resolve it: stage 1, and for some stage 2
        raised_1 = min(today, answered + datetime.timedelta(days=rng.randint(1, 5)))
        last = _stage(Stage.TEAM_MANAGER, manager_id, managers[Role.SERVICE_MANAGER].pk, raised_1, iro_id)
        stages.append(last)
        if fate >= 0.8:
            raised_2 = min(today, last.due_date + datetime.timedelta(days=1))
            if raised_2 < today:
                last = _stage(
                    Stage.SERVICE_MANAGER,
                    managers[Role.SERVICE_MANAGER].pk,
                    managers[Role.HEAD_OF_SERVICE].pk,
                    raised_2,
                    iro_id,
                )
                stages.append(last)
            return challenge, stages  # open at stage 1 or 2
        _answer(last, manager_id, min(today, last.raised_on + datetime.timedelta(days=rng.randint(2, 9))))
    closed = min(today, last.responded_on + datetime.timedelta(days=rng.randint(0, 5)))
    challenge.outcome = "cafcass" if rng.random() < 0.05 else "resolved"
    challenge.closed_on, challenge.child_told, challenge.advocate_offered = (
        closed,
        rng.random() < 0.85,
        rng.random() < 0.7,
    )
    return challenge, stages


def _stage(stage, addressed_to, escalate_to, raised_on, recorded_by) -> ChallengeStage:
    rule = "drp_informal" if stage == Stage.INFORMAL else "drp_stage"
    return ChallengeStage(
        stage=stage,
        addressed_to_id=addressed_to,
        escalate_to_id=escalate_to,
        raised_on=raised_on,
        due_date=due_from(rule, raised_on),
        recorded_by_id=recorded_by,
    )


def _answer(stage, by, on) -> None:
    stage.responded_by_id, stage.responded_on = by, max(on, stage.raised_on)
    stage.response = "Agreed actions are in the plan and will be reviewed at supervision."
