"""Reads of staff records.

Who reads a member of staff's profile, induction and training: the person themselves, their line
managers (whoever manages their team, and those managers' managers: supervision.selectors'
line of management), and the workforce lead. Nobody else, whatever their role: senior leaders see
the workforce figures (caseloads.figures), not individuals' HR records. Anyone else gets a 404,
exactly as if the person did not exist. Every read of a profile is written to the read log
(staff.models has no child: staff.services.profile_read)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from core import clock
from core.forms import parse_id
from staff.models import AgencyPriceCap, Attendance, Course, Induction, InductionTask, Post, StaffProfile
from staff.models import registration_year as registration_year_of
from supervision.selectors import line_reports_of
from timescales.calendar import add_months
from workforce.models import User
from workforce.roles import Role

# Mandatory training expiring within this many days shows as due soon.
SOON_DAYS = 30


def staff_visible_to(user) -> QuerySet[User]:
    """The members of staff whose records `user` may read."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return User.objects.none()
    if user.role == Role.WORKFORCE_LEAD:
        return User.objects.all()
    return User.objects.filter(Q(pk=user.pk) | Q(pk__in=line_reports_of(user)))


def staff_get_for_user(user, user_id) -> User:
    """The member of staff, if `user` may read their record; 404 for "missing" and "not yours"."""
    pk = parse_id(user_id)
    worker = (
        staff_visible_to(user).filter(pk=pk).select_related("team__manager", "staff_profile").first() if pk else None
    )
    if worker is None:
        raise Http404
    return worker


def is_line_manager_of(user, worker) -> bool:
    return worker.pk in line_reports_of(user)


def profile_of(worker) -> StaffProfile | None:
    try:
        return worker.staff_profile
    except StaffProfile.DoesNotExist:
        return None


def staff_list(*, user, limit: int = 500) -> list[User]:
    """The staff `user` may read, in post first, with their profiles: one query (plus the line)."""
    return list(
        staff_visible_to(user)
        .exclude(username__startswith="!")
        .select_related("team", "staff_profile")
        .order_by("team__name", "last_name", "first_name", "pk")[:limit]
    )


def price_cap_for(role) -> AgencyPriceCap | None:
    return AgencyPriceCap.objects.filter(role=role).first()


# --- Registration --------------------------------------------------------------------------------


def registration_status(profile: StaffProfile | None, today: datetime.date | None = None) -> str:
    """ "Registered", "Renewal due" (in the last month of the registration year, 1 to 30 November,
    when not yet renewed), "Lapsed" or "Not recorded"."""
    today = today or clock.today()
    if profile is None or not profile.registered_until:
        return "Not recorded"
    if profile.registered_until < today:
        return "Lapsed"
    if profile.registered_until < datetime.date(today.year, 12, 1) and today.month == 11:
        return "Renewal due"
    return "Registered"


# --- Induction -----------------------------------------------------------------------------------


def induction_of(worker) -> tuple[Induction | None, list[InductionTask]]:
    induction = Induction.objects.filter(worker=worker).first()
    return induction, list(induction.tasks.select_related("done_recorded_by")) if induction else []


def induction_task_for(worker, task_id) -> InductionTask:
    task = InductionTask.objects.filter(pk=parse_id(task_id) or 0, induction__worker=worker).first()
    if task is None:
        raise Http404
    return task


def open_induction_tasks(*, worker_ids) -> QuerySet[InductionTask]:
    """Induction items not yet done, for these workers, soonest first."""
    return (
        InductionTask.objects.filter(induction__worker_id__in=worker_ids, done_on__isnull=True)
        .select_related("induction__worker")
        .order_by("due_on", "pk")
    )


# --- Training -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingDue:
    worker: User
    course: Course
    last_attended: datetime.date | None
    due_on: datetime.date

    @property
    def is_overdue(self) -> bool:
        return self.due_on < clock.today()

    @property
    def state(self) -> str:
        if self.last_attended is None:
            return "Overdue" if self.is_overdue else "Not yet attended"
        return "Expired" if self.is_overdue else "Expires soon"


def training_due(*, workers, today: datetime.date | None = None, soon_days: int = SOON_DAYS) -> list[TrainingDue]:
    """For each worker, the mandatory courses of their role never attended (due within the
    course's days of their start) or whose attendance expires within `soon_days` or has expired.
    Two queries, however many workers."""
    today = today or clock.today()
    workers = list(workers)
    courses = list(Course.objects.filter(is_active=True).exclude(mandatory_for=[]))
    latest: dict[tuple[int, int], Attendance] = {}
    for attendance in Attendance.objects.filter(worker__in=[w.pk for w in workers]).order_by(
        "worker_id", "course_id", "-attended_on", "-pk"
    ):
        latest.setdefault((attendance.worker_id, attendance.course_id), attendance)
    found = []
    horizon = today + datetime.timedelta(days=soon_days)
    for worker in workers:
        started = worker.started_on or worker.date_joined.date()
        for course in courses:
            if worker.role not in course.mandatory_for:
                continue
            attended = latest.get((worker.pk, course.pk))
            if attended is None:
                due = started + datetime.timedelta(days=course.due_within_days)
            elif attended.expires_on is None:
                continue
            else:
                due = attended.expires_on
            if due <= horizon:
                found.append(
                    TrainingDue(
                        worker=worker,
                        course=course,
                        due_on=due,
                        last_attended=attended.attended_on if attended else None,
                    )
                )
    return sorted(found, key=lambda d: (d.due_on, d.worker.last_name, d.course.title))


def expiry_for(course: Course, attended_on: datetime.date) -> datetime.date | None:
    return add_months(attended_on, course.valid_months) if course.valid_months else None


def attendance_of(worker) -> list[Attendance]:
    return list(Attendance.objects.filter(worker=worker).select_related("course", "recorded_by"))


def courses() -> list[Course]:
    return list(Course.objects.filter(is_active=True))


# --- Establishment ---------------------------------------------------------------------------------


def posts_on(day: datetime.date) -> QuerySet[Post]:
    """The posts of the establishment on `day`."""
    return Post.objects.filter(opened_on__lte=day).filter(Q(closed_on__isnull=True) | Q(closed_on__gte=day))


def establishment(*, user) -> list[Post]:
    """The posts the user may see: every team's for the workforce lead, their own teams' for a
    manager (the holder's name is a fact of the team, not of their HR record)."""
    posts = posts_on(clock.today()).select_related("team", "holder")
    if user.role != Role.WORKFORCE_LEAD:
        posts = posts.filter(team__manager=user)
    return list(posts.order_by("team__name", "title", "pk"))


def pqe_years(profile: StaffProfile | None, today: datetime.date | None = None) -> int | None:
    """Whole years since qualifying (post-qualifying experience)."""
    if profile is None or profile.qualified_on is None:
        return None
    today = today or clock.today()
    q = profile.qualified_on
    return today.year - q.year - ((today.month, today.day) < (q.month, q.day))


@dataclass(frozen=True)
class CPD:
    reflections: int  # supervision sessions signed this registration year: peer reflection
    required: int = 2

    @property
    def meets_minimum(self) -> bool:
        return self.reflections >= self.required


def cpd_this_year(worker) -> CPD:
    """Social Work England asks for at least two pieces of CPD each registration year, one with
    peer reflection. The signed supervision records (supervision's export) count as peer
    reflection; other CPD is kept on the registration body's own site."""
    from supervision.models import SupervisionSession

    start, end = registration_year_of(clock.today())
    n = SupervisionSession.objects.filter(
        supervisee=worker, supervisee_signed_at__isnull=False, held_on__gte=start, held_on__lte=end
    ).count()
    return CPD(reflections=n)


# --- What is due, for the trays -------------------------------------------------------------------


@dataclass
class StaffDue:
    """What a worker (or a manager's line reports) must do about induction and training."""

    induction: list[InductionTask]
    training: list[TrainingDue]

    @property
    def overdue(self) -> int:
        today = clock.today()
        return sum(1 for t in self.induction if t.due_on < today) + sum(1 for t in self.training if t.is_overdue)

    def __bool__(self) -> bool:
        return bool(self.induction or self.training)


def due_for_worker(*, user) -> StaffDue:
    """The worker's own induction items not done and mandatory training due or expired."""
    return StaffDue(induction=list(open_induction_tasks(worker_ids=[user.pk])), training=training_due(workers=[user]))


def due_for_manager(*, user) -> StaffDue:
    """The same for everyone `user` line-manages who is still in post."""
    reports = User.objects.filter(pk__in=line_reports_of(user), is_active=True)
    return StaffDue(
        induction=list(open_induction_tasks(worker_ids=reports.values("pk"))), training=training_due(workers=reports)
    )


def due_for_worker_ids(workers) -> dict[str, list[User]]:
    """Of these workers, who is behind with supervision, induction and mandatory training today
    (for the workforce figures). A fixed number of queries."""
    from django.db.models import Max

    from supervision.selectors import due_for

    workers = list(workers)
    ids = [w.pk for w in workers]
    today = clock.today()
    last = dict(
        User.objects.filter(pk__in=ids).annotate(last=Max("supervisions_received__held_on")).values_list("pk", "last")
    )
    supervision = [w for w in workers if due_for(w, last.get(w.pk)).due_on < today]
    late_induction = set(
        InductionTask.objects.filter(induction__worker_id__in=ids, done_on__isnull=True, due_on__lt=today).values_list(
            "induction__worker_id", flat=True
        )
    )
    late_training = {d.worker.pk for d in training_due(workers=workers, soon_days=-1)}
    return {
        "supervision": supervision,
        "induction": [w for w in workers if w.pk in late_induction],
        "training": [w for w in workers if w.pk in late_training],
    }


def registration_lapsed(ids, today: datetime.date) -> set[int]:
    """Of these workers, those whose registration is not recorded as renewed to `today`."""
    current = set(
        StaffProfile.objects.filter(user_id__in=ids, registered_until__gte=today).values_list("user_id", flat=True)
    )
    return set(ids) - current
