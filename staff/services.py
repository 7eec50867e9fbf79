"""Writes of staff records: a new starter (their sign-in, profile, post and the induction
started on their first day), changes to a profile, a leaver, induction items done, and training
attended. Each is one transaction; who may do it is the capability table, then the line of
management (a team manager only for the people they manage)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from access.capabilities import Capability, require
from core import clock
from staff import selectors
from staff.models import Attendance, Course, Induction, InductionItem, InductionTask, Post, StaffProfile, StaffRead
from timescales.calendar import get_calendar
from workforce.models import Team, User
from workforce.roles import Role
from workforce.services import staff_create

# Statutory guidance on agency social workers (PRACTICE.md section 5).
AGENCY_MIN_PQE_YEARS = 3
AGENCY_MIN_NOTICE_WEEKS = 4
SOCIAL_WORK_ROLES = frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER})

PROFILE_FIELDS = (
    "grade",
    "fte",
    "agency_name",
    "agency_notice_weeks",
    "agency_hourly_rate",
    "rate_above_cap_approved_by",
    "swe_number",
    "registered_until",
    "qualified_on",
    "early_career",
)


def profile_read(*, user, worker, path: str) -> None:
    StaffRead.objects.create(user=user, staff_id=worker.pk, path=path[:500])


def _may_manage(actor, worker) -> None:
    """The workforce lead manages anyone's record; a team manager those they line-manage."""
    if actor.role == Role.WORKFORCE_LEAD:
        return
    if not selectors.is_line_manager_of(actor, worker):
        raise PermissionDenied("Only their line manager or the workforce lead records this.")


def check_agency_terms(
    *, role, agency: bool, started_on, qualified_on, notice_weeks, hourly_rate, approved_by: str
) -> None:
    """The rules that apply to an agency social worker: at least 3 years' post-qualifying
    experience on their start, a notice period of at least 4 weeks, and a charge above the
    regional price cap only with a senior leader's sign-off."""
    if not agency or role not in SOCIAL_WORK_ROLES:
        return
    errors = {}
    if qualified_on is None:
        errors["qualified_on"] = "Enter the date they qualified: an agency social worker needs 3 years' experience"
    elif started_on and qualified_on.replace(year=qualified_on.year + AGENCY_MIN_PQE_YEARS) > started_on:
        errors["qualified_on"] = (
            f"An agency social worker needs at least {AGENCY_MIN_PQE_YEARS} years' "
            "post-qualifying experience when they start"
        )
    if notice_weeks is None or notice_weeks < AGENCY_MIN_NOTICE_WEEKS:
        errors["agency_notice_weeks"] = (
            f"The notice period of an agency social worker is at least {AGENCY_MIN_NOTICE_WEEKS} weeks"
        )
    cap = selectors.price_cap_for(role)
    if cap and hourly_rate is not None and Decimal(hourly_rate) > cap.hourly_cap and not approved_by:
        errors["rate_above_cap_approved_by"] = (
            f"The rate is above the regional price cap (£{cap.hourly_cap} an hour): "
            "name the senior leader who approved it"
        )
    if errors:
        raise ValidationError(errors)


def induction_start(*, worker: User, started_on: datetime.date) -> Induction:
    """The role's checklist copied onto the worker's induction, each item due by its working day
    (day 1 is the first day)."""
    calendar = get_calendar()
    first_day = calendar.next_working_day(started_on) if not calendar.is_working_day(started_on) else started_on
    induction = Induction.objects.create(worker=worker, started_on=started_on)
    InductionTask.objects.bulk_create(
        [
            InductionTask(
                induction=induction,
                title=item.title,
                due_on=calendar.add_working_days(first_day, item.due_working_day - 1)
                if item.due_working_day > 1
                else first_day,
            )
            for item in InductionItem.objects.filter(role=worker.role)
        ]
    )
    return induction


@transaction.atomic
def starter_record(
    *,
    actor,
    username: str,
    first_name: str,
    last_name: str,
    role: str,
    team: Team | None,
    started_on: datetime.date,
    agency: bool = False,
    post: Post | None = None,
    **profile,
) -> User:
    """A new member of staff starts: their sign-in (no password until an administrator sets
    one), their profile, the post they fill, and their induction from their first day."""
    require(actor, Capability.MANAGE_STAFF)
    if actor.role != Role.WORKFORCE_LEAD:
        raise PermissionDenied("Only the workforce lead records a new starter.")
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": "Someone already has this username"})
    check_agency_terms(
        role=role,
        agency=agency,
        started_on=started_on,
        qualified_on=profile.get("qualified_on"),
        notice_weeks=profile.get("agency_notice_weeks"),
        hourly_rate=profile.get("agency_hourly_rate"),
        approved_by=profile.get("rate_above_cap_approved_by", ""),
    )
    if post is not None and (post.holder_id is not None or (team and post.team_id != team.pk)):
        raise ValidationError({"post": "Choose a vacant post in their team"})
    worker = staff_create(
        username=username, first_name=first_name, last_name=last_name, role=role, team=team, agency_worker=agency
    )
    worker.started_on = started_on
    worker.save(update_fields=["started_on"])
    StaffProfile.objects.create(user=worker, **{k: v for k, v in profile.items() if k in PROFILE_FIELDS})
    if post is not None:
        Post.objects.filter(pk=post.pk).update(holder=worker)
    induction_start(worker=worker, started_on=started_on)
    return worker


@transaction.atomic
def profile_update(*, actor, worker: User, agency: bool, **fields) -> StaffProfile:
    require(actor, Capability.MANAGE_STAFF)
    if actor.role != Role.WORKFORCE_LEAD:
        raise PermissionDenied("Only the workforce lead changes a staff profile.")
    profile, _ = StaffProfile.objects.get_or_create(user=worker)
    check_agency_terms(
        role=worker.role,
        agency=agency,
        started_on=worker.started_on,
        qualified_on=fields.get("qualified_on"),
        notice_weeks=fields.get("agency_notice_weeks"),
        hourly_rate=fields.get("agency_hourly_rate"),
        approved_by=fields.get("rate_above_cap_approved_by", ""),
    )
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(profile, name, fields[name])
    profile.save()
    if worker.agency_worker != agency:
        worker.agency_worker = agency
        worker.save(update_fields=["agency_worker"])
    return profile


@transaction.atomic
def leaver_record(*, actor, worker: User, left_on: datetime.date, leaving_reason: str) -> StaffProfile:
    """The worker's last day: their post becomes vacant the day after, and their sign-in ends.
    Children still allocated to them stay on their manager's list until reallocated."""
    require(actor, Capability.MANAGE_STAFF)
    if actor.role != Role.WORKFORCE_LEAD:
        raise PermissionDenied("Only the workforce lead records a leaver.")
    if worker.started_on and left_on < worker.started_on:
        raise ValidationError({"left_on": "The last day must be on or after the day they started"})
    profile, _ = StaffProfile.objects.get_or_create(user=worker)
    profile.left_on, profile.leaving_reason = left_on, leaving_reason
    profile.save(update_fields=["left_on", "leaving_reason"])
    Post.objects.filter(holder=worker).update(holder=None)
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    return profile


@transaction.atomic
def induction_task_done(*, actor, task: InductionTask, done_on: datetime.date) -> InductionTask:
    require(actor, Capability.RECORD_INDUCTION)
    worker = task.induction.worker
    _may_manage(actor, worker)
    if task.done_on is not None:
        raise ValidationError({"done_on": "This item is already done"})
    if done_on > clock.today():
        raise ValidationError({"done_on": "The date must be today or in the past"})
    if done_on < task.induction.started_on:
        raise ValidationError({"done_on": "The date must be on or after their first day"})
    task.done_on, task.done_recorded_by = done_on, actor
    task.save(update_fields=["done_on", "done_recorded_by"])
    return task


@transaction.atomic
def attendance_record(*, actor, worker: User, course: Course, attended_on: datetime.date) -> Attendance:
    require(actor, Capability.RECORD_TRAINING)
    _may_manage(actor, worker)
    if attended_on > clock.today():
        raise ValidationError({"attended_on": "The date must be today or in the past"})
    return Attendance.objects.create(
        worker=worker,
        course=course,
        attended_on=attended_on,
        recorded_by=actor,
        expires_on=selectors.expiry_for(course, attended_on),
    )
