"""The day-to-day record: who holds the case, visits, case notes, documents, the chronology."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q

from casework.choices import AllocationChangeReason, CaseNoteType, VisitType
from core.audit import audited


@audited()
class Allocation(models.Model):
    """Who holds a child's case, from when to when, and why it changed."""

    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="allocations")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="allocations"
    )
    team = models.ForeignKey("workforce.Team", on_delete=models.PROTECT, related_name="allocations")
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    reason = models.CharField(
        max_length=20, choices=AllocationChangeReason.choices, default=AllocationChangeReason.NEW_CASE
    )
    end_reason = models.CharField(max_length=20, choices=AllocationChangeReason.choices, blank=True)
    allocated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-start_date", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=Q(end_date__isnull=True), name="allocation_one_open"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")), name="allocation_end_after_start"
            ),
        ]
        indexes = [models.Index(fields=["worker"], condition=Q(end_date__isnull=True), name="allocation_open_worker")]


class VisitQuerySet(models.QuerySet):
    def seen(self):
        """The visits that count toward a visiting standard: those in which the child was seen,
        whatever the type chosen from the menu. Which standard a visit meets (CIN, CP, looked
        after, private fostering, adoption) is decided by the child's plans and legal status on
        that date, by each area's timescales provider, never by the visit's type."""
        return self.filter(child_seen=True)


@audited()
class Visit(models.Model):
    objects = VisitQuerySet.as_manager()

    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="visits")
    visited_at = models.DateTimeField("Date and time of visit")
    visit_type = models.CharField(max_length=20, choices=VisitType.choices)
    child_seen = models.BooleanField()
    seen_alone = models.BooleanField(default=False)
    bedroom_seen = models.BooleanField(null=True, blank=True, help_text="Empty where it does not apply.")
    voice_of_child = models.TextField("What the child said", blank=True)
    observations = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-visited_at"]
        indexes = [models.Index(fields=["child", "-visited_at"], name="visit_child_recent")]
        constraints = [
            models.CheckConstraint(condition=Q(child_seen=True) | Q(seen_alone=False), name="visit_alone_only_if_seen"),
        ]


@audited()
class CaseNote(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="case_notes")
    note_type = models.CharField(max_length=30, choices=CaseNoteType.choices)
    occurred_at = models.DateTimeField("Date and time")
    subject = models.CharField(max_length=200)
    body = models.TextField("Note")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["child", "-occurred_at"], name="casenote_child_recent")]


def document_path(instance, filename):
    # Stored under the child's id with a random name; the original name is kept in the row.
    import uuid

    return f"documents/{instance.child_id}/{uuid.uuid4().hex}"


@audited()
class Document(models.Model):
    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="documents")
    case_note = models.ForeignKey(CaseNote, null=True, blank=True, on_delete=models.PROTECT, related_name="documents")
    file = models.FileField(upload_to=document_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]


class ChronologyEvent(models.Model):
    """One line of a child's chronology, written by the service that made the change.

    The text is never typed: it is rendered from `event_type` and `data` by the formatter
    registered for that type (casework/events.py), so the chronology and the record cannot
    disagree. `source` points at the record that the event is about.
    """

    child = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="chronology")
    event_type = models.CharField(max_length=60, db_index=True)
    occurred_at = models.DateTimeField()
    significant = models.BooleanField(default=False)
    data = models.JSONField(default=dict, blank=True)
    source_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source_id = models.BigIntegerField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["child", "-occurred_at", "-id"], name="chronology_child_recent"),
            models.Index(fields=["source_type", "source_id"], name="chronology_source"),
        ]
