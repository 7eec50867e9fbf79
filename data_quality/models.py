"""Open data-quality problems: one row per check that fails for one record of one child.

Derived data, kept in step by data_quality.services on every save (like timescales.DueItem), so
it is not audited: the record it is about is, and the problem is recomputed from it.

Counts by team and worker join the child's row (people.Person current_team / current_worker,
both indexed), rather than copying the allocation here: a reallocation then moves the child's
problems with it without another write to keep in step.
"""

from django.db import models


class Problem(models.Model):
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="data_problems", db_index=False)
    check_id = models.CharField("Check", max_length=12)
    # The record the problem is about, as "app_label.model" and its id; the child's own record
    # (people.person) for problems with their details.
    record_type = models.CharField(max_length=60)
    record_id = models.BigIntegerField()
    message = models.CharField(max_length=400)
    fix_url = models.CharField("Where to fix it", max_length=300)
    first_seen = models.DateTimeField()

    class Meta:
        ordering = ["check_id", "id"]
        constraints = [
            # One row per check and record: the refresh upserts on it. Its index leads with the
            # person, so it is also the index for "this child's problems".
            models.UniqueConstraint(
                fields=["person", "check_id", "record_type", "record_id"], name="problem_one_per_record"
            ),
        ]
        indexes = [models.Index(fields=["check_id", "person"], name="problem_by_check")]

    def __str__(self) -> str:
        return f"{self.check_id}: {self.message}"

    @property
    def definition(self):
        from data_quality.checks import CHECKS

        return CHECKS.get(self.check_id)
