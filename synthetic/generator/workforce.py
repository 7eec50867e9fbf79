"""The generated authority's staff records, written in bulk after the children, consistent with
the allocations already made: each worker started on or before the first case they were given
(their first allocation), so nobody holds a case before they were in post.

- profiles for every generated member of staff: FTE (most full time, some 0.6 to 0.9), Social
  Work England registration renewed to the coming 30 November, with a few lapsed (about 3%) or
  not recorded; the date they qualified (agency social workers at least 3 years before starting);
  agency terms for the agency workers the pools hired (their share is staff.AGENCY_SHARE);
- leavers: about one social worker in seven left in the last year (turnover), with a reason, and
  holds no open case (the pools gave open cases only to those in post);
- the establishment: a post per worker in each team, and vacant posts (about one in ten);
- mandatory training: most attended and in date, some expired, some never attended;
- an induction for everyone who started in the last 90 days, most early items done, some late.

One seeded random source: the same seed gives the same workforce."""

from __future__ import annotations

import datetime
import random
from collections import Counter
from decimal import Decimal

from django.db.models import Min

from casework.models import Allocation
from staff.models import Attendance, Course, Induction, InductionItem, InductionTask, Post, StaffProfile
from staff.selectors import expiry_for
from timescales.calendar import get_calendar
from workforce.models import User
from workforce.roles import Role

SOCIAL_WORK = (Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO)
AGENCIES = ["Acme Social Care", "Northern Locums", "Brightpath Recruitment", "Meridian Social Work"]
LEAVER_SHARE = 0.14
VACANCY_SHARE = 0.10
LAPSED_SHARE = 0.03
REASONS = ["other_la", "agency", "resigned", "retired", "contract_end"]


def write_workforce(seed: int, today: datetime.date) -> Counter:
    rng = random.Random(seed * 15485863 + 11)
    counts: Counter = Counter()
    users = list(User.objects.filter(username__startswith="gen.").select_related("team").order_by("pk"))
    if not users or StaffProfile.objects.filter(user__in=users).exists():
        return counts
    first_case = dict(
        Allocation.objects.filter(worker__in=users)
        .values("worker_id")
        .annotate(first=Min("start_date"))
        .values_list("worker_id", "first")
    )
    renewed_to = datetime.date(today.year if today.month < 12 else today.year + 1, 11, 30)
    _at_least_one_agency_worker(users)
    profiles, started = [], {}
    for n, user in enumerate(users):
        first = first_case.get(user.pk, today - datetime.timedelta(days=rng.randint(30, 900)))
        # In post before their first case: up to a few years before it, or recently for a new starter.
        started[user.pk] = first - datetime.timedelta(
            days=rng.randint(0, 700) if rng.random() < 0.8 else rng.randint(0, 20)
        )
        social = user.role in SOCIAL_WORK
        pqe_at_start = rng.randint(3, 15) if user.agency_worker else rng.choice([0, 0, 1, 2, 3, 5, 8, 12])
        roll = rng.random()
        registered = (
            None if roll < 0.01 else renewed_to.replace(year=renewed_to.year - 1) if roll < LAPSED_SHARE else renewed_to
        )
        profiles.append(
            StaffProfile(
                user=user,
                fte=Decimal("1") if rng.random() < 0.8 else Decimal(rng.choice(["0.6", "0.8", "0.9"])),
                grade=f"Grade {rng.randint(8, 11)}",
                swe_number=f"SW{seed % 100:02d}{n:05d}" if social else "",
                registered_until=registered if social else None,
                qualified_on=(
                    started[user.pk] - datetime.timedelta(days=365 * pqe_at_start + rng.randint(30, 300))
                    if social
                    else None
                ),
                early_career="asye" if social and pqe_at_start == 0 and (today - started[user.pk]).days < 365 else "",
                agency_name=rng.choice(AGENCIES) if user.agency_worker else "",
                agency_notice_weeks=4 if user.agency_worker else None,
                agency_hourly_rate=Decimal(rng.choice(["36.50", "38.00", "40.00", "41.50"]))
                if user.agency_worker
                else None,
            )
        )
    _at_least_one_lapse(profiles, renewed_to)
    for user in users:
        user.started_on = started[user.pk]
    User.objects.bulk_update(users, ["started_on"])
    StaffProfile.objects.bulk_create(profiles)
    counts["staff.StaffProfile"] += len(profiles)
    counts.update(_leavers(rng, today, users))
    counts.update(_establishment(rng, users))
    counts.update(_training(rng, today, users, started))
    counts.update(_inductions(rng, today, users, started))
    return counts


def _at_least_one_agency_worker(users) -> None:
    """Even a small authority has an agency social worker (the pools hire one in about seven)."""
    social = [u for u in users if u.role == Role.SOCIAL_WORKER]
    if len(social) >= 2 and not any(u.agency_worker for u in social):
        social[-1].agency_worker = True
        User.objects.filter(pk=social[-1].pk).update(agency_worker=True)


def _at_least_one_lapse(profiles, renewed_to) -> None:
    """Some registrations lapse (not renewed by 30 November): at least one in any authority."""
    registered = [p for p in profiles if p.registered_until and p.user.role == Role.SOCIAL_WORKER]
    if len(registered) >= 2 and all(p.registered_until == renewed_to for p in registered):
        registered[len(registered) // 2].registered_until = renewed_to.replace(year=renewed_to.year - 1)


def _leavers(rng, today, users) -> Counter:
    """Social workers who left in the last year: new inactive staff in the same teams."""
    teams = [u.team for u in users if u.role == Role.SOCIAL_WORKER and u.team_id]
    n = max(1, round(len(teams) * LEAVER_SHARE)) if teams else 0
    leavers, profiles, left_on = [], [], []
    for i in range(n):
        team = rng.choice(teams)
        left = today - datetime.timedelta(days=rng.randint(5, 360))
        user = User(
            username=f"gen.left{i:05d}",
            first_name=f"Former{i}",
            last_name="Worker",
            role=Role.SOCIAL_WORKER,
            team=team,
            is_active=False,
            password="!generated",
            job_title="Social worker",
            agency_worker=rng.random() < 0.2,
            started_on=left - datetime.timedelta(days=rng.randint(200, 2000)),
        )
        leavers.append(user)
        left_on.append(left)
    User.objects.bulk_create(leavers)
    for i, (user, left) in enumerate(zip(leavers, left_on)):
        profiles.append(
            StaffProfile(
                user=user,
                fte=Decimal("1"),
                left_on=left,
                leaving_reason=rng.choice(REASONS),
                swe_number=f"SWL{i:06d}",
                qualified_on=user.started_on - datetime.timedelta(days=365 * 4),
            )
        )
    StaffProfile.objects.bulk_create(profiles)
    return Counter({"workforce.User (leavers)": len(leavers)})


def _establishment(rng, users) -> Counter:
    opened = min((u.started_on for u in users), default=None)
    posts = []
    teams = {}
    for user in users:
        if user.team_id and user.is_active:
            teams.setdefault(user.team_id, user.team)
            posts.append(
                Post(team_id=user.team_id, title=Role(user.role).label, role=user.role, holder=user, opened_on=opened)
            )
    for number, team in enumerate(teams.values()):
        members = sum(1 for p in posts if p.team_id == team.pk)
        vacant = sum(1 for _ in range(members) if rng.random() < VACANCY_SHARE)
        # The first team always carries a vacancy: "still blighted by vacancies".
        for n in range(max(vacant, 1 if number == 0 else 0)):
            posts.append(
                Post(team=team, title=f"Social worker (vacant {n + 1})", role=Role.SOCIAL_WORKER, opened_on=opened)
            )
    Post.objects.bulk_create(posts)
    return Counter({"staff.Post": len(posts), "staff.Post (vacant)": sum(1 for p in posts if p.holder_id is None)})


def _training(rng, today, users, started) -> Counter:
    courses = list(Course.objects.exclude(mandatory_for=[]))
    recorder = next((u for u in users if u.role == Role.SYSTEM_ADMIN), users[0])
    rows = []
    for user in users:
        for course in courses:
            if user.role not in course.mandatory_for:
                continue
            roll = rng.random()
            if roll < 0.05:
                continue  # never attended
            months = course.valid_months or 36
            # Expired for about one in ten: attended longer ago than the course stays valid.
            ago = (
                rng.randint(months * 30 + 10, months * 30 + 200)
                if roll < 0.15
                else rng.randint(10, max(11, months * 30 - 40))
            )
            attended = max(started[user.pk], today - datetime.timedelta(days=ago))
            if attended > today:
                continue
            rows.append(
                Attendance(
                    worker=user,
                    course=course,
                    attended_on=attended,
                    recorded_by=recorder,
                    expires_on=expiry_for(course, attended),
                )
            )
    Attendance.objects.bulk_create(rows, batch_size=2000)
    return Counter({"staff.Attendance": len(rows)})


def _inductions(rng, today, users, started) -> Counter:
    calendar = get_calendar()
    items: dict[str, list[InductionItem]] = {}
    for item in InductionItem.objects.all():
        items.setdefault(item.role, []).append(item)
    tasks = []
    recent = [u for u in users if (today - started[u.pk]).days <= 90]
    for user in recent:
        first = started[user.pk]
        first = first if calendar.is_working_day(first) else calendar.next_working_day(first)
        induction = Induction.objects.create(worker=user, started_on=first)
        for item in items.get(user.role, []):
            due = calendar.add_working_days(first, item.due_working_day - 1) if item.due_working_day > 1 else first
            done = None
            if due <= today and rng.random() < 0.85:
                done = min(today, due + datetime.timedelta(days=rng.randint(-2, 3)))
                done = max(done, first)
            tasks.append(
                InductionTask(
                    induction=induction,
                    title=item.title,
                    due_on=due,
                    done_on=done,
                    done_recorded_by=user.team.manager if done and user.team else None,
                )
            )
    InductionTask.objects.bulk_create(tasks)
    return Counter({"staff.Induction": len(recent), "staff.InductionTask": len(tasks)})


__all__ = ["write_workforce"]
