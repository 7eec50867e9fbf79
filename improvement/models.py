"""Inspections and the improvement plan (issue 15, part 5).

- An `Inspection` (kind, dates, when its report was published) with its `Judgement`s, one per
  ILACS area graded on the four-point scale, and its numbered `Recommendation`s.
- The `ImprovementPlan` answering it: one per inspection, with an owner (the senior leader who
  answers for it); it is due 70 working days after the report (the rule `improvement_plan`).
- Each recommendation's `Action`s: owner, due date, status, progress, and what evidences progress
  (indicator codes from the performance registry and audit learning themes). The RAG rating is
  worked out from status and dates when read (improvement.rag), never stored.

Nothing here is a child's record: the pages name no child."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from audits.choices import Grade
from core.audit import audited
from core.models import Recorded
from improvement.choices import ActionStatus, InspectionKind, JudgementArea


@audited()
class Inspection(Recorded):
    kind = models.CharField(max_length=30, choices=InspectionKind.choices)
    started_on = models.DateField("First day on site")
    ended_on = models.DateField("Last day on site")
    report_published_on = models.DateField("Report published", null=True, blank=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(ended_on__gte=models.F("started_on")), name="inspection_dates_in_order"),
            models.CheckConstraint(
                condition=Q(report_published_on__isnull=True) | Q(report_published_on__gte=models.F("ended_on")),
                name="inspection_report_after_visit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.started_on:%-d %B %Y}"


@audited()
class Judgement(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="judgements")
    area = models.CharField(max_length=30, choices=JudgementArea.choices)
    grade = models.PositiveSmallIntegerField(choices=Grade.choices)

    class Meta:
        ordering = ["inspection", "id"]
        constraints = [models.UniqueConstraint(fields=["inspection", "area"], name="judgement_one_per_area")]


@audited()
class Recommendation(Recorded):
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    area = models.CharField(max_length=30, choices=JudgementArea.choices)

    class Meta:
        ordering = ["inspection", "number"]
        constraints = [models.UniqueConstraint(fields=["inspection", "number"], name="recommendation_number_unique")]

    def __str__(self) -> str:
        return f"Recommendation {self.number}"


@audited()
class ImprovementPlan(Recorded):
    inspection = models.OneToOneField(Inspection, on_delete=models.PROTECT, related_name="plan")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="improvement_plans")
    sent_on = models.DateField("Sent to Ofsted", null=True, blank=True)

    def __str__(self) -> str:
        return f"Improvement plan: {self.inspection}"


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=ActionStatus.DONE)


@audited()
class Action(Recorded):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.PROTECT, related_name="actions")
    plan = models.ForeignKey(ImprovementPlan, on_delete=models.PROTECT, related_name="actions")
    description = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="improvement_actions")
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    done_on = models.DateField(null=True, blank=True)
    progress = models.TextField(blank=True)
    # What evidences progress: indicator codes (performance.indicators) and audit learning themes
    # (audits.choices.Theme), shown with their live figures on the plan and the "how do we know" page.
    indicators = ArrayField(models.CharField(max_length=60), default=list, blank=True)
    audit_themes = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation__number", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ActionStatus.DONE, done_on__isnull=False)
                | (~Q(status=ActionStatus.DONE) & Q(done_on__isnull=True)),
                name="improvement_action_done_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "due_on"], condition=~Q(status="done"), name="improvement_action_owner_open")
        ]

    def __str__(self) -> str:
        return self.description[:80]
