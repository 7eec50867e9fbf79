"""What the auditor saw, frozen when the audit starts, so later edits to the record do not change
what was judged; and the compliance part, counted from the record (its due items), kept apart
from the auditor's judgement (PRACTICE.md section 3).

Compliance, from the child's due items (timescales): visits in time (no visit overdue under the
child's visiting standard), reviews and plans in date (no review or plan overdue), case supervision
recorded within its standard. Each is None when the child has no item of that kind at all."""

from __future__ import annotations

import datetime

from django.db.models import Q

from casework.chronology import describe
from casework.models import ChronologyEvent
from core import clock
from timescales.models import DueItem
from timescales.rules import RULES

RECENT_EVENTS = 25
DUE_SHOWN = 30

# Named, as trays.selectors names the visiting standards; only codes the rules table defines are
# kept, so a renamed rule fails loudly in tests.
VISIT_RULES = tuple(
    code
    for code in (
        "cin_visit",
        "cp_visit",
        "reg28_visit",
        "reg28_visit_longterm_3m",
        "reg28_pwp",
        "reg28_pwp_6w",
        "reg28_connected_ico",
        "reg28_connected_ico_4w",
        "reg28_care_order_home",
        "reg28_short_breaks",
        "pf_first_visit_7wd",
        "pf_visit_6w",
        "pf_visit_12w",
        "adoption_visit",
    )
    if code in RULES
)
REVIEW_RULES = tuple(
    code
    for code in (
        "cin_plan_review",
        "core_group",
        "rcpc",
        "care_plan_10wd",
        "la_review",
        "la_review_short_breaks",
        "pep_10wd",
        "pep_review",
        "pathway_plan_3m",
        "pathway_plan_review_6m",
        "adoption_review_not_placed",
        "adoption_review_placed",
    )
    if code in RULES
)
SUPERVISION_RULES = ("case_supervision",)
COMPLIANCE = {
    "visits_in_time": ("Visits in time", VISIT_RULES),
    "reviews_in_time": ("Reviews and plans in date", REVIEW_RULES),
    "supervision_in_time": ("Case supervision within its standard", SUPERVISION_RULES),
}


def compliance(child) -> dict[str, bool | None]:
    """{field: in time?} for the child today; None where no rule of that kind applies to them."""
    today = clock.today()
    rows = list(
        DueItem.objects.filter(person_id=child.pk)
        .filter(Q(rule_code__in=VISIT_RULES) | Q(rule_code__in=REVIEW_RULES) | Q(rule_code__in=SUPERVISION_RULES))
        .values_list("rule_code", "due_date", "completed_at")
    )
    out = {}
    for field, (_, codes) in COMPLIANCE.items():
        mine = [(due, done) for code, due, done in rows if code in codes]
        out[field] = None if not mine else not any(done is None and due < today for due, done in mine)
    return out


def take(child) -> dict:
    """The child's summary, their plans, reviews and visits due (and recently met), and their
    recent work as the chronology tells it, as plain values."""
    from people.models import Person

    child = Person.objects.select_related("current_team", "current_worker").get(pk=child.pk)
    today = clock.today()
    since = today - datetime.timedelta(days=183)
    due = (
        DueItem.objects.filter(person_id=child.pk)
        .filter(Q(completed_at__isnull=True) | Q(due_date__gte=since))
        .order_by("-due_date", "-id")[:DUE_SHOWN]
    )
    events = ChronologyEvent.objects.filter(child_id=child.pk).order_by("-occurred_at", "-id")[:RECENT_EVENTS]
    return {
        "taken_at": clock.now().isoformat(),
        "summary": {
            "name": child.full_name,
            "la_id": child.la_id or "",
            "date_of_birth": child.date_of_birth.isoformat() if child.date_of_birth else "",
            "team": str(child.current_team) if child.current_team_id else "",
            "worker": str(child.current_worker) if child.current_worker_id else "",
        },
        "due": [
            {
                "title": d.title,
                "due_date": d.due_date.isoformat(),
                "trigger": d.trigger_description,
                "met": d.completed_at.date().isoformat() if d.completed_at else "",
                "overdue": d.completed_at is None and d.due_date < today,
            }
            for d in due
        ],
        "recent": [{"on": e.occurred_at.date().isoformat(), "text": describe(e)[:600]} for e in events],
    }
