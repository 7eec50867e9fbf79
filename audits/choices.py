"""The fixed lists of case audits: the inspectorate's four-point scale, what a cohort is drawn
from, and the learning themes findings are tagged with (PRACTICE.md section 3)."""

from django.db import models


class Grade(models.IntegerChoices):
    """Ofsted's four-point scale (ILACS), best first: the number orders it, so agreement between
    two graders can be weighted by how far apart they are."""

    OUTSTANDING = 1, "Outstanding"
    GOOD = 2, "Good"
    REQUIRES_IMPROVEMENT = 3, "Requires improvement to be good"
    INADEQUATE = 4, "Inadequate"


class Service(models.TextChoices):
    """What part of the service a cohort is drawn from: children who had it at any time in the
    programme's period."""

    ANY = "any", "Any open child"
    CHILD_IN_NEED = "child_in_need", "Children in need (an open CIN episode)"
    CHILD_PROTECTION = "child_protection", "Children on a child protection plan"
    LOOKED_AFTER = "looked_after", "Children in care"
    PLACED_WITH_PARENTS = "placed_with_parents", "Children in care placed with parents"
    CARE_LEAVER = "care_leaver", "Care leavers"


class SampleRule(models.TextChoices):
    STRATIFIED = "stratified", "A number of cases, stratified by team"
    ALL = "all", "Every case in the cohort"


class Status(models.TextChoices):
    ASSIGNED = "assigned", "To audit"
    COMPLETED = "completed", "Audited"


class ReflectionBy(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    MANAGER = "manager", "Manager"


class Theme(models.TextChoices):
    """Learning themes a finding is tagged with, so the report can count them."""

    VOICE = "voice", "Voice of the child"
    RISK = "risk", "Analysis of risk"
    PLANNING = "planning", "Planning (SMART plans)"
    DRIFT = "drift", "Drift and delay"
    OVERSIGHT = "oversight", "Management oversight"
    RECORDING = "recording", "Recording"
    PARTNERS = "partners", "Working with partners"
    IDENTITY = "identity", "Identity and diversity"
