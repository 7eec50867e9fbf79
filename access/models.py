import pgtrigger
from django.conf import settings
from django.db import models

from core.audit import audited


class RecordRead(models.Model):
    """One opening of a child's record: who, when, which record and which page.

    Append-only: a database trigger refuses UPDATE and DELETE, so not even an administrator
    with a database shell can quietly remove the trace of having looked.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="record_reads")
    # The person whose record was opened. A plain id, not a foreign key, so that a merge or a
    # retention deletion of the person never touches the log. Indexed for "who has viewed".
    person_id = models.BigIntegerField(db_index=True)
    read_at = models.DateTimeField(auto_now_add=True, db_index=True)
    path = models.CharField(max_length=500)
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-read_at"]
        indexes = [models.Index(fields=["person_id", "-read_at"], name="recordread_person_recent")]
        triggers = [
            pgtrigger.Protect(name="append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self) -> str:
        return f"{self.user} read person {self.person_id} at {self.read_at:%Y-%m-%d %H:%M}"


@audited()
class RestrictedAccessGrant(models.Model):
    """A named person's access to a restricted record, for a set time, with a reason."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="access_grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_grants")
    reason = models.CharField(max_length=300)
    starts_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]
        indexes = [models.Index(fields=["user", "person"], name="grant_user_person")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("starts_at")), name="grant_expires_after_start"
            )
        ]


@audited()
class BreakGlassAccess(models.Model):
    """An administrator's short access to one unrestricted child's record, to support its users.

    Administrators do not read case files; when support truly needs to open one, they say
    why, and the record opens to them alone for a short time (access.break_glass). Senior
    leaders see every one, and the child's "who has viewed" page says it happened.
    """

    person = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="break_glass_accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="break_glass_accesses")
    reason = models.CharField(max_length=300)
    started_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "person", "expires_at"], name="breakglass_user_person")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("started_at")), name="breakglass_expires_after_start"
            ),
            models.CheckConstraint(condition=~models.Q(reason=""), name="breakglass_has_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.user} opened person {self.person_id} until {self.expires_at:%Y-%m-%d %H:%M}"
