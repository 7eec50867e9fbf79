"""Private fostering: a child under 16 (18 if disabled) cared for for 28 days or more by someone
who is not a parent, a close relative or a person with parental responsibility.

The local authority is notified of the arrangement, visits within 7 working days of the
notification, then at most every 6 weeks in the first year and every 12 weeks after (SI
2005/1533 reg 4 and 8). Visits are casework Visits of type "private_fostering".
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from core.audit import audited
from private_fostering.choices import ArrangementEnd, NotificationKind, Notifier


class ArrangementQuerySet(models.QuerySet):
    def open(self):
        return self.filter(ended_on__isnull=True)


@audited()
class PrivateFostering(models.Model):
    """One private fostering arrangement, from the notification to its end. `notified_on` is the
    date the authority was notified, or otherwise became aware: the 7 working days and the first
    year (reg 8(6)) both run from it."""

    child = models.ForeignKey("people.Person", on_delete=models.PROTECT, related_name="private_fostering")
    notified_on = models.DateField("Date the local authority was notified")
    notification_kind = models.CharField("Notification of", max_length=10, choices=NotificationKind.choices)
    notified_by = models.CharField("Notified by", max_length=10, choices=Notifier.choices)
    proposed_start_on = models.DateField("Date the arrangement is due to start", null=True, blank=True)
    started_on = models.DateField("Date the arrangement started", null=True, blank=True)
    carer_name = models.CharField("Private foster carer", max_length=200)
    carer_address = models.TextField("Carer’s address")
    carer_relationship = models.CharField("How the carer knows the child", max_length=200, blank=True)
    ended_on = models.DateField("Date the arrangement ended", null=True, blank=True)
    end_reason = models.CharField(max_length=20, choices=ArrangementEnd.choices, blank=True)
    end_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        ordering = ["-notified_on", "-id"]
        indexes = [models.Index(fields=["notified_on"], condition=Q(ended_on__isnull=True), name="pf_open")]
        constraints = [
            models.UniqueConstraint(fields=["child"], condition=Q(ended_on__isnull=True), name="pf_one_open_per_child"),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True, end_reason="") | (Q(ended_on__isnull=False) & ~Q(end_reason="")),
                name="pf_end_whole",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("notified_on")), name="pf_end_after_notified"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="pf_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(notification_kind=NotificationKind.STARTED) | Q(started_on__isnull=False),
                name="pf_started_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Private fostering with {self.carer_name}, notified {self.notified_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.ended_on is None

    @property
    def has_started(self) -> bool:
        return self.started_on is not None
