"""Each statutory return built, by whom and when, its progress while it runs and what it held.

Audited (every change copied by PostgreSQL triggers), so "who exported which return, when" is in
the audit trail whether the export came from the web page or from `manage.py export_return`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from core.audit import audited


class ReturnKind(models.TextChoices):
    CIN = "cin", "CIN census"
    SSDA903 = "ssda903", "SSDA903 (children looked after)"
    ANNEX_A = "annex-a", "Ofsted Annex A"


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Running"
    DONE = "done", "Ready"
    FAILED = "failed", "Failed"


@audited(exclude=["done", "total"])
class ReturnExport(models.Model):
    kind = models.CharField("Return", max_length=10, choices=ReturnKind.choices)
    year = models.PositiveSmallIntegerField("Collection year ending 31 March", null=True, blank=True)
    as_of = models.DateField("Period ending", null=True, blank=True)
    months = models.PositiveSmallIntegerField(null=True, blank=True)

    # From the web page, the signed-in member of staff; from the command, the operating-system
    # account that ran it (there is no signed-in user there).
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    requested_via = models.CharField(max_length=10, choices=[("web", "Web page"), ("command", "Command")])
    command_user = models.CharField(max_length=100, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)

    status = models.CharField(max_length=10, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    # Progress is written often while a return builds; the audit keeps the status changes only.
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField("Rows written", default=dict, blank=True)
    error = models.TextField(blank=True)
    # Where the file is: relative to the exports folder for the web page, as typed for the command.
    output = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="annex-a") & Q(as_of__isnull=False, months__isnull=False))
                | (~Q(kind="annex-a") & Q(year__isnull=False)),
                name="returnexport_period_given",
            ),
            models.CheckConstraint(
                condition=Q(requested_via="command") | Q(requested_by__isnull=False), name="returnexport_web_has_user"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_label}"

    @property
    def period_label(self) -> str:
        if self.kind == ReturnKind.ANNEX_A:
            return f"{self.months} months to {self.as_of:%-d %B %Y}"
        return f"{self.year - 1} to {self.year}"

    @property
    def percent(self) -> int:
        if self.status == ExportStatus.DONE:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)
