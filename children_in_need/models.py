"""The CIN episode (the census's CINdetails), child in need plans with their reviews, and closure.

An episode runs from the referral that opened it to its closure with a reason (RC1-RC9). A child
has at most one open episode: PostgreSQL enforces it with a partial unique index, as well as the
service (children_in_need.services) with a message.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from codelists.cin import PrimaryNeed, ReasonForClosure
from core.audit import audited


class CINEpisodeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(end_date__isnull=True)


@audited()
class CINEpisode(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cin_episodes")
    referral = models.OneToOneField("front_door.Referral", on_delete=models.PROTECT, related_name="episode")
    start_date = models.DateField(help_text="The referral date.")
    primary_need = models.CharField(max_length=2, choices=PrimaryNeed.choices)
    end_date = models.DateField("Closure date", null=True, blank=True)
    closure_reason = models.CharField("Reason for closure", max_length=3, choices=ReasonForClosure.choices, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = CINEpisodeQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=Q(end_date__isnull=True), name="cinepisode_one_open"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="cinepisode_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True, closure_reason="")
                | (Q(end_date__isnull=False) & ~Q(closure_reason="")),
                name="cinepisode_closure_whole",
            ),
        ]
        indexes = [models.Index(fields=["child", "-start_date"], name="cinepisode_child_recent")]

    def __str__(self) -> str:
        return f"Child in need episode from {self.start_date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


@audited()
class CINPlan(models.Model):
    """A child in need plan (census CINPlanDates). One open at a time per child."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="cin_plans")
    episode = models.ForeignKey(CINEpisode, on_delete=models.PROTECT, related_name="cin_plans")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    end_reason = models.CharField(max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=Q(end_date__isnull=True), name="cinplan_one_open"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="cinplan_end_after_start"
            ),
        ]
        indexes = [models.Index(fields=["child", "-start_date"], name="cinplan_child_recent")]

    def __str__(self) -> str:
        return f"Child in need plan from {self.start_date:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.end_date is None


@audited()
class CINPlanReview(models.Model):
    plan = models.ForeignKey(CINPlan, on_delete=models.PROTECT, related_name="reviews")
    held_on = models.DateField("Date of the review")
    notes = models.TextField("Outcome of the review", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["plan", "-held_on"], name="cinplanreview_plan_recent")]
