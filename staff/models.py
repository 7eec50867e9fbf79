"""Staff records that do not need a child's record: each member of staff's profile (employment,
agency terms, FTE, dates, professional registration), the establishment of posts per team, the
induction checklist started on a worker's first day, and the training catalogue with attendance.

Personal and HR data: read only by the person, their line managers and the workforce lead
(staff.selectors); audited like case data (core.audit).
"""

import datetime

import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from core.audit import audited
from staff.choices import EarlyCareer, LeavingReason
from workforce.roles import Role


@audited()
class StaffProfile(models.Model):
    """One member of staff's HR facts beside their sign-in (workforce.User holds the role, team,
    start date and ASYE start that supervision already reads)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, primary_key=True, related_name="staff_profile"
    )
    grade = models.CharField("Grade", max_length=60, blank=True)
    fte = models.DecimalField("Full-time equivalent", max_digits=3, decimal_places=2, default=1)
    left_on = models.DateField("Last day in the service", null=True, blank=True)
    leaving_reason = models.CharField(max_length=20, choices=LeavingReason.choices, blank=True)
    # Agency terms (statutory guidance on agency social workers, in force from 31 October 2024).
    agency_name = models.CharField("Agency", max_length=120, blank=True)
    agency_notice_weeks = models.PositiveSmallIntegerField("Notice period (weeks)", null=True, blank=True)
    agency_hourly_rate = models.DecimalField(
        "Hourly charge rate (£)", max_digits=6, decimal_places=2, null=True, blank=True
    )
    rate_above_cap_approved_by = models.CharField(
        "Above the price cap: approved by",
        max_length=120,
        blank=True,
        help_text="The senior leader who signed off a charge above the regional price cap.",
    )
    # Professional registration.
    swe_number = models.CharField("Social Work England registration number", max_length=20, blank=True)
    registered_until = models.DateField("Registration renewed until", null=True, blank=True)
    qualified_on = models.DateField("Date qualified as a social worker", null=True, blank=True)
    early_career = models.CharField(max_length=10, choices=EarlyCareer.choices, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="staffprofile_fte_range"),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | ~Q(leaving_reason=""), name="staffprofile_leaving_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"Staff profile of {self.user}"

    @property
    def is_agency(self) -> bool:
        # Employed or agency is the user's own flag (workforce.User.agency_worker), kept in one place.
        return self.user.agency_worker


@audited()
class AgencyPriceCap(models.Model):
    """The regional price cap per role (hourly charge rate) the region's councils agreed: data,
    because each region sets its own and reviews it."""

    role = models.CharField(max_length=30, choices=Role.choices, unique=True)
    hourly_cap = models.DecimalField(max_digits=6, decimal_places=2)
    region = models.CharField(max_length=120, blank=True)

    def __str__(self) -> str:
        return f"{Role(self.role).label}: £{self.hourly_cap} an hour"


@audited()
class Post(models.Model):
    """One post in a team's establishment: filled by its holder or vacant, from when to when."""

    team = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="posts")
    title = models.CharField(max_length=120)
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER)
    fte = models.DecimalField(max_digits=3, decimal_places=2, default=1)
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    opened_on = models.DateField()
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["team__name", "title", "pk"]
        constraints = [models.CheckConstraint(condition=Q(fte__gt=0) & Q(fte__lte=1), name="post_fte_range")]

    def __str__(self) -> str:
        return f"{self.title}, {self.team}"


# --- Induction --------------------------------------------------------------------------------


@audited()
class InductionItem(models.Model):
    """One line of a role's induction checklist, due by working day N of the worker's first days
    (day 1 is the first day). Data: each authority keeps its own checklist."""

    role = models.CharField(max_length=30, choices=Role.choices, db_index=True)
    title = models.CharField(max_length=200)
    due_working_day = models.PositiveSmallIntegerField("Due by working day")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["role", "order", "due_working_day", "pk"]

    def __str__(self) -> str:
        return f"{self.title} (day {self.due_working_day})"


@audited()
class Induction(models.Model):
    worker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="induction")
    started_on = models.DateField()

    def __str__(self) -> str:
        return f"Induction of {self.worker} from {self.started_on:%d/%m/%Y}"


@audited()
class InductionTask(models.Model):
    """A checklist line copied onto one worker's induction, with its date: a later change to the
    checklist does not move what a worker was asked to do."""

    induction = models.ForeignKey(Induction, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)
    done_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["due_on"], condition=Q(done_on__isnull=True), name="inductiontask_open")]


# --- Training ---------------------------------------------------------------------------------


@audited()
class Course(models.Model):
    """A course of the authority's catalogue; mandatory for the roles named, valid for so many
    months after attending (none: it does not expire)."""

    title = models.CharField(max_length=200, unique=True)
    mandatory_for = ArrayField(models.CharField(max_length=30, choices=Role.choices), default=list, blank=True)
    valid_months = models.PositiveSmallIntegerField("Valid for (months)", null=True, blank=True)
    due_within_days = models.PositiveSmallIntegerField("A new starter attends within (days)", default=90)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


@audited()
class Attendance(models.Model):
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="attendances")
    attended_on = models.DateField()
    expires_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-attended_on", "-pk"]
        indexes = [models.Index(fields=["worker", "course", "-attended_on"], name="attendance_latest")]


def registration_year(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The Social Work England registration year holding `day`: 1 December to 30 November."""
    start_year = day.year if day.month == 12 else day.year - 1
    return datetime.date(start_year, 12, 1), datetime.date(start_year + 1, 11, 30)


class StaffRead(models.Model):
    """One opening of a member of staff's record (profile, induction, training): who, when, whose
    and which page. Append-only like the children's read log (access.RecordRead)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="staff_reads")
    staff_id = models.BigIntegerField(db_index=True)
    read_at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=500)

    class Meta:
        ordering = ["-read_at"]
        triggers = [pgtrigger.Protect(name="append_only", operation=pgtrigger.Update | pgtrigger.Delete)]
