"""What the performance pages keep: the population estimate behind the rates (edited by an
administrator), each month's figures (snapshots, kept by `manage.py snapshot_indicators`), and
the corporate parenting board's packs."""

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q

from core.audit import audited


class PopulationEstimate(models.Model):
    """The authority's ONS mid-year estimate of children aged 0 to 17. The rates for the year to
    31 March Y use the mid-(Y - 1) estimate (TIMESCALES.md section B)."""

    mid_year = models.PositiveSmallIntegerField("Mid-year of the estimate", unique=True)
    children = models.PositiveIntegerField("Children aged 0 to 17")
    source = models.CharField(max_length=300, default="ONS mid-year population estimates")

    class Meta:
        ordering = ["-mid_year"]
        verbose_name = "population estimate (children aged 0 to 17)"

    def __str__(self) -> str:
        return f"Mid-{self.mid_year}: {self.children:,} children aged 0 to 17"


class IndicatorSnapshot(models.Model):
    """One indicator's figure at one date, for the whole authority (team empty) or one team's
    children. Written by the scheduled job; the pages read these and work out the rest live."""

    code = models.CharField(max_length=60)
    version = models.PositiveSmallIntegerField()
    as_of = models.DateField()
    team = models.ForeignKey("workforce.Team", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    numerator = models.PositiveIntegerField()
    denominator = models.FloatField()
    value = models.FloatField(null=True)
    computed_at = models.DateTimeField()
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["code", "as_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "as_of", "team"], name="snapshot_one_per_day_and_team", nulls_distinct=False
            ),
        ]
        indexes = [models.Index(fields=["as_of", "code"], condition=Q(team__isnull=True), name="snapshot_authority")]

    def __str__(self) -> str:
        return f"{self.code} at {self.as_of}: {self.value}"


class BuildStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Building"
    BUILT = "built", "Built"
    FAILED = "failed", "Failed"


@audited(exclude=["pdf", "xlsx", "done"])
class BoardPack(models.Model):
    """The corporate parenting board's pack for a quarter: the figures of each section (worked
    out in the background, its progress kept in `done` of `total`), the author's short narrative
    per section, and once issued the PDF and xlsx exactly as issued. An issued pack is never
    changed: a trigger refuses any update or delete of it, whoever asks."""

    quarter_end = models.DateField("Quarter ending")
    status = models.CharField(max_length=10, choices=BuildStatus.choices, default=BuildStatus.QUEUED)
    done = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    sections = models.JSONField(default=dict, blank=True)  # performance.board_pack.build_sections
    narratives = models.JSONField(default=dict, blank=True)  # {section key: the author's text}
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    built_at = models.DateTimeField(null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)
    pdf = models.BinaryField(null=True, editable=False)
    xlsx = models.BinaryField(null=True, editable=False)

    class Meta:
        ordering = ["-quarter_end", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(issued_at__isnull=True)
                | Q(pdf__isnull=False, xlsx__isnull=False, issued_by__isnull=False, status="built"),
                name="boardpack_issued_whole",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="boardpack_issued_unchanged",
                operation=pgtrigger.Update | pgtrigger.Delete,
                condition=pgtrigger.Q(old__issued_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Corporate parenting board pack, quarter ending {self.quarter_end:%-d %B %Y}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in (BuildStatus.BUILT, BuildStatus.FAILED)

    @property
    def issued(self) -> bool:
        return self.issued_at is not None
