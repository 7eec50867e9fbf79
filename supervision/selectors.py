"""Reads for supervision.

Who reads a supervision session: the supervisee, the supervisor, and the supervisor's managers
(whoever manages the supervisor's team, and their managers in turn). Nobody else, whatever their
role: a session holds the worker's wellbeing and performance. Anything else is a 404, exactly as
if the session did not exist.

A case discussion is part of the child's record: lists of them go through
`access.selectors.visible_to`, so a session's reader sees only the discussions of the children
they may see.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max, Q, QuerySet
from django.http import Http404

from access.selectors import visible_to
from core import clock
from core.forms import parse_id
from supervision.models import CaseAction, CaseDiscussion, SupervisionAction, SupervisionSession
from timescales.calendar import london_date
from timescales.engine import describe_trigger, due_from
from timescales.rules import Rule, effective_rule
from workforce.models import User

# How far up the line a supervisor's managers are looked for: a service's hierarchy is shallow,
# and a loop in the teams' managers (a mistake in the configuration) must not run for ever.
LINE_DEPTH = 6


def line_reports_of(user) -> set[int]:
    """Everyone `user` manages, directly or through the managers below them: the members of the
    teams they manage, then the members of the teams those members manage, and so on. One query
    a level."""
    found: set[int] = set()
    managers = {user.pk}
    for _ in range(LINE_DEPTH):
        below = set(
            User.objects.filter(team__manager_id__in=managers)
            .exclude(pk__in=found | {user.pk})
            .values_list("pk", flat=True)
        )
        if not below:
            break
        found |= below
        managers = below
    return found


def sessions_visible_to(user) -> QuerySet[SupervisionSession]:
    """The sessions `user` may read: their own, those they held, and those held by the people
    they manage (the supervisor's managers)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return SupervisionSession.objects.none()
    reports = line_reports_of(user)
    return SupervisionSession.objects.filter(Q(supervisee=user) | Q(supervisor=user) | Q(supervisor_id__in=reports))


def session_get_for_user(user, session_id) -> SupervisionSession:
    """The session, if `user` may read it; 404 for "missing" and "not yours" alike."""
    pk = parse_id(session_id)
    session = sessions_visible_to(user).filter(pk=pk).select_related("supervisee", "supervisor").first() if pk else None
    if session is None:
        raise Http404
    return session


def session_list(*, user, limit: int = 200) -> list[SupervisionSession]:
    """The sessions `user` may read, latest first, with who was there: one query (plus the
    levels of `line_reports_of`)."""
    return list(sessions_visible_to(user).select_related("supervisee", "supervisor").latest_first()[:limit])


def supervisees_of(user) -> QuerySet[User]:
    """Whom `user` supervises: the active members of the teams they manage, not themselves."""
    return (
        User.objects.filter(team__manager=user, is_active=True).exclude(pk=user.pk).order_by("last_name", "first_name")
    )


def session_actions(session) -> list[SupervisionAction]:
    """The session's own actions and those carried forward to it."""
    return list(
        SupervisionAction.objects.filter(Q(session=session) | Q(carried_to=session))
        .select_related("owner", "session")
        .order_by("due_on", "id")
    )


def case_discussions_in(session, *, user) -> list[CaseDiscussion]:
    """The session's case discussions about children `user` may see, with their actions."""
    discussions = list(
        visible_to(user, CaseDiscussion.objects.filter(session=session), via="child")
        .select_related("child")
        .order_by("id")
    )
    _attach_actions(discussions)
    return discussions


def case_discussions_for_child(child) -> list[CaseDiscussion]:
    """Every case discussion on the child's record, latest first, with its actions (the caller has
    fetched the child through access.selectors)."""
    discussions = list(
        CaseDiscussion.objects.filter(child=child)
        .select_related("session__supervisor", "session__supervisee")
        .order_by("-session__held_on", "-id")
    )
    _attach_actions(discussions)
    return discussions


def _attach_actions(discussions) -> None:
    ids = [d.pk for d in discussions]
    actions = (
        list(
            CaseAction.objects.filter(Q(discussion_id__in=ids) | Q(carried_to_id__in=ids))
            .select_related("owner", "discussion__session")
            .order_by("due_on", "id")
        )
        if ids
        else []
    )
    for discussion in discussions:
        discussion.agreed = [a for a in actions if a.discussion_id == discussion.pk]
        discussion.carried = [a for a in actions if a.carried_to_id == discussion.pk]


def case_action_for_child(child, action_id) -> CaseAction | None:
    return CaseAction.objects.filter(child=child, pk=parse_id(action_id)).select_related("discussion__session").first()


def open_case_actions_for_child(child) -> QuerySet[CaseAction]:
    return CaseAction.objects.open().filter(child=child)


def children_to_discuss(session, *, user) -> QuerySet:
    """The supervisee's children `user` may see and has not yet discussed in this session."""
    from access.selectors import people_visible_to

    return (
        people_visible_to(user)
        .filter(current_worker=session.supervisee, is_child=True)
        .exclude(case_discussions__session=session)
        .order_by("family_name", "given_name", "pk")
    )


def open_actions_owned_by(user) -> list[SupervisionAction]:
    """The professional supervision actions `user` owns that are not done, soonest first."""
    return list(
        SupervisionAction.objects.open()
        .filter(owner=user)
        .select_related("session__supervisee")
        .order_by("due_on", "id")
    )


def supervision_action_get_for_user(user, action_id) -> SupervisionAction:
    """An action of a session `user` may read; 404 otherwise."""
    pk = parse_id(action_id)
    action = (
        SupervisionAction.objects.filter(pk=pk, session__in=sessions_visible_to(user))
        .select_related("session", "owner")
        .first()
        if pk
        else None
    )
    if action is None:
        raise Http404
    return action


# --- When supervision is due -------------------------------------------------------------------


@dataclass(frozen=True)
class SupervisionDue:
    worker: User
    last_held: datetime.date | None
    rule: Rule
    due_on: datetime.date
    trigger_description: str

    @property
    def is_overdue(self) -> bool:
        return self.due_on < clock.today()

    @property
    def title(self) -> str:
        return self.rule.title


def newly_qualified_on(worker, day: datetime.date) -> bool:
    """Is the worker in the first months of their ASYE on `day` (the local standard's period)?"""
    if worker.asye_started_on is None or day < worker.asye_started_on:
        return False
    return day < due_from("supervision_newly_qualified_period", worker.asye_started_on)


def due_for(worker, last_held: datetime.date | None) -> SupervisionDue:
    """When the worker's next supervision is due under the local standards: 4 weeks from the last
    one held (2 weeks in a newly qualified worker's first months); with none held yet, from the
    day they started (their ASYE, or their account, when nothing else is known)."""
    if last_held is not None:
        trigger, what = last_held, "Last supervision"
    elif worker.started_on is not None:
        trigger, what = worker.started_on, "Started in the service"
    elif worker.asye_started_on is not None:
        trigger, what = worker.asye_started_on, "Started their ASYE"
    else:
        trigger, what = london_date(worker.date_joined), "Account created, no supervision recorded"
    code = "supervision_newly_qualified" if newly_qualified_on(worker, trigger) else "supervision"
    rule = effective_rule(code)
    return SupervisionDue(
        worker=worker,
        last_held=last_held,
        rule=rule,
        due_on=due_from(rule, trigger),
        trigger_description=describe_trigger(what, trigger),
    )


def _with_last_held(workers: QuerySet[User]) -> list[SupervisionDue]:
    rows = workers.annotate(last_held=Max("supervisions_received__held_on"))
    return [due_for(worker, worker.last_held) for worker in rows]


def supervision_due_for_supervisor(*, user) -> list[SupervisionDue]:
    """When each worker `user` supervises is next due supervision, the most overdue first. One query."""
    return sorted(_with_last_held(supervisees_of(user)), key=lambda due: (due.due_on, due.worker.last_name))


def supervision_due_for_worker(*, user) -> SupervisionDue:
    """When `user` is next due their own supervision. One query."""
    return _with_last_held(User.objects.filter(pk=user.pk))[0]


def case_supervision_since(as_of: datetime.date) -> datetime.date:
    """The earliest day a child's last case discussion (or, with none, their allocation) may
    have been for their case supervision to be within the local standard on `as_of`: the
    standard counted back from that day (the oversight figures and the data-quality check)."""
    from timescales.calendar import get_calendar

    rule = effective_rule("case_supervision")
    return get_calendar().add(as_of, -rule.amount, rule.unit)


def case_supervision_actions_for_owner(*, user) -> QuerySet[CaseAction]:
    """Open case supervision actions `user` owns, on children they may see (the tray holds them
    as due items too: this is for the supervision pages)."""
    return visible_to(user, CaseAction.objects.open().filter(owner=user), via="child").select_related("child")
