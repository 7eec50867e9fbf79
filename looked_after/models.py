"""Children looked after: periods of care made of episodes, placements, IROs and reviews, care
plans, health, education and missing episodes.

Shaped so that the SSDA903 return and Ofsted's Annex A list 8 are read straight from these
tables (specs/ssda903/SSDA903_columns.txt):

- Episodes: one row per `Episode`. DECOM start_date, RNE, LS, CIN, DEC end_date, REC
  reason_ceased, REASON_PLACE_CHANGE, HOME_POST; PLACE, PLACE_PROVIDER, PL_POST and URN from
  its `Placement`.
- Reviews: `LAReview` (REVIEW held_on, REVIEW_CODE participation).
- UASC: `UASCStatus` (DUC ceased_on).
- OC2: `HealthCheck` (HEALTH_ASSESSMENT, HEALTH_CHECK, TEETH_CHECK), `ImmunisationStatus`,
  `SDQScore` (SDQ_SCORE, SDQ_REASON), `SubstanceMisuse` (SUBSTANCE_MISUSE,
  INTERVENTION_OFFERED, INTERVENTION_RECEIVED), `Conviction` (CONVICTED).
- Missing: `MissingEpisode` (MISSING kind, MIS_START and MIS_END the dates of its moments).
- DoLo (2026 to 2027 on): `DeprivationOfLiberty` (DOLO_START start_date, DOLO_END end_date).
- SWEpisodes come from casework's allocations, not from here.

A period of care is the time between starting and ceasing to be looked after. Its episodes run
end to end: a change of legal status or placement ends one episode and starts the next the same
day (REC X1). A placement is where the child lives and with whom; a change of legal status alone
starts a new episode in the same placement. PostgreSQL refuses overlapping periods, episodes,
placements, school placements and missing episodes for one child (exclusion constraints on
btree_gist), so even a race between two saves cannot leave two at once.
"""

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateRangeField, DateTimeRangeField, RangeOperators
from django.db import models
from django.db.models import Case, F, Func, Q, Value, When

from codelists.local_authorities import LocalAuthority
from codelists.ssda903 import (
    CategoryOfNeed,
    LegalStatus,
    MissingType,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    ReviewParticipation,
    SDQReason,
)
from core.audit import audited
from looked_after.choices import ContactMethod, HealthCheckKind

# Legal statuses of an agreed series of short-term breaks (respite). National looked-after
# measures exclude these children (TIMESCALES.md section B), so the episode says so itself.
SHORT_BREAK_STATUSES = (LegalStatus.V3, LegalStatus.V4)


class DateRange(Func):
    """PostgreSQL daterange(start, end, bounds); a NULL end is an open (infinite) range."""

    function = "daterange"
    output_field = DateRangeField()


class MomentRange(Func):
    """PostgreSQL tstzrange(start, end, bounds), for missing episodes timed to the minute."""

    function = "tstzrange"
    output_field = DateTimeRangeField()


def _no_overlap(name: str, start: str = "start_date", end: str = "end_date", range_func=DateRange):
    """A child's rows never overlap. [start, end): the next may start the day this one ends."""
    return ExclusionConstraint(
        name=name,
        expressions=[("child", RangeOperators.EQUAL), (range_func(start, end, Value("[)")), RangeOperators.OVERLAPS)],
    )


def _ends_after_start(name: str, start: str = "start_date", end: str = "end_date"):
    return models.CheckConstraint(condition=Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)}), name=name)


class OpenQuerySet(models.QuerySet):
    def open(self):
        return self.filter(end_date__isnull=True)


# --- Periods of care, placements and episodes -------------------------------------------------


@audited()
class PeriodOfCare(models.Model):
    """From the day the child starts to be looked after to the day they cease to be."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="periods_of_care")
    start_date = models.DateField("Date started to be looked after")
    end_date = models.DateField("Date ceased to be looked after", null=True, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = OpenQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name_plural = "periods of care"
        constraints = [_no_overlap("period_no_overlap"), _ends_after_start("period_end_after_start")]
        indexes = [
            models.Index(fields=["child", "-start_date"], name="period_child_recent"),
            models.Index(fields=["child"], condition=Q(end_date__isnull=True), name="period_open"),
        ]

    def __str__(self) -> str:
        return f"Period of care from {self.start_date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


@audited()
class Placement(models.Model):
    """Where and with whom the child lives. SSDA903 carries these on every episode; keeping them
    once per placement lets visits, the placed-with-parents agreement and "placements in the last
    12 months" belong to the placement, not to each episode within it."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="placements")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="placements")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    placement_type = models.CharField("Placement type", max_length=3, choices=PlacementType.choices)
    provider = models.CharField("Placement provider", max_length=3, choices=PlacementProvider.choices)
    postcode = models.CharField("Placement postcode", max_length=8)
    ofsted_urn = models.CharField("Ofsted URN", max_length=8, blank=True)
    carer_name = models.CharField("Carer or home", max_length=200, blank=True)
    # The authority the placement is in (SSDA903's PL_LA): Annex A's list 8 names it and says
    # whether it is inside the council's own. Blank: recorded before the question was asked.
    local_authority = models.CharField(
        "Local authority of the placement", max_length=3, blank=True, choices=LocalAuthority.choices
    )
    # CPPCR reg 28(2): after the first year, visits at most 3-monthly if the placement is
    # intended to last until the child is 18.
    intended_until_18 = models.BooleanField(default=False)
    # CPPCR reg 24 / 28(4): a connected person approved temporarily is visited weekly.
    temporary_approval = models.BooleanField(default=False)
    # The carers are the same as in the placement before (RNE T or U, not P or B).
    same_carers = models.BooleanField(default=False)

    objects = OpenQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [_no_overlap("placement_no_overlap"), _ends_after_start("placement_end_after_start")]
        indexes = [
            models.Index(fields=["child", "-start_date"], name="placement_child_recent"),
            # The placed-with-parents tracker: open placements of one type.
            models.Index(fields=["placement_type"], condition=Q(end_date__isnull=True), name="placement_open_type"),
        ]

    def __str__(self) -> str:
        return f"{self.get_placement_type_display()} from {self.start_date:%d/%m/%Y}"

    @property
    def with_parents(self) -> bool:
        return self.placement_type == PlacementType.P1


@audited()
class Episode(models.Model):
    """One row of the SSDA903 Episodes table."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_episodes")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="episodes")
    placement = models.ForeignKey(Placement, on_delete=models.PROTECT, related_name="episodes")
    start_date = models.DateField("Start date")
    end_date = models.DateField("End date", null=True, blank=True)
    reason_new_episode = models.CharField("Reason for new episode", max_length=1, choices=ReasonNewEpisode.choices)
    legal_status = models.CharField("Legal status", max_length=2, choices=LegalStatus.choices)
    category_of_need = models.CharField("Category of need", max_length=2, choices=CategoryOfNeed.choices)
    home_postcode = models.CharField("Home postcode", max_length=8)
    reason_ceased = models.CharField(
        "Reason episode ceased", max_length=3, choices=ReasonEpisodeCeased.choices, blank=True
    )
    # Recorded on the episode that ends because the placement changed (SSDA903 guide).
    reason_place_change = models.CharField(
        "Reason for placement change", max_length=6, choices=ReasonPlaceChange.choices, blank=True
    )
    short_break = models.GeneratedField(
        expression=Case(When(legal_status__in=SHORT_BREAK_STATUSES, then=Value(True)), default=Value(False)),
        output_field=models.BooleanField(),
        db_persist=True,
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = OpenQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            _no_overlap("episode_no_overlap"),
            _ends_after_start("episode_end_after_start"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, reason_ceased="")
                | (Q(end_date__isnull=False) & ~Q(reason_ceased="")),
                name="episode_end_whole",
            ),
        ]
        indexes = [models.Index(fields=["child", "-start_date"], name="episode_child_recent")]

    def __str__(self) -> str:
        return f"Episode from {self.start_date:%d/%m/%Y} ({self.legal_status})"


# Rules 709 and 710 of SSDA903 2026 to 2027 (lac2026_27): while a deprivation of liberty order
# lasts, the child is placed in a children's home (K2) or one of Z12 and Z13; never in a secure
# children's home (K1, which has its own secure accommodation order), with parents (P1) or the
# others 710 names.
DOLO_PLACEMENT_TYPES = (PlacementType.K2, PlacementType.Z12, PlacementType.Z13)


@audited()
class DeprivationOfLiberty(models.Model):
    """A court's order authorising the deprivation of a looked-after child's liberty (the
    inherent jurisdiction of the High Court), from the day it was made to the day it ended. One
    child's orders never overlap (rule 705), each within one period of care (rule 707), ending
    after it started (rule 702)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="deprivation_of_liberty_orders")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="deprivation_of_liberty_orders")
    start_date = models.DateField("Date the order was made")
    end_date = models.DateField("Date the order ended", null=True, blank=True)
    court = models.CharField("Court", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = OpenQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = "deprivation of liberty order"
        constraints = [
            _no_overlap("dolo_no_overlap"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gt=F("start_date")), name="dolo_ends_after_start"
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.end_date is None


@audited()
class UASCStatus(models.Model):
    """Unaccompanied asylum-seeking child: since when, and the date the status ceased (DUC)."""

    child = models.OneToOneField("people.Person", on_delete=models.PROTECT, related_name="uasc_status")
    uasc_from = models.DateField("UASC since")
    ceased_on = models.DateField("Date UASC status ceased", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "UASC status"
        verbose_name_plural = "UASC statuses"
        constraints = [_ends_after_start("uasc_ceased_after_start", "uasc_from", "ceased_on")]


@audited()
class PlacedWithParents(models.Model):
    """The placement-with-parents agreement for a P1 placement (CPPCR regs 15-20) and the plan
    to discharge the care order, which the tracker follows."""

    placement = models.OneToOneField(Placement, on_delete=models.PROTECT, related_name="with_parents_agreement")
    parent_name = models.CharField("Placed with", max_length=200)
    agreement_signed_on = models.DateField("Date the agreement was signed", null=True, blank=True)
    # Reg 19 placements are made before the assessment of the parent is complete; until it is,
    # visits are weekly until the first review (reg 28(3)).
    assessment_completed_on = models.DateField("Date the assessment of the parent was completed", null=True, blank=True)
    discharge_plan = models.TextField("Plan to discharge the care order", blank=True)
    discharge_target_date = models.DateField("Target date to apply for discharge", null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "placed with parents agreements"


# --- IROs, reviews, care plans -------------------------------------------------------------------


@audited()
class IROAssignment(models.Model):
    """The independent reviewing officer for a period of care, from when to when."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="iro_assignments")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="iro_assignments")
    iro = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="iro_assignments")
    start_date = models.DateField("Date appointed")
    end_date = models.DateField(null=True, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = OpenQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["period"], condition=Q(end_date__isnull=True), name="iro_one_open_per_period"
            ),
            _ends_after_start("iro_end_after_start"),
        ]
        # The IRO's home page: the children they chair now.
        indexes = [models.Index(fields=["iro"], condition=Q(end_date__isnull=True), name="iro_open_by_iro")]


@audited()
class LAReview(models.Model):
    """A looked-after review chaired by the IRO (CPPCR Part 6)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="la_reviews")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField("Date of the review")
    participation = models.CharField("How the child took part", max_length=3, choices=ReviewParticipation.choices)
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField("Summary of the review", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "looked-after review"
        constraints = [models.UniqueConstraint(fields=["child", "held_on"], name="lareview_one_a_day")]
        indexes = [models.Index(fields=["period", "held_on"], name="lareview_period_held")]

    def __str__(self) -> str:
        return f"Looked-after review on {self.held_on:%d/%m/%Y}"


@audited()
class ReviewAction(models.Model):
    """A decision of a review, as an action with an owner and a date."""

    review = models.ForeignKey(LAReview, on_delete=models.PROTECT, related_name="actions")
    action = models.TextField("Action")
    owner = models.CharField("Who will do it", max_length=200)
    due_date = models.DateField("Due by")
    completed_on = models.DateField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["due_date", "id"]


@audited()
class IROContact(models.Model):
    """The IRO meeting or speaking with the child (Annex A: date of last IRO visit or contact)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="iro_contacts")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="iro_contacts")
    iro = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    contact_on = models.DateField("Date of the contact")
    method = models.CharField("How", max_length=20, choices=ContactMethod.choices)
    notes = models.TextField("What the child said", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-contact_on", "-id"]
        indexes = [models.Index(fields=["child", "-contact_on"], name="irocontact_child_recent")]


@audited()
class CarePlan(models.Model):
    """The care plan for a period of care (CPPCR reg 4), each version with the date agreed."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="care_plans")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.PROTECT, related_name="care_plans")
    agreed_on = models.DateField("Date the care plan was agreed")
    summary = models.TextField("Summary of the plan", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-agreed_on", "-id"]


# --- Health (the OC2 items) --------------------------------------------------------------------


@audited()
class HealthCheck(models.Model):
    """An initial or review health assessment, or a dental check."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="health_checks")
    kind = models.CharField(max_length=10, choices=HealthCheckKind.choices)
    done_on = models.DateField("Date")
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-done_on", "-id"]
        indexes = [models.Index(fields=["child", "kind", "done_on"], name="healthcheck_child_kind")]


@audited()
class ImmunisationStatus(models.Model):
    """Whether the child's immunisations were up to date, as found on a date (OC2 IMMUNISATIONS)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="immunisation_statuses")
    checked_on = models.DateField("Date checked")
    up_to_date = models.BooleanField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-checked_on", "-id"]
        verbose_name_plural = "immunisation statuses"


@audited()
class SDQScore(models.Model):
    """A strengths and difficulties questionnaire: the score, or why there is none."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="sdq_scores")
    completed_on = models.DateField("Date of the questionnaire")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    reason = models.CharField("Reason there is no score", max_length=4, choices=SDQReason.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-completed_on", "-id"]
        verbose_name = "SDQ score"
        constraints = [
            models.CheckConstraint(
                condition=(Q(score__isnull=False, score__lte=40) & Q(reason=""))
                | (Q(score__isnull=True) & ~Q(reason="")),
                name="sdq_score_or_reason",
            )
        ]


@audited()
class SubstanceMisuse(models.Model):
    """A substance misuse problem identified, and whether an intervention was offered and received."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="substance_misuse")
    identified_on = models.DateField("Date identified")
    intervention_offered = models.BooleanField()
    intervention_received = models.BooleanField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-identified_on", "-id"]
        verbose_name_plural = "substance misuse"
        constraints = [
            models.CheckConstraint(
                condition=Q(intervention_received=False) | Q(intervention_offered=True),
                name="substance_received_if_offered",
            )
        ]


@audited()
class Conviction(models.Model):
    """A conviction or final warning or reprimand (OC2 CONVICTED)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="convictions")
    convicted_on = models.DateField("Date")
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-convicted_on", "-id"]


# --- Education ---------------------------------------------------------------------------------


@audited()
class PersonalEducationPlan(models.Model):
    """A personal education plan meeting: the first of a period starts the plan, later ones review it."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="peps")
    held_on = models.DateField("Date of the PEP meeting")
    notes = models.TextField("Targets and support agreed", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "personal education plan"
        constraints = [models.UniqueConstraint(fields=["child", "held_on"], name="pep_one_a_day")]


@audited()
class SchoolPlacement(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="schools")
    school_name = models.CharField("School", max_length=200)
    school_urn = models.CharField("School URN", max_length=6, blank=True)
    start_date = models.DateField("Start date")
    end_date = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = OpenQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [_no_overlap("school_no_overlap"), _ends_after_start("school_end_after_start")]


# --- Missing -----------------------------------------------------------------------------------


class MissingEpisodeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(returned_at__isnull=True)


@audited()
class MissingEpisode(models.Model):
    """Missing from care, or away from placement without authorisation, timed to the minute: the
    return home interview is due 72 hours after the moment of return (TIMESCALES.md C3.5)."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="missing_episodes")
    # The period of care the child was in when they went missing; none for a child at home.
    period = models.ForeignKey(
        PeriodOfCare, null=True, blank=True, on_delete=models.PROTECT, related_name="missing_episodes"
    )
    kind = models.CharField("Missing or away", max_length=1, choices=MissingType.choices)
    started_at = models.DateTimeField("Went missing")
    returned_at = models.DateTimeField("Returned", null=True, blank=True)
    reported_to_police = models.BooleanField(default=False)
    circumstances = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = MissingEpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [
            _no_overlap("missing_no_overlap", "started_at", "returned_at", MomentRange),
            models.CheckConstraint(
                condition=Q(returned_at__isnull=True) | Q(returned_at__gt=F("started_at")),
                name="missing_return_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-started_at"], name="missing_child_recent"),
            models.Index(fields=["child"], condition=Q(returned_at__isnull=True), name="missing_now"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_at:%d/%m/%Y %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.returned_at is None


@audited()
class ReturnInterview(models.Model):
    """The independent return home interview offered after a missing episode."""

    missing_episode = models.OneToOneField(MissingEpisode, on_delete=models.PROTECT, related_name="return_interview")
    offered_at = models.DateTimeField("Offered")
    accepted = models.BooleanField()
    held_on = models.DateField("Date of the interview", null=True, blank=True)
    interviewer = models.CharField("Who offered it", max_length=200, blank=True)
    learned = models.TextField("What was learned", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(held_on__isnull=True) | Q(accepted=True), name="rhi_held_only_if_accepted"
            ),
        ]
