"""The demo's supervision, recorded through the supervision services as a manager's clicks would:
each team manager's last few sessions with their social workers, each discussing two of the
worker's children with actions, some done, some carried forward, some overdue.

- Amara Okafor (Assessment Team North): supervised every 4 weeks; her last record is signed by
  both, and one case action from it is overdue.
- Ben Brown (agency): his last supervision was 7 weeks ago, so it is overdue on My team.
- Yusuf Ali: newly qualified (ASYE started 3 months ago), so supervised fortnightly.
- Sophie Clarke: her last supervision is written but not yet signed.
- Piotr Nowak: signed, with a disagreement recorded.

Idempotent: it does nothing when any supervision is recorded.
"""

import datetime

from core import clock
from supervision import services
from supervision.models import CaseAction, SupervisionSession
from workforce.models import User

# worker -> (days ago of each session, oldest first)
PLAN = {
    "sw.okafor": (84, 56, 28, 6),
    "sw.brown": (105, 77, 49),
    "sw.ali": (40, 26, 12),
    "sw.clarke": (60, 32, 4),
    "sw.nowak": (63, 35, 8),
}
MANAGER_OF = {
    "sw.okafor": "tm.hughes",
    "sw.brown": "tm.hughes",
    "sw.ali": "tm.wright",
    "sw.clarke": "tm.wright",
    "sw.nowak": "tm.osei",
}

SESSION_TEXT = {
    "wellbeing": "Managing well overall; a difficult week after a hostile home visit. Talked about using the duty "
    "debrief and taking the time owed.",
    "workload": "Caseload reviewed child by child: manageable, with two cases in pre-proceedings taking most time.",
    "learning": "Wants the court skills course and to shadow an experienced worker at an ICPC.",
    "reflection": "Reflected on how the family's history of services shapes their trust in us, and how to name "
    "concerns plainly without losing the relationship.",
}
CASE_TEXT = [
    {
        "situation": "Living with mother and younger sibling. School attendance 84% this term; health visitor "
        "involved.",
        "analysis": "Neglect concerns reducing: home conditions improved at the last two "
        "visits. Risk remains around mother's mental health.",
        "direction": "Continue the plan; visit within 10 working days and see the child alone.",
        "rationale": "Progress is real but recent; the child's own view has not been heard since the last review.",
    },
    {
        "situation": "Staying with maternal grandmother after the incident last month; contact with father supervised.",
        "analysis": "Protective factors strong at grandmother's; the risk is drift while the assessment is unfinished.",
        "direction": "Complete the assessment by its due date; hold a family network meeting first.",
        "rationale": "The arrangement is informal and needs a plan the family and the authority agree.",
    },
]
ACTIONS = [
    "See the child alone at school",
    "Chase the health visitor's report",
    "Arrange the family network meeting",
    "Update the chronology and the plan",
]


def load_demo_supervision(staff: dict) -> bool:
    if SupervisionSession.objects.exists():
        return False
    today = clock.today()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    User.objects.filter(pk=staff["sw.ali"].pk).update(asye_started_on=ago(90))
    for username, days_ago in PLAN.items():
        worker, manager = User.objects.get(pk=staff[username].pk), staff[MANAGER_OF[username]]
        children = _children_of(worker)
        for n, days in enumerate(days_ago):
            last = n == len(days_ago) - 1
            session = services.supervision_record(actor=manager, supervisee=worker, held_on=ago(days), **SESSION_TEXT)
            services.supervision_action_add(
                actor=manager,
                session=session,
                action="Book the court skills course",
                owner="supervisee",
                due_on=ago(days) + datetime.timedelta(days=21),
            )
            for i, child in enumerate(children):
                actions = [
                    {
                        "action": ACTIONS[(n + i) % len(ACTIONS)],
                        "owner": "supervisee",
                        "due_on": ago(days) + datetime.timedelta(days=5 if last else 14),
                    },
                    {"action": ACTIONS[(n + i + 1) % len(ACTIONS)], "owner": "supervisor", "due_on": None},
                ]
                services.case_discussion_record(
                    actor=manager, session=session, child=child, actions=actions, **CASE_TEXT[i % len(CASE_TEXT)]
                )
            if not last:
                _done_on_time(session, manager, worker)
            if not (last and username == "sw.clarke"):
                services.supervision_sign(actor=manager, session=session)
                disagree = last and username == "sw.nowak"
                services.supervision_countersign(
                    actor=worker,
                    session=session,
                    agrees=not disagree,
                    comment="The caseload figure leaves out my two court cases." if disagree else "",
                )
    return True


def _children_of(worker):
    from people.models import Person

    return list(Person.objects.filter(current_worker=worker, is_child=True).order_by("pk")[:2])


def _done_on_time(session, manager, worker):
    """Most actions of an earlier session were done: all but the supervisor's first, which is left
    open and carried forward (late)."""
    for action in CaseAction.objects.filter(discussion__session=session).order_by("pk")[1:]:
        done_by = manager if action.owner_id == manager.pk else worker
        services.case_action_done(actor=done_by, action=action, done_on=min(action.due_on, clock.today()))
    for action in session.actions.all():
        services.supervision_action_done(actor=worker, action=action, done_on=min(action.due_on, clock.today()))
