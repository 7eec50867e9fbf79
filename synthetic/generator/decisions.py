"""Decisions that need a manager for the generated authority (decisions.models.ManagerDecision),
written in bulk after the children with their chronology lines, as the services would have left
them: about one open case in ten (at least 16 in a small authority) asked its team manager for a
decision in the last year. Most were
authorised (a few of them late), some are waiting (some within the 5 working days, some past
them), some were returned and are waiting for the worker, and some were returned and resubmitted,
then authorised or waiting again. A placement is asked for only for a child who came into care.
The due items (the manager's tray) are made by the engine with everyone else's (generate()).

Plain values from one seeded random source, so the same seed gives the same decisions."""

from __future__ import annotations

import datetime
import random
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from casework.models import Allocation, ChronologyEvent
from children_in_need.models import CINEpisode
from decisions.models import Kind, ManagerDecision, Status
from people.models import Person
from workforce.models import User

PROPOSALS = {
    Kind.PLAN: (
        "Change the plan: move contact with father to supervised at the family centre.",
        "He missed three contacts and the child was upset after the last one.",
    ),
    Kind.CLOSURE: ("Close the case.", "The plan's outcomes are met and the family agree."),
    Kind.STEP_DOWN: (
        "Step down to early help at the next review.",
        "Risks have reduced; the family are working with the family support worker.",
    ),
    Kind.TRANSFER: ("Transfer the case to the children in care team.", "The child is now looked after."),
    Kind.PLACEMENT: (
        "Move to the kinship carers, the child's aunt.",
        "The aunt is approved and the child asks to live there.",
    ),
}
AUTHORISED = [
    "Agreed: the assessment supports it and the child's views were heard.",
    "Agreed, with a review in 6 weeks.",
    "Agreed: the risks are managed by the safety plan.",
]
RETURNED = [
    "Ask the school for their view first.",
    "The child's wishes are not recorded: see them alone first.",
    "Say how the risks will be managed after it.",
]
MINIMUM = 16
RESUBMITTED = "Changed as the manager asked: the school's view and the child's wishes are recorded."


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def write_decisions(seed: int, today: datetime.date, open_ids) -> Counter:
    rng = random.Random(seed * 15_485_863 + 14)
    # Open cases (an open child in need episode) held by a worker in a team with a manager, each
    # with the day the worker's allocation began: nothing is asked before the case was theirs.
    allocated = Allocation.objects.filter(child_id=OuterRef("pk"), end_date__isnull=True).order_by("-start_date")
    candidates = list(
        Person.objects.filter(pk__in=open_ids, current_worker__isnull=False, current_team__manager__isnull=False)
        .filter(Exists(CINEpisode.objects.filter(child_id=OuterRef("pk"), end_date__isnull=True)))
        .annotate(since=Subquery(allocated.values("start_date")[:1]))
        .filter(since__lte=today - datetime.timedelta(days=2))
        .order_by("pk")
        .values_list("pk", "current_worker_id", "current_team__manager_id", "since")
    )
    in_care = set(
        ChronologyEvent.objects.filter(
            child_id__in=[c[0] for c in candidates], event_type="looked_after.started"
        ).values_list("child_id", flat=True)
    )
    # One in ten, but enough in a small authority for every state to be there.
    rate = max(1 / 10, min(1.0, MINIMUM / max(len(candidates), 1)))
    decisions, steps = [], []
    for child_id, worker_id, manager_id, since in candidates:
        if worker_id == manager_id or rng.random() >= rate:
            continue
        kinds = [k for k in Kind if k != Kind.PLACEMENT or child_id in in_care]
        # Where each one is: a golden-ratio sequence, so even a handful covers every state.
        fate = (len(decisions) + 1) * 0.618034 % 1
        decision, planned = _plan_one(rng, today, fate, since, child_id, rng.choice(kinds), worker_id, manager_id)
        decisions.append(decision)
        steps.append(planned)
    ManagerDecision.objects.bulk_create(decisions)
    # Everyone who took a step: a request returned and resubmitted, still waiting, has no decider
    # on the row but its manager returned it once.
    names = {
        pk: (first, last)
        for pk, first, last in User.objects.filter(
            pk__in={by for planned in steps for _, _, by, _ in planned}
        ).values_list("pk", "first_name", "last_name")
    }
    kind = ContentType.objects.get_for_model(ManagerDecision)
    events = [
        ChronologyEvent(
            child_id=d.child_id,
            event_type=f"decision.{step}",
            occurred_at=at,
            significant=step == "authorised",
            source_type=kind,
            source_id=d.pk,
            recorded_by_id=by,
            data={"kind": d.get_kind_display(), "by": " ".join(names[by]).strip(), **data},
        )
        for d, planned in zip(decisions, steps)
        for step, at, by, data in planned
    ]
    ChronologyEvent.objects.bulk_create(events)
    return Counter(
        {
            "manager decisions": len(decisions),
            "manager decisions waiting": sum(d.status == Status.SUBMITTED for d in decisions),
        }
    )


def _plan_one(rng, today, fate, since, child_id, kind, worker_id, manager_id):
    """The decision as it stands today, and its steps (event type, when, by whom, what) oldest
    first, none before `since` (the allocation) nor after yesterday once decided."""
    proposal, reason = PROPOSALS[kind]
    decision = ManagerDecision(
        child_id=child_id, kind=kind, proposal=proposal, reason=reason, submitted_by_id=worker_id
    )
    if fate < 0.15:  # waiting, within the 5 working days
        submitted = today - datetime.timedelta(days=rng.randint(1, 3))
    elif fate < 0.3:  # waiting past the 5 working days: overdue in the manager's tray
        submitted = today - datetime.timedelta(days=rng.randint(12, 40))
    else:
        submitted = today - datetime.timedelta(days=rng.randint(20, 330))
    submitted = max(submitted, since)
    decision.submitted_at = _moment(submitted, 10)
    steps = [("submitted", decision.submitted_at, worker_id, {"proposal": proposal})]
    if fate < 0.3:
        return decision, steps
    yesterday = today - datetime.timedelta(days=1)
    decided = min(yesterday, submitted + datetime.timedelta(days=rng.choice((0, 1, 2, 3, 4, 6, 9, 14))))  # a few late
    if fate < 0.75:
        _decide(decision, steps, Status.AUTHORISED, manager_id, decided, rng.choice(AUTHORISED))
        return decision, steps
    _decide(decision, steps, Status.RETURNED, manager_id, decided, rng.choice(RETURNED))
    if fate < 0.85 or decided >= yesterday:  # returned, waiting for the worker
        return decision, steps
    resubmitted = min(yesterday, decided + datetime.timedelta(days=rng.randint(1, 10)))
    decision.proposal, decision.reason, decision.round = f"{proposal} {RESUBMITTED}", reason, 2
    decision.status, decision.decided_by_id, decision.decided_at, decision.rationale = Status.SUBMITTED, None, None, ""
    decision.submitted_at = _moment(resubmitted, 11)
    steps.append(("resubmitted", decision.submitted_at, worker_id, {"proposal": decision.proposal}))
    if fate < 0.93:  # waiting again (past its date if resubmitted more than a week ago)
        return decision, steps
    _decide(
        decision,
        steps,
        Status.AUTHORISED,
        manager_id,
        min(yesterday, resubmitted + datetime.timedelta(days=rng.randint(0, 4))),
        rng.choice(AUTHORISED),
    )
    return decision, steps


def _decide(decision, steps, status, manager_id, day, rationale) -> None:
    decision.status, decision.decided_by_id, decision.rationale = status, manager_id, rationale
    decision.decided_at = max(_moment(day, 15), decision.submitted_at)
    steps.append((status.value, decision.decided_at, manager_id, {"rationale": rationale}))
