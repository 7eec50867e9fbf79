"""Writes for management oversight and the IRO's challenge. Each is one transaction with its
chronology event, and refreshes the child's due items (an oversight entry closes the key event's
item; the others keep the data-quality hooks in step).

Who may: the capability table (access.capabilities) first, then what the table cannot know: a
response comes from the person the stage is addressed to, or, once it is past due and unanswered,
from the person named to take it next; a stage is addressed only to someone holding that stage's
role.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from access.capabilities import Capability, may, require
from casework.chronology import chronology_record
from casework.models import ChronologyEvent
from casework.times import local_moment
from core import clock
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from oversight.choices import LAST_STAGE, STAGE_ROLES, STAGE_WORDS, Capacity, Category, Outcome, Stage, stage_rule
from oversight.key_events import key_event_for
from oversight.models import Challenge, ChallengeStage, GoodPractice, OversightEntry, OversightStart
from people.locks import lock_child
from timescales.calendar import london_date
from timescales.engine import due_from, refresh_due_items


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(12, 0))


def _begin(actor, child, capability):
    child = lock_child(child)
    require(actor, capability, child)
    return child


def _date(checks: DateChecks, field: str, value, what: str, *, after=None, after_message: str = "") -> None:
    if checks.required(field, value, what[0].lower() + what[1:]):
        checks.not_future(field, value, what)
        checks.not_before(field, value, after, after_message)


def _text(checks: DateChecks, field: str, value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        checks.add(field, message)
    return value


# --- Management oversight -------------------------------------------------------------------------


@transaction.atomic
def oversight_start_set(*, starts_on: datetime.date, reason: str = "") -> OversightStart:
    """Configuration: key events from `starts_on` need oversight. Children's due items follow on
    their next refresh (the synthetic generator and the demo refresh as they load)."""
    start, _ = OversightStart.objects.update_or_create(pk=1, defaults={"starts_on": starts_on, "reason": reason})
    return start


@transaction.atomic
def oversight_record(
    *, actor, event: ChronologyEvent, held_on: datetime.date, decision: str, rationale: str, direction: str = ""
) -> OversightEntry:
    """The team manager's oversight of one key event: it closes the event's due item."""
    child = _begin(actor, event.child, Capability.RECORD_OVERSIGHT)
    key_event = key_event_for(event.event_type, event.data)
    if key_event is None or event.child_id != child.pk:
        raise ValidationError("This line of the chronology is not a key event that needs oversight")
    event_date = london_date(event.occurred_at)
    checks = DateChecks()
    _date(
        checks,
        "held_on",
        held_on,
        "The date of the oversight",
        after=event_date,
        after_message=f"The oversight cannot be before the {key_event.label.lower()} on {long_date(event_date)}",
    )
    decision = _text(checks, "decision", decision, "Enter the decision")
    rationale = _text(checks, "rationale", rationale, "Enter the rationale for the decision")
    checks.raise_if_any()
    if OversightEntry.objects.filter(event=event).exists():
        raise ValidationError(f"Oversight of this {key_event.label.lower()} is already recorded")
    with constraint_messages({"oversight_one_per_event": (None, "Oversight of this key event is already recorded")}):
        entry = OversightEntry.objects.create(
            child=child,
            event=event,
            key_event=key_event.key,
            event_date=event_date,
            held_on=held_on,
            decision=decision,
            rationale=rationale,
            direction=(direction or "").strip(),
            recorded_by=actor,
        )
    chronology_record(
        child=child,
        event_type="oversight.recorded",
        occurred_at=_moment(held_on),
        actor=actor,
        source=entry,
        data={
            "what": key_event.label,
            "event_date": long_date(event_date),
            "by": actor.get_full_name(),
            "decision": decision[:300],
        },
    )
    refresh_due_items(child)
    return entry


# --- The IRO's challenge --------------------------------------------------------------------------


def _check_person(checks: DateChecks, field: str, user, stage: int, child) -> None:
    """Each stage goes to someone holding its role who can answer for this child."""
    if user is None:
        checks.add(
            field,
            f"Select {STAGE_WORDS[stage]} to address it to"
            if field == "addressed_to"
            else f"Select who takes it at {Stage(stage).label.lower()} if there is no response",
        )
    elif not user.is_active or user.role not in STAGE_ROLES[stage]:
        checks.add(
            field,
            f"{user.get_full_name()} is a {user.role_label.lower()}: {Stage(stage).label.lower()} "
            f"goes to {STAGE_WORDS[stage]}",
        )
    elif not may(user, Capability.RESPOND_TO_CHALLENGE, child):
        checks.add(field, f"{user.get_full_name()} does not work with {child.full_name}: choose someone who does")


def _due(stage: int, raised_on: datetime.date) -> datetime.date:
    return due_from(stage_rule(stage), raised_on)


@transaction.atomic
def challenge_raise(
    *, actor, child, capacity: str, category: str, concern: str, raised_on: datetime.date, addressed_to, escalate_to
) -> Challenge:
    """An IRO or CP chair raises a concern informally, with the worker or their manager, and
    names the team manager who takes it at stage 1 if there is no response in time."""
    child = _begin(actor, child, Capability.RAISE_CHALLENGE)
    checks = DateChecks()
    _date(
        checks,
        "raised_on",
        raised_on,
        "The date the concern was raised",
        after=child.date_of_birth,
        after_message="The concern cannot be raised before the child was born",
    )
    if capacity not in Capacity.values:
        checks.add("capacity", "Select whether you raise it as IRO or as CP chair")
    if category not in Category.values:
        checks.add("category", "Select the theme of the concern")
    concern = _text(checks, "concern", concern, "Describe the concern")
    _check_person(checks, "addressed_to", addressed_to, Stage.INFORMAL, child)
    _check_person(checks, "escalate_to", escalate_to, Stage.TEAM_MANAGER, child)
    checks.raise_if_any()
    challenge = Challenge.objects.create(
        child=child,
        raised_by=actor,
        capacity=capacity,
        category=category,
        concern=concern,
        raised_on=raised_on,
        team_id=child.current_team_id,
    )
    stage = ChallengeStage.objects.create(
        challenge=challenge,
        stage=Stage.INFORMAL,
        addressed_to=addressed_to,
        escalate_to=escalate_to,
        raised_on=raised_on,
        due_date=_due(Stage.INFORMAL, raised_on),
        recorded_by=actor,
    )
    chronology_record(
        child=child,
        event_type="challenge.raised",
        occurred_at=_moment(raised_on),
        actor=actor,
        source=challenge,
        data={
            "by": actor.get_full_name(),
            "category": challenge.get_category_display(),
            "to": addressed_to.get_full_name(),
            "due": long_date(stage.due_date),
        },
    )
    refresh_due_items(child)
    return challenge


def _open_challenge(actor, challenge: Challenge, capability) -> tuple[Challenge, ChallengeStage]:
    _begin(actor, challenge.child, capability)
    challenge = Challenge.objects.select_for_update().select_related("child").get(pk=challenge.pk)
    if not challenge.is_open:
        raise ValidationError(f"This challenge was closed on {long_date(challenge.closed_on)}")
    current = challenge.stages.select_related("addressed_to", "escalate_to").order_by("-stage").first()
    return challenge, current


def is_escalated(stage: ChallengeStage, today: datetime.date | None = None) -> bool:
    """Past its due date, unanswered, and someone is named to take it next."""
    today = today or clock.today()
    return not stage.answered and stage.escalate_to_id is not None and stage.due_date < today


@transaction.atomic
def challenge_respond(*, actor, challenge: Challenge, response: str, responded_on: datetime.date) -> ChallengeStage:
    """The person a stage is addressed to answers it. Once it is past due and unanswered it has
    escalated to the person named for the next stage: their answer is the next stage's, which is
    recorded as raised the day after the first one fell due."""
    challenge, stage = _open_challenge(actor, challenge, Capability.RESPOND_TO_CHALLENGE)
    if stage.answered:
        raise ValidationError(
            f"{Stage(stage.stage).label} was answered on {long_date(stage.responded_on)}: "
            "the IRO decides what happens next"
        )
    if stage.addressed_to_id != actor.pk:
        if not (is_escalated(stage) and stage.escalate_to_id == actor.pk):
            raise PermissionDenied("This challenge is not addressed to you.")
        stage = _escalate(
            actor,
            challenge,
            stage,
            addressed_to=actor,
            escalate_to=None,
            raised_on=stage.due_date + datetime.timedelta(days=1),
            unanswered=True,
        )
    checks = DateChecks()
    _date(
        checks,
        "responded_on",
        responded_on,
        "The date of the response",
        after=stage.raised_on,
        after_message=f"The response cannot be before the stage was raised on {long_date(stage.raised_on)}",
    )
    response = _text(checks, "response", response, "Enter the response")
    checks.raise_if_any()
    stage.response, stage.responded_by, stage.responded_on = response, actor, responded_on
    stage.save(update_fields=["response", "responded_by", "responded_on"])
    chronology_record(
        child=challenge.child,
        event_type="challenge.responded",
        occurred_at=_moment(responded_on),
        actor=actor,
        source=challenge,
        data={"by": actor.get_full_name(), "stage": Stage(stage.stage).label},
    )
    refresh_due_items(challenge.child)
    return stage


def _escalate(actor, challenge, current, *, addressed_to, escalate_to, raised_on, unanswered) -> ChallengeStage:
    number = current.stage + 1
    with constraint_messages({"challenge_stage_once": (None, "That stage has already been raised")}):
        stage = ChallengeStage.objects.create(
            challenge=challenge,
            stage=number,
            addressed_to=addressed_to,
            escalate_to=escalate_to,
            raised_on=raised_on,
            due_date=_due(number, raised_on),
            unanswered_before=unanswered,
            recorded_by=actor,
        )
    chronology_record(
        child=challenge.child,
        event_type="challenge.escalated",
        occurred_at=_moment(raised_on),
        actor=actor,
        source=challenge,
        data={
            "stage": Stage(number).label,
            "to": addressed_to.get_full_name(),
            "due": long_date(stage.due_date),
            "unanswered": unanswered,
        },
    )
    return stage


@transaction.atomic
def challenge_escalate(
    *,
    actor,
    challenge: Challenge,
    raised_on: datetime.date,
    addressed_to,
    escalate_to=None,
) -> ChallengeStage:
    """The IRO takes the challenge to the next formal stage (the response did not resolve it, or
    none came): addressed to someone holding that stage's role, naming who takes it after."""
    challenge, current = _open_challenge(actor, challenge, Capability.RAISE_CHALLENGE)
    if current.stage >= LAST_STAGE:
        raise ValidationError("This challenge is at the last stage: close it, or refer it to Cafcass")
    number = current.stage + 1
    checks = DateChecks()
    _date(
        checks,
        "raised_on",
        raised_on,
        "The date of the escalation",
        after=current.raised_on,
        after_message=f"The escalation cannot be before the last stage was raised on {long_date(current.raised_on)}",
    )
    _check_person(checks, "addressed_to", addressed_to, number, challenge.child)
    if number < LAST_STAGE:
        _check_person(checks, "escalate_to", escalate_to, number + 1, challenge.child)
    else:
        escalate_to = None
    checks.raise_if_any()
    stage = _escalate(
        actor,
        challenge,
        current,
        addressed_to=addressed_to,
        escalate_to=escalate_to,
        raised_on=raised_on,
        unanswered=not current.answered,
    )
    refresh_due_items(challenge.child)
    return stage


def _yes_no(value) -> str:
    return {True: "yes", False: "no"}.get(value, "not recorded")


@transaction.atomic
def challenge_close(
    *,
    actor,
    challenge: Challenge,
    outcome: str,
    closed_on: datetime.date,
    child_told: bool | None,
    advocate_offered: bool | None,
    notes: str = "",
) -> Challenge:
    """The IRO closes the challenge: resolved, or referred to Cafcass (possible at any stage)."""
    challenge, current = _open_challenge(actor, challenge, Capability.RAISE_CHALLENGE)
    checks = DateChecks()
    _date(
        checks,
        "closed_on",
        closed_on,
        "The date the challenge closed",
        after=current.raised_on,
        after_message=f"The challenge cannot close before its last stage was raised on {long_date(current.raised_on)}",
    )
    if outcome not in Outcome.values:
        checks.add("outcome", "Select the outcome")
    if child_told is None:
        checks.add("child_told", "Select whether the child was told")
    if advocate_offered is None:
        checks.add("advocate_offered", "Select whether the child was offered an advocate")
    checks.raise_if_any()
    challenge.outcome, challenge.closed_on, challenge.closing_notes = outcome, closed_on, (notes or "").strip()
    challenge.child_told, challenge.advocate_offered = child_told, advocate_offered
    challenge.save(update_fields=["outcome", "closed_on", "closing_notes", "child_told", "advocate_offered"])
    chronology_record(
        child=challenge.child,
        event_type="challenge.closed",
        occurred_at=_moment(closed_on),
        actor=actor,
        source=challenge,
        data={
            "outcome": challenge.get_outcome_display(),
            "told": _yes_no(child_told),
            "advocate": _yes_no(advocate_offered),
        },
    )
    refresh_due_items(challenge.child)
    return challenge


@transaction.atomic
def good_practice_record(*, actor, child, noted_on: datetime.date, note: str, worker=None) -> GoodPractice:
    child = _begin(actor, child, Capability.RAISE_CHALLENGE)
    checks = DateChecks()
    _date(
        checks,
        "noted_on",
        noted_on,
        "The date",
        after=child.date_of_birth,
        after_message="Good practice cannot be noted before the child was born",
    )
    note = _text(checks, "note", note, "Describe the good practice")
    checks.raise_if_any()
    entry = GoodPractice.objects.create(child=child, noted_on=noted_on, worker=worker, note=note, recorded_by=actor)
    chronology_record(
        child=child,
        event_type="good_practice.noted",
        occurred_at=_moment(noted_on),
        actor=actor,
        source=entry,
        data={"by": actor.get_full_name(), "worker": worker.get_full_name() if worker else ""},
    )
    refresh_due_items(child)
    return entry


def may_respond(user, challenge: Challenge, stage: ChallengeStage | None) -> bool:
    """For the page's "Respond" link: the same answer challenge_respond gives, without writing."""
    if stage is None or stage.answered or not challenge.is_open:
        return False
    if not may(user, Capability.RESPOND_TO_CHALLENGE, challenge.child):
        return False
    return stage.addressed_to_id == user.pk or (is_escalated(stage) and stage.escalate_to_id == user.pk)
