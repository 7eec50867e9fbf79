"""The kernel's model base (who recorded a thing, and when) and its one table: the one-time
tokens of forms already sent (core.submissions)."""

from django.conf import settings
from django.db import models


class Recorded(models.Model):
    """Who typed the record in, and when (the moment it was saved, not the date it is about)."""

    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class FormSubmission(models.Model):
    """A form token the first time it came back. The unique constraint is what makes a double
    click, or a resubmitted page, run the view once: the second insert fails."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    token = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Where the first submission sent the user (its redirect), so the second goes there too.
    redirect_to = models.CharField(max_length=2000, blank=True)
    finished = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "token"], name="formsubmission_once_per_user")]

    def __str__(self):
        return f"Form sent by {self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"
