"""The staging table of the DfE's daily children's social care data feed: for each child in the
cohort, the document built last, the hash of the last document the DfE accepted, and what the
DfE's API said; and a row for every run. Both audited.

Shaped on the reference pipeline's staging table (specs/dfe-csc-api/
populate_ssd_api_data_staging_postgres.sql: json_payload, previous_json_payload,
partial_json_payload, current_hash, previous_hash, row_state, submission_status, api_response,
submission_timestamp), one row a child rather than one a change, since the audit keeps history.
"""

from django.db import models

from core.audit import audited


class RowState(models.TextChoices):
    NEW = "new", "New"
    UPDATED = "updated", "Changed"
    UNCHANGED = "unchanged", "Unchanged"
    DELETED = "deleted", "Left the cohort (purge sent)"


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Accepted by the DfE"
    REJECTED = "rejected", "Rejected by the DfE"
    FAILED = "failed", "Not delivered"


@audited()
class FeedChild(models.Model):
    """One child's place in the feed. `person` is kept null-safe: a merged or removed record can
    still be purged at the DfE by its identifiers."""

    person = models.OneToOneField("people.Person", null=True, on_delete=models.SET_NULL, related_name="dfe_feed")
    la_child_id = models.CharField(max_length=48)
    mis_child_id = models.CharField(max_length=48, unique=True)
    payload = models.JSONField("Document built last")
    sent_payload = models.JSONField("Last document the DfE accepted", null=True, blank=True)
    partial_payload = models.JSONField("What was last sent (changes only)", null=True, blank=True)
    current_hash = models.CharField(max_length=64)
    sent_hash = models.CharField(max_length=64, blank=True)
    row_state = models.CharField(max_length=10, choices=RowState.choices, default=RowState.NEW)
    status = models.CharField(max_length=10, choices=SubmissionStatus.choices, default=SubmissionStatus.PENDING)
    api_response = models.TextField(blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["la_child_id"]
        indexes = [models.Index(fields=["status"], name="dfe_feed_child_status")]


@audited()
class FeedRun(models.Model):
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    full = models.BooleanField("Every child sent, not only the changed", default=False)
    dry_run = models.BooleanField(default=False)
    cohort = models.PositiveIntegerField(default=0)
    sent = models.PositiveIntegerField(default=0)
    accepted = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
