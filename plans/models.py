"""What a plan holds, whatever kind of plan it is: the outcomes (what must change, by when, how we
will know), the actions with an owner and a due date, the contingency, and the progress recorded
against each action at a core group or review.

The plan itself stays in its area (a child protection plan in child_protection, a child in need
plan in children_in_need, a care plan in looked_after): `PlanContent` points at it by content type
and id, as timescales.DueItem points at its source, so that this app knows no area and each area
registers its kind of plan (plans.kinds). Plans are never deleted (they are ended), so the pointer
cannot dangle."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from core.audit import audited
from core.models import Recorded
from plans.choices import OwnerKind, Progress


@audited()
class PlanContent(models.Model):
    """One plan's content: made the first time anything is written to the plan."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="plan_contents")
    plan_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    plan_id = models.BigIntegerField()
    contingency = models.TextField("What happens if the plan does not work", blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan_type", "plan_id"], name="plan_content_one_per_plan")]
        indexes = [models.Index(fields=["child"], name="plan_content_child")]

    def __str__(self) -> str:
        return f"Content of plan {self.plan_type_id}:{self.plan_id}"


@audited()
class PlanSection(Recorded):
    """One section of a plan written as text (plans.kinds.Section): the care plan's placement,
    health, education, contact and permanence; the placed-with-parents agreement's parts."""

    content = models.ForeignKey(PlanContent, on_delete=models.PROTECT, related_name="sections")
    key = models.CharField(max_length=40)
    text = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content", "key"], name="plan_section_once")]

    def __str__(self) -> str:
        return f"{self.key} of {self.content}"


@audited()
class Outcome(Recorded):
    content = models.ForeignKey(PlanContent, on_delete=models.PROTECT, related_name="outcomes")
    what_must_change = models.TextField("What must change")
    by_when = models.DateField("By when")
    how_we_will_know = models.TextField("How we will know it has changed")

    class Meta:
        ordering = ["by_when", "id"]

    def __str__(self) -> str:
        return self.what_must_change[:80]


@audited()
class PlanAction(Recorded):
    """An action towards an outcome. `child` is the plan's child, kept on the row so that the
    child's due items start from it directly (plans.providers)."""

    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="actions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="plan_actions")
    action = models.TextField("Action")
    owner_kind = models.CharField(max_length=10, choices=OwnerKind.choices)
    owner_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="plan_actions"
    )
    owner_name = models.CharField("Owner", max_length=200, blank=True)
    due_on = models.DateField("Due by")
    # The day it was agreed (the clock's, so a demo or a test moved in time agrees with itself):
    # when its due item's clock started.
    added_on = models.DateField("Added to the plan on")
    # Copied from the latest progress recorded (plans.services.progress_record): the plan page and
    # the due items read it without going through every meeting's progress.
    status = models.CharField(max_length=12, choices=Progress.choices, default=Progress.NOT_STARTED)
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["child"], name="plan_action_child")]
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_kind=OwnerKind.STAFF, owner_staff__isnull=False)
                | (~Q(owner_kind=OwnerKind.STAFF) & Q(owner_staff__isnull=True) & ~Q(owner_name="")),
                name="plan_action_owner_named",
            ),
            models.CheckConstraint(
                condition=Q(status=Progress.DONE, done_on__isnull=False)
                | (~Q(status=Progress.DONE) & Q(done_on__isnull=True)),
                name="plan_action_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.action[:80]

    @property
    def status_colour(self) -> str:
        return {Progress.DONE: "green", Progress.ON_TRACK: "blue", Progress.NOT_DONE: "red"}.get(self.status, "grey")

    def is_overdue(self, today) -> bool:
        return self.status != Progress.DONE and self.due_on < today

    @property
    def owner(self) -> str:
        """Who owns it, as the plan page names them."""
        if self.owner_kind == OwnerKind.STAFF:
            return str(self.owner_staff)
        return f"{self.owner_name} ({'family' if self.owner_kind == OwnerKind.FAMILY else 'agency'})"


@audited()
class ActionProgress(Recorded):
    """Progress against one action, recorded at a meeting (a core group, a review): which meeting
    is its content type and id, as for the plan."""

    action = models.ForeignKey(PlanAction, on_delete=models.PROTECT, related_name="progress")
    status = models.CharField(max_length=12, choices=Progress.choices)
    note = models.TextField(blank=True)
    held_on = models.DateField("Date of the meeting")
    meeting_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    meeting_id = models.BigIntegerField()

    class Meta:
        ordering = ["held_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["action", "meeting_type", "meeting_id"], name="action_progress_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} at the meeting on {self.held_on}"
