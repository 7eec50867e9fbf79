"""Care leavers: who is a care leaver and in which category, their personal adviser, the needs
assessment and pathway plan with its reviews, and keeping in touch.

Where the returns read them:
- SSDA903 OC3 (IN_TOUCH, ACTIV, ACCOM): the `KeepingInTouch` record nearest the young person's
  birthday in the collection year; every check is kept, so the return can choose.
- Annex A list 9: category, personal adviser, latest pathway plan date (the plan's start or its
  latest review), in touch, latest date of contact (the latest record with in_touch = YES),
  accommodation with its suitability (the 1/2 suffix of the ACCOM code), activity.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from care_leavers.choices import CareLeaverEnd, Eligibility, ReviewRequestedBy
from codelists.ssda903 import Accommodation, Activity, InTouch
from core.audit import audited
from core.models import Recorded


class CareLeaverQuerySet(models.QuerySet):
    def current(self):
        return self.filter(ended_on__isnull=True)


@audited()
class CareLeaver(Recorded):
    """A young person the authority supports as a care leaver (one record each; the category
    changes as they grow up and leave care, and the audit trail keeps every change).

    `eligible_from` is the date they became an eligible child (looked after for 13 weeks since the
    age of 14, ending after 16: CPPCR reg 40): the pathway plan is due 3 months after it or after
    the 16th birthday, whichever is later (reg 42(1)). A qualifying care leaver has none.
    """

    person = models.OneToOneField("people.Person", on_delete=models.PROTECT, related_name="care_leaver")
    category = models.CharField("Eligibility category", max_length=20, choices=Eligibility.choices)
    category_since = models.DateField("In this category since")
    eligible_from = models.DateField("Date they became an eligible child", null=True, blank=True)
    personal_adviser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="care_leavers"
    )
    adviser_since = models.DateField("Personal adviser since", null=True, blank=True)
    ended_on = models.DateField("Date support ended", null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=CareLeaverEnd.choices, blank=True)

    objects = CareLeaverQuerySet.as_manager()

    class Meta:
        indexes = [
            # A personal adviser's caseload: their current young people.
            models.Index(
                fields=["personal_adviser"], condition=Q(ended_on__isnull=True), name="careleaver_adviser_current"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, end_reason="") | (Q(ended_on__isnull=False) & ~Q(end_reason="")),
                name="careleaver_end_whole",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("category_since")),
                name="careleaver_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(personal_adviser__isnull=True, adviser_since__isnull=True)
                | Q(personal_adviser__isnull=False, adviser_since__isnull=False),
                name="careleaver_adviser_whole",
            ),
            models.CheckConstraint(
                condition=Q(category=Eligibility.QUALIFYING) | Q(eligible_from__isnull=False),
                name="careleaver_eligible_from_known",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_category_display()}"

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


@audited()
class NeedsAssessment(Recorded):
    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.PROTECT, related_name="needs_assessments")
    completed_on = models.DateField("Date the assessment was completed")
    notes = models.TextField("Needs identified", blank=True)

    class Meta:
        ordering = ["-completed_on", "-id"]


@audited()
class PathwayPlan(Recorded):
    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.PROTECT, related_name="pathway_plans")
    started_on = models.DateField("Date the pathway plan was prepared")
    notes = models.TextField("Summary of the plan", blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]


@audited()
class PathwayPlanReview(Recorded):
    plan = models.ForeignKey(PathwayPlan, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField("Date of the review")
    requested_by = models.CharField(
        max_length=30, choices=ReviewRequestedBy.choices, default=ReviewRequestedBy.SCHEDULED
    )
    notes = models.TextField("What changed", blank=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]


@audited()
class KeepingInTouch(Recorded):
    """One check on how the young person is doing: whether the authority is in touch (a contact
    when in_touch is YES), where they live and whether it is suitable, and what they are doing."""

    care_leaver = models.ForeignKey(CareLeaver, on_delete=models.PROTECT, related_name="contacts")
    contact_on = models.DateField("Date")
    in_touch = models.CharField("In touch", max_length=4, choices=InTouch.choices)
    accommodation = models.CharField(max_length=2, choices=Accommodation.choices, blank=True)
    activity = models.CharField("Main activity", max_length=2, choices=Activity.choices, blank=True)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-contact_on", "-id"]
        indexes = [models.Index(fields=["care_leaver", "-contact_on"], name="keepintouch_recent")]
        constraints = [
            # SSDA903 rule 344: nothing about activity or accommodation after a death or a return home.
            models.CheckConstraint(
                condition=~Q(in_touch__in=["DIED", "RHOM"]) | Q(accommodation="", activity=""),
                name="keepintouch_nothing_after_died_or_home",
            ),
        ]

    @property
    def is_contact(self) -> bool:
        return self.in_touch == InTouch.YES

    @property
    def accommodation_suitable(self) -> bool | None:
        """The 1/2 suffix of the ACCOM code: suitable, not suitable, or not known."""
        if self.accommodation and self.accommodation[-1] in "12":
            return self.accommodation[-1] == "1"
        return None
