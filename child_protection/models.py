"""Child protection: strategy discussions, section 47 enquiries, conferences, plans, core groups.

Census (CINdetails): Section47 is `Section47Enquiry` (S47ActualStartDate, InitialCPCtarget,
DateOfInitialCPC from its initial conference, ICPCnotRequired); ChildProtectionPlans is
`ChildProtectionPlan` (start, end, initial and latest category; its Reviews are the review
conferences). CP visits are casework Visits of type "cp"; they are not stored here.
"""

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import ArrayField, DateRangeField, RangeOperators
from django.db import models
from django.db.models import Case, F, Func, Q, Value, When

from child_protection.choices import (
    Agency,
    Attendance,
    BookingStatus,
    ConferenceKind,
    ConferenceOutcome,
    InviteeAgency,
    PlanEndReason,
    Section47Outcome,
    StrategyDecision,
)
from codelists.cin import CategoryOfAbuse
from core.audit import audited


class DateRange(Func):
    """PostgreSQL daterange(start, end, bounds); a NULL end is an open (infinite) range."""

    function = "daterange"
    output_field = DateRangeField()


@audited()
class StrategyDiscussion(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="strategy_discussions")
    episode = models.ForeignKey(
        "children_in_need.CINEpisode", on_delete=models.PROTECT, related_name="strategy_discussions"
    )
    held_on = models.DateField("Date of the strategy discussion")
    agencies = ArrayField(models.CharField(max_length=20, choices=Agency.choices), default=list)
    decision = models.CharField(max_length=10, choices=StrategyDecision.choices)
    notes = models.TextField("What was discussed and why", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["child", "-held_on"], name="strategy_child_recent")]

    def __str__(self) -> str:
        return f"Strategy discussion on {self.held_on:%d/%m/%Y}"


@audited()
class Section47Enquiry(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="section47_enquiries")
    episode = models.ForeignKey(
        "children_in_need.CINEpisode", on_delete=models.PROTECT, related_name="section47_enquiries"
    )
    # The strategy discussion at which the enquiry was initiated: the ICPC's 15 working days run
    # from it (TIMESCALES.md A2 #8 and C3.3).
    strategy_discussion = models.OneToOneField(StrategyDiscussion, on_delete=models.PROTECT, related_name="section47")
    start_date = models.DateField("Start date")
    icpc_target_date = models.DateField(
        help_text="15 working days from the strategy discussion (census InitialCPCtarget)."
    )
    end_date = models.DateField("Date the enquiry concluded", null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=Section47Outcome.choices, blank=True)
    # The census ICPCnotRequired flag, derived from the outcome by PostgreSQL.
    icpc_not_required = models.GeneratedField(
        expression=Case(When(outcome=Section47Outcome.NO_CONFERENCE, then=Value(True)), default=Value(False)),
        output_field=models.BooleanField(),
        db_persist=True,
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name_plural = "section 47 enquiries"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="s47_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, outcome="") | (Q(end_date__isnull=False) & ~Q(outcome="")),
                name="s47_outcome_whole",
            ),
        ]
        indexes = [models.Index(fields=["child", "-start_date"], name="s47_child_recent")]

    def __str__(self) -> str:
        return f"Section 47 enquiry from {self.start_date:%d/%m/%Y}"


@audited()
class Conference(models.Model):
    """An initial, transfer-in or review child protection conference."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cp_conferences")
    episode = models.ForeignKey("children_in_need.CINEpisode", on_delete=models.PROTECT, related_name="cp_conferences")
    kind = models.CharField(max_length=20, choices=ConferenceKind.choices)
    section47 = models.ForeignKey(
        Section47Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="conferences"
    )
    plan = models.ForeignKey(
        "child_protection.ChildProtectionPlan", null=True, blank=True, on_delete=models.PROTECT, related_name="reviews"
    )
    held_on = models.DateField("Date of the conference")
    outcome = models.CharField(max_length=20, choices=ConferenceOutcome.choices)
    category = models.CharField("Category of abuse", max_length=3, choices=CategoryOfAbuse.choices, blank=True)
    previous_authority = models.CharField("Authority the child moved from", max_length=200, blank=True)
    notes = models.TextField("Decisions and recommendations", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=ConferenceKind.INITIAL) | Q(section47__isnull=False),
                name="conference_initial_has_s47",
            ),
            models.CheckConstraint(
                condition=~Q(kind=ConferenceKind.REVIEW) | Q(plan__isnull=False), name="conference_review_has_plan"
            ),
            models.UniqueConstraint(
                fields=["section47"], condition=Q(kind=ConferenceKind.INITIAL), name="conference_one_icpc_per_s47"
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-held_on"], name="conference_child_recent"),
            models.Index(
                fields=["plan", "held_on"], condition=Q(kind=ConferenceKind.REVIEW), name="conference_plan_reviews"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on:%d/%m/%Y}"


class ChildProtectionPlanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(end_date__isnull=True)


@audited()
class ChildProtectionPlan(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cp_plans")
    episode = models.ForeignKey("children_in_need.CINEpisode", on_delete=models.PROTECT, related_name="cp_plans")
    # The initial or transfer-in conference that made the plan; the plan starts that day.
    conference = models.OneToOneField(Conference, on_delete=models.PROTECT, related_name="plan_started")
    start_date = models.DateField()
    initial_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    latest_category = models.CharField(max_length=3, choices=CategoryOfAbuse.choices)
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=30, choices=PlanEndReason.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ChildProtectionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            # A child's plans never overlap. The range is [start, end): a new plan may start on
            # the day the previous one ended (a review that ends one plan and a new ICPC the same
            # day is rare but real); an open plan runs to infinity.
            ExclusionConstraint(
                name="cpplan_no_overlap",
                expressions=[
                    ("child", RangeOperators.EQUAL),
                    (DateRange("start_date", "end_date", Value("[)")), RangeOperators.OVERLAPS),
                ],
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="cpplan_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, end_reason="") | (Q(end_date__isnull=False) & ~Q(end_reason="")),
                name="cpplan_end_whole",
            ),
        ]
        indexes = [models.Index(fields=["child", "-start_date"], name="cpplan_child_recent")]

    def __str__(self) -> str:
        return f"Child protection plan from {self.start_date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


@audited()
class CoreGroup(models.Model):
    plan = models.ForeignKey(ChildProtectionPlan, on_delete=models.PROTECT, related_name="core_groups")
    held_on = models.DateField("Date of the core group meeting")
    notes = models.TextField("Progress against the plan", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["plan", "held_on"], name="coregroup_plan_held")]


@audited()
class ConferenceBooking(models.Model):
    """An initial or review conference booked ahead: when and where, who chairs it and who is
    invited. Holding it records the `Conference` (the existing path, so the CP plan and the
    returns are unchanged) and links it here; the chair then issues the minutes."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cp_bookings")
    episode = models.ForeignKey("children_in_need.CINEpisode", on_delete=models.PROTECT, related_name="cp_bookings")
    kind = models.CharField(max_length=20, choices=ConferenceKind.choices)
    section47 = models.ForeignKey(
        Section47Enquiry, null=True, blank=True, on_delete=models.PROTECT, related_name="bookings"
    )
    plan = models.ForeignKey(
        ChildProtectionPlan, null=True, blank=True, on_delete=models.PROTECT, related_name="bookings"
    )
    booked_for = models.DateField("Date of the conference")
    starts_at = models.TimeField("Time")
    venue = models.CharField("Venue", max_length=200, blank=True)
    online = models.BooleanField("Held online", default=False)
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="conferences_to_chair")
    # The statutory date it is due by when booked (the ICPC's 15 working days, the review's
    # 3 or 6 months), kept so that a booking after it is shown late to the manager.
    due_by = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED)
    conference = models.OneToOneField(
        Conference, null=True, blank=True, on_delete=models.PROTECT, related_name="booking"
    )
    quorate = models.BooleanField(null=True, blank=True)
    quoracy_reason = models.CharField(max_length=300, blank=True)
    proceed_reason = models.TextField("Why the conference went ahead without being quorate", blank=True)
    cancelled_reason = models.TextField("Why the conference was cancelled", blank=True)
    minutes = models.TextField(blank=True)
    minutes_issued_on = models.DateField(null=True, blank=True)
    minutes_issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    booked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-booked_for", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=ConferenceKind.INITIAL, section47__isnull=False, plan__isnull=True)
                    | Q(kind=ConferenceKind.REVIEW, plan__isnull=False, section47__isnull=True)
                ),
                name="booking_initial_or_review",
            ),
            # One conference booked at a time for an enquiry or a plan: rebooking cancels first.
            models.UniqueConstraint(
                fields=["section47"], condition=Q(status=BookingStatus.BOOKED), name="booking_one_open_per_s47"
            ),
            models.UniqueConstraint(
                fields=["plan"], condition=Q(status=BookingStatus.BOOKED), name="booking_one_open_per_plan"
            ),
            models.CheckConstraint(
                condition=~Q(status=BookingStatus.HELD) | Q(conference__isnull=False),
                name="booking_held_has_conference",
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-booked_for"], name="booking_child_recent"),
            models.Index(fields=["chair", "status"], name="booking_chair_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} booked for {self.booked_for:%d/%m/%Y}"

    @property
    def booked_late(self) -> bool:
        return self.due_by is not None and self.booked_for > self.due_by

    @property
    def where(self) -> str:
        return "Online" + (f" and {self.venue}" if self.venue else "") if self.online else self.venue


@audited()
class ConferenceInvitee(models.Model):
    """A family member (from the child's family network) or an agency invited to a booked conference."""

    booking = models.ForeignKey(ConferenceBooking, on_delete=models.PROTECT, related_name="invitees")
    person = models.ForeignKey("people.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    agency = models.CharField(max_length=20, choices=InviteeAgency.choices, blank=True)
    name = models.CharField("Name", max_length=200)  # the family member's name as invited, or the agency's contact
    invited_on = models.DateField("Invited on")
    report_requested = models.BooleanField(default=False)
    report_received = models.BooleanField(default=False)
    attendance = models.CharField(max_length=20, choices=Attendance.choices, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, agency="") | Q(person__isnull=True) & ~Q(agency=""),
                name="invitee_family_or_agency",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_agency(self) -> bool:
        return bool(self.agency)
