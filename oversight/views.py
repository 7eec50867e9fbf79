"""The Oversight tab of a child's record and the pages that record oversight and the IRO's
challenge on it; the team manager's oversight page, the challenges tray and the IRO annual
report's figures. Recording pages are declared on record areas (people.steps.RecordArea), one per
capability they need."""

from __future__ import annotations

import datetime

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from access.capabilities import Capability, may
from core import clock
from core.dates import long_date
from core.forms import parse_id
from core.permissions import require_roles
from oversight import forms, selectors, services
from oversight.choices import Category, Outcome, Stage
from oversight.key_events import key_event_for
from people.record import render_record
from people.steps import RecordArea
from timescales.calendar import london_date
from workforce.roles import Role

AREA = RecordArea(
    tab="oversight",
    caption="Management oversight",
    record_url="oversight:record",
    capability=Capability.RECORD_OVERSIGHT,
)
CHALLENGE = RecordArea(
    tab="oversight", caption="Challenge", record_url="oversight:record", capability=Capability.RAISE_CHALLENGE
)
RESPONSE = RecordArea(
    tab="oversight", caption="Challenge", record_url="oversight:record", capability=Capability.RESPOND_TO_CHALLENGE
)


@require_GET
def record(request, person_id):
    child = AREA.child(request, person_id)
    challenges = selectors.challenges_for_child(child)
    for challenge in challenges:
        challenge.current = selectors.current_stage(challenge)
        challenge.escalated = (
            challenge.current is not None and challenge.is_open and services.is_escalated(challenge.current)
        )
    return render_record(
        request,
        child,
        AREA.tab,
        "oversight/record.html",
        {
            "due": selectors.oversight_due_for_child(child),
            "entries": selectors.entries_for_child(child),
            "challenges": challenges,
            "good_practice": selectors.good_practice_for_child(child),
            "can_oversee": AREA.can_record(request.user, child),
            "can_challenge": CHALLENGE.can_record(request.user, child),
        },
    )


def _event_facts(event):
    key_event = key_event_for(event.event_type, event.data)
    return [("Key event", key_event.label if key_event else ""), ("Date", long_date(london_date(event.occurred_at)))]


oversight_new = AREA.page(
    form=forms.OversightForm,
    heading="Record management oversight",
    success="Management oversight recorded",
    service=services.oversight_record,
    find=selectors.key_event_for_child,
    arg="event",
    facts=_event_facts,
)


def _challenge_facts(challenge):
    stage = selectors.current_stage(challenge)
    facts = [
        ("Theme", challenge.get_category_display()),
        ("Raised", long_date(challenge.raised_on)),
        ("Concern", challenge.concern),
    ]
    if stage is not None:
        facts.append(
            (
                "Stage",
                f"{stage.get_stage_display()}, addressed to {stage.addressed_to.get_full_name()}, "
                f"response due by {long_date(stage.due_date)}",
            )
        )
    return facts


challenge_new = CHALLENGE.page(
    form=forms.ChallengeForm,
    heading="Raise a concern about the child’s plan",
    success="Concern raised",
    service=services.challenge_raise,
)
challenge_respond = RESPONSE.page(
    form=forms.RespondForm,
    heading="Respond to the challenge",
    success="Response recorded",
    service=services.challenge_respond,
    find=selectors.challenge_for_child,
    arg="challenge",
    facts=_challenge_facts,
)
challenge_escalate = CHALLENGE.page(
    form=forms.EscalateForm,
    heading="Escalate to the next stage",
    success="Challenge escalated",
    service=services.challenge_escalate,
    find=selectors.challenge_for_child,
    arg="challenge",
    facts=_challenge_facts,
)
challenge_close = CHALLENGE.page(
    form=forms.CloseForm,
    heading="Close the challenge",
    success="Challenge closed",
    service=services.challenge_close,
    find=selectors.challenge_for_child,
    arg="challenge",
    facts=_challenge_facts,
)
good_practice_new = CHALLENGE.page(
    form=forms.GoodPracticeForm,
    heading="Record good practice",
    success="Good practice recorded",
    service=services.good_practice_record,
)


@require_GET
def challenge(request, person_id, challenge_id):
    child = AREA.child(request, person_id)
    found = selectors.challenge_for_child(child, challenge_id)
    if found is None:
        raise Http404
    current = selectors.current_stage(found)
    return render_record(
        request,
        child,
        AREA.tab,
        "oversight/challenge.html",
        {
            "challenge": found,
            "stages": list(found.stages.all()),
            "current": current,
            "escalated": current is not None and found.is_open and services.is_escalated(current),
            "can_respond": services.may_respond(request.user, found, current),
            "can_challenge": found.is_open and may(request.user, Capability.RAISE_CHALLENGE, child),
            "last_stage": current is not None and current.stage >= Stage.DIRECTOR,
        },
    )


# --- Pages that are not one child's ---------------------------------------------------------------


@require_roles(Role.TEAM_MANAGER)
def team_oversight(request):
    user = request.user
    since = clock.today() - datetime.timedelta(days=28)
    return render(
        request,
        "oversight/team.html",
        {
            "awaiting": list(selectors.awaiting_oversight(user=user)[:200]),
            "recent": list(selectors.oversight_recorded_by(user=user, since=since)[:50]),
            "since": since,
        },
    )


CHALLENGE_ROLES = (
    Role.SOCIAL_WORKER,
    Role.TEAM_MANAGER,
    Role.SERVICE_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DIRECTOR,
    Role.IRO,
)
REPORT_ROLES = (
    Role.IRO,
    Role.QA_OFFICER,
    Role.SENIOR_LEADER,
    Role.SERVICE_MANAGER,
    Role.HEAD_OF_SERVICE,
    Role.DIRECTOR,
)


@require_roles(*CHALLENGE_ROLES)
def challenges(request):
    user = request.user
    return render(
        request,
        "oversight/challenges.html",
        {
            "waiting": list(selectors.challenges_waiting_for(user=user)[:200]),
            "raised": list(selectors.challenges_raised_by(user=user)[:200]) if user.role == Role.IRO else None,
            "can_report": user.role in REPORT_ROLES,
            "today": clock.today(),
        },
    )


def _year(request) -> tuple[int, datetime.date, datetime.date]:
    """The reporting year (1 April to 31 March) named by ?year=2026 (the year it ends), or the current one."""
    today = clock.today()
    current = today.year + 1 if today.month >= 4 else today.year
    year = parse_id(request.GET.get("year"))
    if year is None or not 2000 <= year <= current:
        year = current
    return year, datetime.date(year - 1, 4, 1), datetime.date(year, 3, 31)


@require_roles(*REPORT_ROLES)
def report(request):
    year, start, end = _year(request)
    return render(
        request,
        "oversight/report.html",
        {
            "figures": selectors.report_figures(user=request.user, start=start, end=end),
            "year": year,
            "years": list(range(year - 3, year + 1)),
        },
    )


@require_roles(*REPORT_ROLES)
def report_list(request):
    year, start, end = _year(request)
    stage = parse_id(request.GET.get("stage"))
    stage = int(request.GET["stage"]) if request.GET.get("stage") == "0" else stage
    stage = stage if stage in Stage.values else None
    category = request.GET.get("theme", "")
    category = category if category in Category.values else ""
    team = request.GET.get("team")
    team = 0 if team == "0" else parse_id(team)
    outcome = request.GET.get("outcome")
    outcome = outcome if outcome in (*Outcome.values, "open") else None
    rows = selectors.report_list(
        user=request.user,
        start=start,
        end=end,
        stage=stage,
        category=category,
        team=team,
        outcome="" if outcome == "open" else outcome,
    )
    rows = list(rows[:500])
    for row in rows:
        row.stage_label = Stage(row.reached).label if row.reached is not None else ""
    return render(
        request,
        "oversight/report_list.html",
        {
            "rows": rows,
            "year": year,
            "what": _describe(stage, category, outcome),
        },
    )


def _describe(stage, category, outcome) -> str:
    parts = []
    if stage is not None:
        parts.append(f"reached {Stage(stage).label.lower()}")
    if category:
        parts.append(f"theme {Category(category).label.lower()}")
    if outcome == "open":
        parts.append("still open")
    elif outcome:
        parts.append(Outcome(outcome).label.lower())
    return ", ".join(parts) or "all"
