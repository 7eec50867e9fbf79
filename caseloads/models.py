"""The weights of each kind of case and the limits per role, as data (PRACTICE.md section 5:
councils weight cases by type, with a maximum per FTE and a protected caseload for newly
qualified workers). Nothing else is stored: a caseload on any day, past or present, is worked
out from the record's dated allocations, plans, periods of care and proceedings
(caseloads.weights), so "the caseload on 30 September" of any year needs no snapshot."""

from django.db import models

from core.audit import audited
from workforce.roles import Role


class CaseType(models.TextChoices):
    # What a child's case is on the day: the first that applies, in this order.
    CHILD_PROTECTION = "cp_plan", "Child protection plan"
    LOOKED_AFTER_NEW = "looked_after_new", "Looked after, in the first year"
    LOOKED_AFTER_SETTLED = "looked_after_settled", "Looked after, a year or more"
    CARE_LEAVER = "care_leaver", "Care leaver"
    CHILD_IN_NEED = "child_in_need", "Child in need or assessment"
    # Added to the case's own weight.
    COURT = "court", "In care proceedings (added)"
    SIBLING = "sibling", "Sibling of another child the worker holds (added)"


PRIMARY = (
    CaseType.CHILD_PROTECTION,
    CaseType.LOOKED_AFTER_NEW,
    CaseType.LOOKED_AFTER_SETTLED,
    CaseType.CARE_LEAVER,
    CaseType.CHILD_IN_NEED,
)


@audited()
class CaseWeight(models.Model):
    case_type = models.CharField(max_length=30, choices=CaseType.choices, unique=True)
    points = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["case_type"]

    def __str__(self) -> str:
        return f"{CaseType(self.case_type).label}: {self.points} points"


@audited()
class CaseloadLimit(models.Model):
    """The most points a full-time worker of the role holds; a part-time worker's limit is in
    proportion to their FTE. A newly qualified worker in their ASYE has a lower, protected limit."""

    role = models.CharField(max_length=30, choices=Role.choices, unique=True)
    points_per_fte = models.PositiveSmallIntegerField()
    early_career_points_per_fte = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"{Role(self.role).label}: {self.points_per_fte} points per FTE"
