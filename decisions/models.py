"""Decisions that need a manager (issue 14, part 3), beside the assessment's own authorisation
(assessments), which keeps its census fields: the worker submits a proposal (a change of plan,
a closure, a step-down, a case transfer or a placement) with their reasons; the team manager
authorises it or returns it with a reason, and the worker may resubmit. Each step is a line of
the child's chronology; the decision waits in the manager's tray with its age (decisions.providers)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from core.audit import audited


class Kind(models.TextChoices):
    PLAN = "plan", "Change of plan"
    CLOSURE = "closure", "Closure of the case"
    STEP_DOWN = "step_down", "Step-down"
    TRANSFER = "transfer", "Case transfer"
    PLACEMENT = "placement", "Placement"


class Status(models.TextChoices):
    SUBMITTED = "submitted", "Waiting for a manager"
    AUTHORISED = "authorised", "Authorised"
    RETURNED = "returned", "Returned"


@audited()
class ManagerDecision(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="manager_decisions")
    kind = models.CharField("Decision", max_length=12, choices=Kind.choices)
    proposal = models.TextField("What is proposed")
    reason = models.TextField("Why")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    round = models.PositiveSmallIntegerField(default=1)  # 2 after the first resubmission, and so on
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rationale = models.TextField("The manager's rationale, or the reason it was returned", blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["child", "-submitted_at"], name="decision_child"),
            models.Index(fields=["submitted_at"], condition=Q(status="submitted"), name="decision_waiting"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="submitted", decided_by__isnull=True, decided_at__isnull=True)
                | (~Q(status="submitted") & Q(decided_by__isnull=False, decided_at__isnull=False) & ~Q(rationale="")),
                name="decision_decided_whole",
            ),
            # No one authorises their own request (the service says so first).
            models.CheckConstraint(
                condition=Q(decided_by__isnull=True) | ~Q(decided_by=F("submitted_by")), name="decision_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_status_display().lower()}"
