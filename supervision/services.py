"""Writes for supervision. Each is one transaction; a case discussion writes its chronology event
and refreshes the child's due items in the same one (its actions are due items in their owner's
tray, supervision.providers).

A supervisor is the manager of the supervisee's team (access.capabilities: RECORD_SUPERVISION,
then `supervisees_of`). The supervisor records the session, its actions and the case discussions
while it is open, then signs it; the supervisee signs after, agreeing or recording their
disagreement. A signed session is not changed: its actions are still marked done.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404

from access.capabilities import Capability, require
from access.selectors import can_view_person
from casework.chronology import chronology_record
from casework.times import local_moment
from core import clock
from core.constraints import constraint_messages
from core.dates import DateChecks, long_date
from people.locks import lock_child
from supervision.models import CaseAction, CaseDiscussion, SupervisionAction, SupervisionSession
from supervision.selectors import supervisees_of
from timescales.engine import due_from, refresh_due_items

OWNER_SUPERVISEE, OWNER_SUPERVISOR = "supervisee", "supervisor"
OWNERS = (OWNER_SUPERVISEE, OWNER_SUPERVISOR)


def _moment(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time(9, 0))


def _text(value) -> str:
    return (value or "").strip()


def _locked_session(actor, session: SupervisionSession, *, supervisor: bool = True) -> SupervisionSession:
    """The session locked for the transaction; 404 unless the actor is its supervisor (or, with
    supervisor=False, its supervisee): nobody else writes to a supervision record."""
    session = (
        SupervisionSession.objects.select_for_update().select_related("supervisee", "supervisor").get(pk=session.pk)
    )
    if actor.pk != (session.supervisor_id if supervisor else session.supervisee_id):
        raise Http404
    return session


def _require_open(session: SupervisionSession) -> None:
    if not session.is_open:
        raise ValidationError(f"{session.supervisor} has signed this supervision record: it can no longer be changed")


def _not_carried_past(held_on: datetime.date, via: str = "carried_to__held_on") -> Q:
    """Open actions not yet carried to a session held after `held_on` (one written up late for
    an earlier date does not take them back)."""
    return Q(carried_to__isnull=True) | Q(**{f"{via}__lte": held_on})


def _started(worker) -> tuple[datetime.date | None, str]:
    """When the worker started, if the staff record knows: in the service, or else their ASYE."""
    if worker is None:
        return None, ""
    if worker.started_on is not None:
        return worker.started_on, "started in the service"
    return worker.asye_started_on, "started their ASYE"


def _owner(session: SupervisionSession, owner: str, field: str, checks: DateChecks):
    if owner == OWNER_SUPERVISEE:
        return session.supervisee
    if owner == OWNER_SUPERVISOR:
        return session.supervisor
    checks.add(field, "Select who owns the action")
    return None


def _due(session, due_on, field: str, checks: DateChecks) -> datetime.date:
    """An action's due date: not before the session; the local standard's date when none is given."""
    if due_on is None:
        return due_from("supervision_action", session.held_on)
    checks.not_before(
        field,
        due_on,
        session.held_on,
        f"The action cannot be due before the supervision on {long_date(session.held_on)}",
    )
    return due_on


@transaction.atomic
def supervision_record(
    *,
    actor,
    supervisee,
    held_on: datetime.date | None,
    attendees: str = "",
    wellbeing: str = "",
    workload: str = "",
    learning: str = "",
    reflection: str = "",
) -> SupervisionSession:
    """A supervision session held by `actor` with one of the workers they supervise. Open actions
    of the worker's earlier sessions are carried forward to it."""
    require(actor, Capability.RECORD_SUPERVISION)
    checks = DateChecks()
    if supervisee is None or not supervisees_of(actor).filter(pk=supervisee.pk).exists():
        checks.add("supervisee", "Select a worker in a team you manage")
    if checks.required("held_on", held_on, "the date the supervision was held"):
        checks.not_future("held_on", held_on, "The date the supervision was held")
        started, what = _started(supervisee)
        checks.not_before(
            "held_on", held_on, started, f"The supervision cannot be before {supervisee} {what} on {long_date(started)}"
        )
    if not any(_text(v) for v in (wellbeing, workload, learning, reflection)):
        checks.add("wellbeing", "Record what was discussed: wellbeing, workload, learning or reflection")
    checks.raise_if_any()
    with constraint_messages({"supervision_not_self": ("supervisee", "You cannot record your own supervision")}):
        session = SupervisionSession.objects.create(
            supervisee=supervisee,
            supervisor=actor,
            held_on=held_on,
            attendees=_text(attendees),
            wellbeing=_text(wellbeing),
            workload=_text(workload),
            learning=_text(learning),
            reflection=_text(reflection),
            recorded_by=actor,
        )
    SupervisionAction.objects.open().filter(session__supervisee=supervisee, session__held_on__lte=held_on).filter(
        _not_carried_past(held_on)
    ).exclude(session=session).update(carried_to=session)
    return session


@transaction.atomic
def supervision_action_add(
    *, actor, session, action: str, owner: str, due_on: datetime.date | None = None
) -> SupervisionAction:
    require(actor, Capability.RECORD_SUPERVISION)
    session = _locked_session(actor, session)
    _require_open(session)
    checks = DateChecks()
    if not _text(action):
        checks.add("action", "Enter the action")
    who = _owner(session, owner, "owner", checks)
    due = _due(session, due_on, "due_on", checks)
    checks.raise_if_any()
    return SupervisionAction.objects.create(
        session=session, action=_text(action), owner=who, due_on=due, recorded_by=actor
    )


@transaction.atomic
def supervision_sign(*, actor, session) -> SupervisionSession:
    """The supervisor signs: the record is complete and goes to the supervisee to sign."""
    require(actor, Capability.RECORD_SUPERVISION)
    session = _locked_session(actor, session)
    _require_open(session)
    session.supervisor_signed_at = clock.now()
    session.save(update_fields=["supervisor_signed_at"])
    return session


@transaction.atomic
def supervision_countersign(*, actor, session, agrees: bool | None, comment: str = "") -> SupervisionSession:
    """The supervisee signs their supervision record, agreeing it is a fair record or recording
    their disagreement (which needs their reasons)."""
    require(actor, Capability.SIGN_SUPERVISION)
    session = _locked_session(actor, session, supervisor=False)
    if session.is_open:
        raise ValidationError("Your supervisor has not signed this record yet")
    if session.is_signed:
        raise ValidationError("You have already signed this record")
    checks = DateChecks()
    if agrees is None:
        checks.add("agrees", "Select whether you agree this is a fair record of the supervision")
    elif not agrees and not _text(comment):
        checks.add("comment", "Say what you disagree with")
    checks.raise_if_any()
    session.supervisee_signed_at, session.supervisee_agrees = clock.now(), agrees
    session.supervisee_comment = _text(comment)
    session.save(update_fields=["supervisee_signed_at", "supervisee_agrees", "supervisee_comment"])
    return session


@transaction.atomic
def supervision_action_done(*, actor, action: SupervisionAction, done_on: datetime.date | None) -> SupervisionAction:
    """A professional supervision action done: by its owner, the supervisee or the supervisor."""
    require(actor, Capability.SIGN_SUPERVISION)
    action = SupervisionAction.objects.select_for_update().select_related("session").get(pk=action.pk)
    session = action.session
    if actor.pk not in {action.owner_id, session.supervisee_id, session.supervisor_id}:
        raise Http404
    _done(action, actor, done_on, session.held_on)
    return action


def _done(action, actor, done_on, held_on) -> None:
    if not action.is_open:
        raise ValidationError(f"This action was done on {long_date(action.done_on)}")
    checks = DateChecks()
    if checks.required("done_on", done_on, "the date the action was done"):
        checks.not_future("done_on", done_on, "The date the action was done")
        checks.not_before(
            "done_on", done_on, held_on, f"The action cannot be done before the supervision on {long_date(held_on)}"
        )
    checks.raise_if_any()
    action.done_on, action.done_by = done_on, actor
    action.save(update_fields=["done_on", "done_by"])


# --- Case supervision: on the child's record ----------------------------------------------------


@transaction.atomic
def case_discussion_record(
    *,
    actor,
    session,
    child,
    situation: str,
    analysis: str,
    direction: str,
    rationale: str,
    actions=(),
) -> CaseDiscussion:
    """One child's case discussed in the session, written on the child's record with its actions
    (each {"action", "owner", "due_on"}). The child's open actions from earlier discussions are
    carried forward to this one."""
    session = _locked_session(actor, session)
    if child is None:
        raise ValidationError({"child": "Select the child discussed"})
    child = lock_child(child)
    require(actor, Capability.RECORD_CASE_SUPERVISION, child)
    _require_open(session)
    checks = DateChecks()
    if child.current_worker_id != session.supervisee_id:
        checks.add("child", f"{child.full_name} is not allocated to {session.supervisee}")
    for field, value, message in (
        ("situation", situation, "Enter the child’s situation"),
        ("analysis", analysis, "Enter the analysis of risk and progress"),
        ("direction", direction, "Enter the management direction"),
        ("rationale", rationale, "Enter the rationale for the direction"),
    ):
        if not _text(value):
            checks.add(field, message)
    agreed = []
    for index, item in enumerate(actions, start=1):
        text = _text(item.get("action"))
        if not text:
            if item.get("due_on") is not None:
                checks.add(f"action_{index}", "Enter the action, or leave its date empty")
            continue
        owner = _owner(session, item.get("owner", ""), f"owner_{index}", checks)
        if owner is not None and not can_view_person(owner, child):
            checks.add(f"owner_{index}", f"{owner} cannot see {child.full_name}’s record")
        agreed.append((text, owner, _due(session, item.get("due_on"), f"due_on_{index}", checks)))
    checks.raise_if_any()
    with constraint_messages(
        {"case_discussion_one_per_session": ("child", "This child was already discussed in this supervision")}
    ):
        discussion = CaseDiscussion.objects.create(
            session=session,
            child=child,
            situation=_text(situation),
            analysis=_text(analysis),
            direction=_text(direction),
            rationale=_text(rationale),
            recorded_by=actor,
        )
    CaseAction.objects.bulk_create(
        [
            CaseAction(discussion=discussion, child=child, action=text, owner=owner, due_on=due, recorded_by=actor)
            for text, owner, due in agreed
        ]
    )
    carried = (
        CaseAction.objects.open()
        .filter(child=child, discussion__session__held_on__lte=session.held_on)
        .filter(_not_carried_past(session.held_on, via="carried_to__session__held_on"))
        .exclude(discussion=discussion)
        .update(carried_to=discussion)
    )
    chronology_record(
        child=child,
        event_type="supervision.case_discussed",
        occurred_at=_moment(session.held_on),
        actor=actor,
        source=discussion,
        data={
            "supervisor": str(session.supervisor),
            "supervisee": str(session.supervisee),
            "direction": discussion.direction[:500],
            "actions": len(agreed),
            "carried": carried,
        },
    )
    refresh_due_items(child)
    return discussion


@transaction.atomic
def case_action_done(*, actor, action: CaseAction, done_on: datetime.date | None) -> CaseAction:
    child = lock_child(action.child)
    require(actor, Capability.COMPLETE_SUPERVISION_ACTION, child)
    action = CaseAction.objects.select_for_update().select_related("discussion__session").get(pk=action.pk)
    _done(action, actor, done_on, action.discussion.session.held_on)
    chronology_record(
        child=child,
        event_type="supervision.action_done",
        occurred_at=_moment(done_on),
        actor=actor,
        source=action,
        data={"action": action.action[:300]},
    )
    refresh_due_items(child)
    return action
