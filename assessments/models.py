"""The single assessment (Children Act 1989 s17), its factors and its authorisation.

Census: AssessmentActualStartDate is `start_date`, AssessmentAuthorisationDate is
`authorised_on`, FactorsIdentifiedAtAssessment is `factors` (the census codes).
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q

from assessments.choices import AssessmentOutcome, AssessmentStatus
from core.audit import audited


@audited()
class Assessment(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="assessments")
    episode = models.ForeignKey("children_in_need.CINEpisode", on_delete=models.PROTECT, related_name="assessments")
    start_date = models.DateField("Start date")
    child_seen_on = models.DateField("Date the child was seen", null=True, blank=True)
    factors = ArrayField(models.CharField(max_length=3), default=list, blank=True)  # census assessment factor codes
    analysis = models.TextField("Analysis of risk and strengths", blank=True)
    recommendation = models.TextField(blank=True)
    outcome = models.CharField(max_length=30, choices=AssessmentOutcome.choices, blank=True)
    late_reason = models.TextField("Why the assessment took longer than 45 working days", blank=True)

    # The assessment triangle (assessments.framework): {domain code: {"going_well", "worries",
    # "not_assessed"}}. One row, not a row per domain: the framework is declared data, a page
    # saves a whole side at once, and the generator writes tens of thousands of assessments.
    domains = models.JSONField(default=dict, blank=True)
    # The child's voice.
    seen_alone = models.BooleanField("Seen alone", null=True, blank=True)
    not_seen_alone_reason = models.TextField("Why the child was not seen alone", blank=True)
    wishes_and_feelings = models.TextField("The child's wishes and feelings, in their own words", blank=True)
    how_gathered = models.TextField("How the child's wishes and feelings were gathered", blank=True)
    parents_views = models.TextField("Parents' and carers' views", blank=True)
    # Other agencies' information: [{"agency", "said", "on" (ISO date)}], in the order added.
    agency_information = models.JSONField(default=list, blank=True)
    # The sections (framework.SECTIONS slugs) the worker has marked as completed.
    completed_sections = ArrayField(models.CharField(max_length=40), default=list, blank=True)
    authorisation_rationale = models.TextField("The manager's rationale for authorising", blank=True)

    status = models.CharField(max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.IN_PROGRESS)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assessments_written")
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_comments = models.TextField(blank=True)
    authorised_on = models.DateField("Authorisation date", null=True, blank=True)
    authorised_at = models.DateTimeField(null=True, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            # The four-eyes rule: whoever wrote an assessment cannot authorise it.
            models.CheckConstraint(
                condition=Q(authorised_by__isnull=True) | ~Q(authorised_by=F("author")),
                name="assessment_not_self_authorised",
            ),
            models.CheckConstraint(
                condition=Q(authorised_on__isnull=True) | Q(authorised_on__gte=F("start_date")),
                name="assessment_authorised_after_start",
            ),
            models.CheckConstraint(
                condition=Q(
                    status=AssessmentStatus.AUTHORISED,
                    authorised_on__isnull=False,
                    authorised_by__isnull=False,
                    authorised_at__isnull=False,
                )
                | (~Q(status=AssessmentStatus.AUTHORISED) & Q(authorised_on__isnull=True, authorised_by__isnull=True)),
                name="assessment_authorisation_whole",
            ),
            # One assessment in hand per episode; a new one can start once the last is authorised.
            models.UniqueConstraint(
                fields=["episode"], condition=~Q(status=AssessmentStatus.AUTHORISED), name="assessment_one_in_hand"
            ),
        ]
        indexes = [
            models.Index(fields=["child", "-start_date"], name="assessment_child_recent"),
            # The managers' authorisation queue, oldest submission first.
            models.Index(
                fields=["submitted_at"], condition=Q(status=AssessmentStatus.SUBMITTED), name="assessment_awaiting"
            ),
            # "Returned to me" in a social worker's tray.
            models.Index(fields=["author"], condition=Q(status=AssessmentStatus.RETURNED), name="assessment_returned"),
        ]

    def __str__(self) -> str:
        return f"Assessment started {self.start_date:%d/%m/%Y}"

    @property
    def is_authorised(self) -> bool:
        return self.status == AssessmentStatus.AUTHORISED

    @property
    def editable(self) -> bool:
        return self.status in (AssessmentStatus.IN_PROGRESS, AssessmentStatus.RETURNED)
