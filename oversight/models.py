"""Management oversight at key decisions, and the IRO's challenge (the dispute resolution process).

- `OversightEntry`: a team manager's recorded oversight of one key event (oversight.key_events) on
  the child's record: the decision, its rationale and the direction given. It closes the due item
  the key event made (oversight.providers).
- `Challenge` and its `ChallengeStage`s: an IRO (or CP chair) raises a concern about the child's
  plan, informally first, then in formal stages up the line of management, each addressed to a
  named person with a response due within a local standard. A stage not answered in time shows in
  the tray of the person named to take it next (oversight.selectors): nothing is stored for that,
  the clock decides, as it decides what is overdue.
- `GoodPractice`: the IRO's good-practice alert.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from core.audit import audited
from oversight.choices import Capacity, Category, Outcome, Stage


@audited()
class OversightStart(models.Model):
    """From which day key events need a manager's recorded oversight: an authority's own choice,
    set when it adopts the standard (the migration sets the day it was installed). Key events
    before it, such as the history brought over from an old system, are not asked for. One row;
    with none, no key event is asked for."""

    starts_on = models.DateField("Key events need oversight from")
    reason = models.TextField(blank=True, help_text="For example the board decision.")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(id=1), name="oversight_start_one_row")]

    def __str__(self) -> str:
        return f"Key events need oversight from {self.starts_on:%d %B %Y}"


@audited()
class OversightEntry(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="oversight_entries")
    # The key event's line of the chronology: it names the event and its record. Kept if a
    # correction ever removed that line, so the oversight given is never lost.
    event = models.ForeignKey("casework.ChronologyEvent", null=True, on_delete=models.SET_NULL, related_name="+")
    key_event = models.CharField(max_length=40)  # oversight.key_events key
    event_date = models.DateField("Date of the key event")
    held_on = models.DateField("Date of the oversight")
    decision = models.TextField()
    rationale = models.TextField()
    direction = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["event"], condition=Q(event__isnull=False), name="oversight_one_per_event"),
            models.CheckConstraint(condition=Q(held_on__gte=F("event_date")), name="oversight_after_event"),
        ]
        indexes = [models.Index(fields=["child", "-held_on"], name="oversight_child")]

    def __str__(self) -> str:
        return f"Oversight of {self.key_event} on {self.event_date:%d/%m/%Y}"


class ChallengeQuerySet(models.QuerySet):
    def open(self):
        return self.filter(outcome="")


@audited()
class Challenge(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="challenges")
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="challenges_raised")
    capacity = models.CharField(max_length=10, choices=Capacity.choices)
    category = models.CharField("Theme", max_length=30, choices=Category.choices)
    concern = models.TextField()
    raised_on = models.DateField()
    # The team holding the child when it was raised: the annual report counts by team.
    team = models.ForeignKey("workforce.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    closing_notes = models.TextField(blank=True)
    child_told = models.BooleanField(null=True)
    advocate_offered = models.BooleanField(null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="", closed_on__isnull=True) | (~Q(outcome="") & Q(closed_on__isnull=False)),
                name="challenge_closed_whole",
            ),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("raised_on")),
                name="challenge_closed_after_raised",
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-raised_on"], name="challenge_child"),
            models.Index(fields=["raised_on"], name="challenge_raised_on"),
        ]

    def __str__(self) -> str:
        return f"{self.get_category_display()} challenge raised {self.raised_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return not self.outcome


@audited()
class ChallengeStage(models.Model):
    challenge = models.ForeignKey(Challenge, on_delete=models.PROTECT, related_name="stages")
    stage = models.PositiveSmallIntegerField(choices=Stage.choices)
    addressed_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Who takes it at the next stage if nobody answers by the due date (none at the last stage).
    escalate_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField()
    due_date = models.DateField()  # by the local standard in force when the stage was raised
    # Opened because the stage before went unanswered past its due date.
    unanswered_before = models.BooleanField(default=False)
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    responded_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["stage"]
        constraints = [
            models.UniqueConstraint(fields=["challenge", "stage"], name="challenge_stage_once"),
            models.CheckConstraint(condition=Q(due_date__gte=F("raised_on")), name="challenge_stage_due_after"),
            models.CheckConstraint(
                condition=Q(responded_on__isnull=True, responded_by__isnull=True)
                | Q(responded_on__isnull=False, responded_by__isnull=False),
                name="challenge_stage_response_whole",
            ),
        ]
        indexes = [
            models.Index(
                fields=["addressed_to", "due_date"],
                condition=Q(responded_on__isnull=True),
                name="challenge_stage_waiting",
            ),
            models.Index(
                fields=["escalate_to", "due_date"],
                condition=Q(responded_on__isnull=True),
                name="challenge_stage_escalating",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_stage_display()} addressed to {self.addressed_to}"

    @property
    def answered(self) -> bool:
        return self.responded_on is not None


@audited()
class GoodPractice(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="good_practice")
    noted_on = models.DateField()
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-noted_on", "-id"]
        indexes = [models.Index(fields=["child", "-noted_on"], name="good_practice_child")]

    def __str__(self) -> str:
        return f"Good practice noted {self.noted_on:%d/%m/%Y}"
