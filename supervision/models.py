"""Supervision: a worker's professional supervision by their supervisor, and within it the case
discussions written onto each child's record (PRACTICE.md section 1).

Three things are kept apart, as the practice guidance keeps them:
- the session itself (wellbeing, workload, learning, reflection) and its actions, which are about
  the worker: only the supervisee, the supervisor and the supervisor's managers read them
  (supervision.selectors);
- each case discussion, which is part of one child's record and is read under the child's access
  rules (access.selectors), like any other page of the record;
- the actions agreed in a case discussion, which are due items in their owner's tray
  (supervision.providers) until they are done or carried forward to the next discussion.

Dates are the date the supervision was held, not the date it was typed.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from core.audit import audited
from core.models import Recorded


class SessionQuerySet(models.QuerySet):
    def latest_first(self):
        return self.order_by("-held_on", "-id")


@audited()
class SupervisionSession(Recorded):
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions_received"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions_given"
    )
    held_on = models.DateField("Date the supervision was held")
    attendees = models.TextField("Others present", blank=True)
    wellbeing = models.TextField("Wellbeing", blank=True)
    workload = models.TextField("Workload and caseload", blank=True)
    learning = models.TextField("Learning and development", blank=True)
    reflection = models.TextField("Reflection", blank=True)
    supervisor_signed_at = models.DateTimeField(null=True, blank=True)
    supervisee_signed_at = models.DateTimeField(null=True, blank=True)
    # The supervisee's answer when they sign: they agree that it is a fair record, or they do not.
    supervisee_agrees = models.BooleanField(null=True, blank=True)
    supervisee_comment = models.TextField("Supervisee's comment", blank=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [
            models.Index(fields=["supervisee", "-held_on"], name="supervision_supervisee"),
            models.Index(fields=["supervisor", "-held_on"], name="supervision_supervisor"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(supervisee=F("supervisor")), name="supervision_not_self"),
            models.CheckConstraint(
                condition=Q(supervisee_signed_at__isnull=True) | Q(supervisor_signed_at__isnull=False),
                name="supervision_supervisor_signs_first",
            ),
            models.CheckConstraint(
                condition=Q(supervisee_signed_at__isnull=True, supervisee_agrees__isnull=True)
                | Q(supervisee_signed_at__isnull=False, supervisee_agrees__isnull=False),
                name="supervision_signature_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"Supervision of {self.supervisee} by {self.supervisor} on {self.held_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        """Still being written by the supervisor: case discussions and actions may be added."""
        return self.supervisor_signed_at is None

    @property
    def is_signed(self) -> bool:
        return self.supervisee_signed_at is not None


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(done_on__isnull=True)


class Action(Recorded):
    """What an action agreed in supervision holds: what, who, by when, and when it was done."""

    action = models.TextField("Action")
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField("Due by")
    done_on = models.DateField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ActionQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        return self.done_on is None

    @property
    def is_overdue(self) -> bool:
        from core import clock

        return self.done_on is None and self.due_on < clock.today()


@audited()
class SupervisionAction(Action):
    """An action about the worker (a course to book, leave to take), agreed in their supervision.
    Carried forward to the next session while it is open."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.PROTECT, related_name="actions")
    carried_to = models.ForeignKey(
        SupervisionSession, null=True, blank=True, on_delete=models.PROTECT, related_name="carried_actions"
    )

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["owner", "due_on"], condition=Q(done_on__isnull=True), name="supervision_action_open")
        ]

    def __str__(self) -> str:
        return self.action[:80]


@audited()
class CaseDiscussion(Recorded):
    """One child's case discussed in a supervision session: written on the child's record."""

    session = models.ForeignKey(SupervisionSession, on_delete=models.PROTECT, related_name="case_discussions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_discussions")
    situation = models.TextField("The child's situation")
    analysis = models.TextField("Analysis of risk and progress")
    direction = models.TextField("Management direction")
    rationale = models.TextField("Rationale for the direction")

    class Meta:
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["session", "child"], name="case_discussion_one_per_session")]
        indexes = [models.Index(fields=["child", "-id"], name="case_discussion_child")]

    def __str__(self) -> str:
        return f"Case supervision of {self.child_id} in session {self.session_id}"


@audited()
class CaseAction(Action):
    """An action agreed in a case discussion. `child` is the discussion's child, kept on the row so
    that the child's due items and every list filter on it directly."""

    discussion = models.ForeignKey(CaseDiscussion, on_delete=models.PROTECT, related_name="actions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_supervision_actions")
    carried_to = models.ForeignKey(
        CaseDiscussion, null=True, blank=True, on_delete=models.PROTECT, related_name="carried_actions"
    )

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["child", "due_on"], name="case_action_child")]

    def __str__(self) -> str:
        return self.action[:80]
