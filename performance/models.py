"""What the performance pages keep: the population estimate behind the rates (edited by an
administrator), and each month's figures (snapshots, kept by `manage.py snapshot_indicators`)."""

from django.conf import settings
from django.db import models
from django.db.models import Q


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
    computed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["code", "as_of"]
        constraints = [
            models.UniqueConstraint(fields=["code", "as_of", "team"], name="snapshot_one_per_day_and_team",
                                    nulls_distinct=False),
        ]
        indexes = [models.Index(fields=["as_of", "code"], condition=Q(team__isnull=True), name="snapshot_authority")]

    def __str__(self) -> str:
        return f"{self.code} at {self.as_of}: {self.value}"
