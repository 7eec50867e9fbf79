"""Supervision for the generated authority, written in bulk after the children: each generated
social worker's last three sessions with their team manager, each discussing up to two of their
open cases with actions. Most workers are supervised every 4 weeks; some are late, a few have
nothing recorded for months; most actions are done, some are carried forward, some are overdue.
The due items of the case actions are made by the engine with everyone else's (generate()).

Plain values from one seeded random source, so the same seed gives the same supervision."""

from __future__ import annotations

import datetime
import random
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from casework.models import ChronologyEvent
from people.models import Person
from supervision.models import CaseAction, CaseDiscussion, SupervisionAction, SupervisionSession
from workforce.models import User
from workforce.roles import Role

DIRECTIONS = [
    ("Visit within 10 working days and see the child alone.", "The child's view has not been heard since the review."),
    ("Complete the assessment by its due date.", "Drift: the assessment has run past its plan."),
    ("Hold a core group before the review conference.", "Agencies disagree about progress on the plan."),
    ("Step down to a child in need plan at the review.", "Risks have reduced and the family are engaging."),
]
ACTIONS = ["See the child alone", "Chase the school's report", "Arrange a family network meeting", "Update the plan"]


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _pattern(rng) -> tuple[int, int]:
    """Days since the last session, and days between sessions: regular, late or missing."""
    roll = rng.random()
    if roll < 0.75:
        return rng.randint(1, 26), rng.randint(24, 30)
    if roll < 0.92:
        return rng.randint(33, 60), rng.randint(28, 45)
    return rng.randint(90, 150), rng.randint(28, 60)


def write_supervision(seed: int, today: datetime.date, open_ids) -> Counter:
    rng = random.Random(seed * 104729 + 3)
    workers = list(
        User.objects.filter(
            username__startswith="gen.", role=Role.SOCIAL_WORKER, is_active=True, team__manager__isnull=False
        )
        .select_related("team")
        .order_by("pk")
    )
    cases = defaultdict(list)
    for worker_id, child_id in (
        Person.objects.filter(pk__in=open_ids, current_worker__in=workers)
        .order_by("pk")
        .values_list("current_worker_id", "pk")
    ):
        cases[worker_id].append(child_id)
    sessions, plans = [], []
    for worker in workers:
        since, gap = _pattern(rng)
        held = [today - datetime.timedelta(days=since + gap * n) for n in (2, 1, 0)]
        for day in held:
            signed = day < today - datetime.timedelta(days=3) or rng.random() < 0.5
            agrees = rng.random() > 0.05
            sessions.append(
                SupervisionSession(
                    supervisee=worker,
                    supervisor_id=worker.team.manager_id,
                    held_on=day,
                    recorded_by_id=worker.team.manager_id,
                    wellbeing="Discussed wellbeing and time owed.",
                    workload=f"{len(cases[worker.pk])} open cases reviewed.",
                    learning="Agreed a training need.",
                    reflection="Reflected on a recent visit.",
                    supervisor_signed_at=_moment(day, 16) if signed else None,
                    supervisee_signed_at=_moment(day + datetime.timedelta(days=1), 9) if signed else None,
                    supervisee_agrees=agrees if signed else None,
                    supervisee_comment="" if agrees else "I disagree with how my caseload is described.",
                )
            )
            plans.append((worker, rng.sample(cases[worker.pk], min(2, len(cases[worker.pk])))))
    SupervisionSession.objects.bulk_create(sessions)
    discussions, prof_actions = [], []
    for session, (worker, children) in zip(sessions, plans):
        prof_actions.append(
            SupervisionAction(
                session=session,
                action="Book the agreed training",
                owner=worker,
                recorded_by_id=session.supervisor_id,
                due_on=session.held_on + datetime.timedelta(days=28),
            )
        )
        for child_id in children:
            direction, rationale = DIRECTIONS[rng.randrange(len(DIRECTIONS))]
            discussions.append(
                CaseDiscussion(
                    session=session,
                    child_id=child_id,
                    recorded_by_id=session.supervisor_id,
                    situation="Situation reviewed against the plan.",
                    analysis="Risk and progress weighed with the worker.",
                    direction=direction,
                    rationale=rationale,
                )
            )
    CaseDiscussion.objects.bulk_create(discussions)
    actions, open_by_child = [], defaultdict(list)
    for discussion in discussions:  # each worker's sessions were made oldest first
        for earlier in open_by_child.pop(discussion.child_id, []):  # still open: carried forward to this one
            earlier.carried_to = discussion
        held = discussion.session.held_on
        for n in range(rng.randint(1, 2)):
            due = held + datetime.timedelta(days=rng.randint(7, 35))
            done = due < today and rng.random() < 0.7
            owner = discussion.session.supervisee_id if n == 0 else discussion.session.supervisor_id
            action = CaseAction(
                discussion=discussion,
                child_id=discussion.child_id,
                action=ACTIONS[rng.randrange(len(ACTIONS))],
                owner_id=owner,
                due_on=due,
                recorded_by_id=discussion.session.supervisor_id,
                done_on=min(today, due + datetime.timedelta(days=rng.randint(-5, 6))) if done else None,
                done_by_id=owner if done else None,
            )
            actions.append(action)
            if action.done_on is None:
                open_by_child[discussion.child_id].append(action)
    CaseAction.objects.bulk_create(actions)
    SupervisionAction.objects.bulk_create(prof_actions)
    kind = ContentType.objects.get_for_model(CaseDiscussion)
    managers = User.objects.in_bulk({w.team.manager_id for w in workers})
    ChronologyEvent.objects.bulk_create(
        [
            ChronologyEvent(
                child_id=d.child_id,
                event_type="supervision.case_discussed",
                occurred_at=_moment(d.session.held_on, 9),
                significant=True,
                source_type=kind,
                source_id=d.pk,
                recorded_by_id=d.session.supervisor_id,
                data={
                    "supervisor": _full(managers[d.session.supervisor_id]),
                    "supervisee": _full(d.session.supervisee),
                    "direction": d.direction,
                    "actions": sum(1 for a in actions if a.discussion is d),
                    "carried": 0,
                },
            )
            for d in discussions
        ]
    )
    return Counter(
        {
            "supervision sessions": len(sessions),
            "case discussions": len(discussions),
            "case supervision actions": len(actions),
        }
    )


def _full(user) -> str:
    return user.get_full_name() or user.username
