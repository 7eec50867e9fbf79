"""Case audits (PRACTICE.md section 3, issue 17).

- Audit tools are data (`AuditTool`, its `AuditDomain`s and their `AuditQuestion`s): each domain
  has its guidance and a descriptor for each grade of the four-point scale, shown at the point of
  grading. Two ready-made tools are loaded by a data migration.
- A `Programme` (theme, tool, cohort, sample rule, seed) draws its sample of children reproducibly
  (audits.sampling) and assigns each to an auditor free of conflicts of interest.
- Each `Audit` is one child in one programme: a frozen snapshot of what the auditor saw, the
  compliance part counted from the record (kept apart from the judgement), `Grading`s by domain and
  overall (the auditor's, and a blind moderator's for the moderated share: the moderated grade
  stands), the practitioner's and manager's `Reflection`s, the family's and child's feedback, and
  `AuditAction`s, due items in their owner's tray until done.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q

from audits.choices import Grade, ReflectionBy, SampleRule, Service, Status
from core.audit import audited
from core.models import Recorded
from supervision.models import Action


@audited()
class AuditTool(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@audited()
class AuditDomain(models.Model):
    """One domain of a tool ("voice of the child"), graded on the four-point scale with evidence.
    `descriptors` holds the text for each grade: {"1": "Outstanding when...", ...}."""

    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="domains")
    order = models.PositiveSmallIntegerField()
    code = models.SlugField(max_length=40)
    name = models.CharField(max_length=200)
    guidance = models.TextField()
    descriptors = models.JSONField()

    class Meta:
        ordering = ["tool", "order"]
        constraints = [models.UniqueConstraint(fields=["tool", "code"], name="audit_domain_code")]

    def __str__(self) -> str:
        return self.name

    def descriptor(self, grade) -> str:
        return self.descriptors.get(str(int(grade)), "")


@audited()
class AuditQuestion(models.Model):
    domain = models.ForeignKey(AuditDomain, on_delete=models.PROTECT, related_name="questions")
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    guidance = models.TextField(blank=True)

    class Meta:
        ordering = ["domain", "order"]

    def __str__(self) -> str:
        return self.text


@audited()
class Programme(Recorded):
    """An audit programme: what is audited, of which children, how many, and by whom."""

    theme = models.CharField("Theme", max_length=200)
    tool = models.ForeignKey(AuditTool, on_delete=models.PROTECT, related_name="programmes")
    # The cohort: a filter on the record.
    service = models.CharField(max_length=30, choices=Service.choices, default=Service.ANY)
    legal_status = models.CharField(max_length=2, blank=True)  # an SSDA903 legal status code, or any
    teams = models.ManyToManyField("workforce.Team", blank=True, related_name="+")
    age_from = models.PositiveSmallIntegerField(null=True, blank=True)
    age_to = models.PositiveSmallIntegerField(null=True, blank=True)
    open_from = models.DateField("Open at any time from")
    open_to = models.DateField("Open at any time until")
    # The sample.
    sample_rule = models.CharField(max_length=20, choices=SampleRule.choices, default=SampleRule.STRATIFIED)
    sample_size = models.PositiveIntegerField(null=True, blank=True)
    seed = models.PositiveIntegerField()
    moderation_percent = models.PositiveSmallIntegerField(default=10)
    auditors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="audit_programmes")
    moderators = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="moderated_programmes", blank=True)
    # How long auditors may read their sampled children's records.
    audit_by = models.DateField("Audits to be done by")
    drawn_at = models.DateTimeField(null=True, blank=True)
    drawn_seed = models.PositiveIntegerField(null=True, blank=True)
    cohort_size = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-open_to", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(open_to__gte=F("open_from")), name="programme_period_order"),
            models.CheckConstraint(condition=Q(moderation_percent__lte=100), name="programme_moderation_percent"),
            models.CheckConstraint(
                condition=Q(sample_rule=SampleRule.ALL) | Q(sample_size__gte=1), name="programme_sample_size"
            ),
        ]

    def __str__(self) -> str:
        return self.theme


@audited()
class Audit(models.Model):
    """One child's case audited in a programme."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="audits")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="case_audits")
    auditor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audits_assigned")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="audits_to_moderate"
    )
    # Who held the child when the sample was drawn: the stratum, and who is invited to reflect.
    team = models.ForeignKey("workforce.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    service = models.CharField(max_length=30, choices=Service.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ASSIGNED)
    # The auditor reads the child's record until then, while the audit is open (audits.access).
    access_until = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    # What the auditor saw, frozen when they started (audits.snapshot).
    snapshot = models.JSONField(default=dict, blank=True)
    # The compliance part, counted from the record when the audit started (None: not applicable).
    visits_in_time = models.BooleanField(null=True, blank=True)
    reviews_in_time = models.BooleanField(null=True, blank=True)
    supervision_in_time = models.BooleanField(null=True, blank=True)
    # The overall grade that stands: the moderator's, once moderated, else the auditor's.
    grade = models.PositiveSmallIntegerField(choices=Grade.choices, null=True, blank=True)
    themes = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    summary = models.TextField("Summary of findings", blank=True)
    family_feedback = models.TextField(blank=True)
    child_feedback = models.TextField(blank=True)
    reaudit_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "child"], name="audit_one_per_child"),
            models.CheckConstraint(
                condition=Q(moderator__isnull=True) | ~Q(moderator=F("auditor")), name="audit_not_own_moderation"
            ),
            models.CheckConstraint(
                condition=Q(status=Status.ASSIGNED) | Q(grade__isnull=False, completed_at__isnull=False),
                name="audit_completed_whole",
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-id"], name="audit_child"),
            models.Index(fields=["auditor", "status"], name="audit_auditor"),
            models.Index(fields=["completed_at"], name="audit_completed", condition=Q(status=Status.COMPLETED)),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.child_id} in {self.programme_id}"

    @property
    def is_open(self) -> bool:
        return self.status == Status.ASSIGNED

    @property
    def needs_moderation(self) -> bool:
        return self.moderator_id is not None and self.moderated_at is None


class GraderRole(models.TextChoices):
    AUDITOR = "auditor", "Auditor"
    MODERATOR = "moderator", "Moderator"


@audited()
class Grading(models.Model):
    """One grade with its evidence: for a domain, or (domain None) the case overall. `stands` is
    the grade that counts: the auditor's until a moderator grades, then the moderator's."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="gradings")
    domain = models.ForeignKey(AuditDomain, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=10, choices=GraderRole.choices)
    grader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    grade = models.PositiveSmallIntegerField(choices=Grade.choices)
    evidence = models.TextField()
    stands = models.BooleanField(default=True)
    graded_at = models.DateTimeField()

    class Meta:
        ordering = ["audit", "domain__order", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["audit", "domain", "role"], name="grading_one_per_role", nulls_distinct=False
            ),
            models.CheckConstraint(condition=~Q(evidence=""), name="grading_has_evidence"),
        ]
        indexes = [models.Index(fields=["domain", "grade"], name="grading_standing", condition=Q(stands=True))]


@audited()
class Reflection(Recorded):
    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="reflections")
    by = models.CharField(max_length=20, choices=ReflectionBy.choices)
    reflection = models.TextField()

    class Meta:
        ordering = ["id"]


@audited()
class AuditAction(Action):
    """An action the audit set, with its owner and due date: a due item in the owner's tray
    (audits.providers), on the child's record, and past its date in the owner's manager's view."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="actions")
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="audit_actions")
    set_on = models.DateField("Date the action was set")

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["child", "due_on"], name="audit_action_child"),
            models.Index(fields=["owner", "due_on"], condition=Q(done_on__isnull=True), name="audit_action_open"),
        ]

    def __str__(self) -> str:
        return self.action[:80]
