"""Code lists for permanence. The SSDA903 codes (adopters, reasons a decision was reversed,
previous permanence) come from codelists.ssda903; these are the app's own lists."""

from django.db import models


class PermanenceOption(models.TextChoices):
    """The permanence plan a meeting recommends or a decision maker decides on. The first six are
    the plans Ofsted's Annex A list 8 asks about ("What is the permanence plan for this child?"),
    with special guardianship and child arrangements orders kept apart because they are different
    orders with different SSDA903 reasons for leaving care (E45 to E48, E41)."""

    ADOPTION = "adoption", "Adoption"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    LONG_TERM_FOSTERING = "long_term_fostering", "Long-term fostering"
    RETURN_TO_FAMILY = "return_to_family", "Return to family"
    LONG_TERM_RESIDENTIAL = "long_term_residential", "Long-term residential placement"
    SUPPORTED_LIVING = "supported_living", "Supported living in the community"


# Annex A list 8 answer for each option.
ANNEX_A_PERMANENCE_PLAN = {
    PermanenceOption.RETURN_TO_FAMILY: "a) Return to family",
    PermanenceOption.ADOPTION: "b) Adoption",
    PermanenceOption.SPECIAL_GUARDIANSHIP: "c) SGO/CAO",
    PermanenceOption.CHILD_ARRANGEMENTS: "c) SGO/CAO",
    PermanenceOption.SUPPORTED_LIVING: "d) Supported living in the community",
    PermanenceOption.LONG_TERM_RESIDENTIAL: "e) Long-term residential placement",
    PermanenceOption.LONG_TERM_FOSTERING: "f) Long-term fostering",
}


class StepKind(models.TextChoices):
    """A step taken to carry out a decision, other than the orders, matching and placement
    recorded in their own right. Any step means the decision has started to become a plan."""

    FAMILY_FINDING = "family_finding", "Family finding started"
    ASSESSMENT = "assessment", "Assessment of the proposed carers started"
    COURT_APPLICATION = "court_application", "Application made to court"
    LONG_TERM_MATCH = "long_term_match", "Long-term match approved"
    TRANSITION_PLAN = "transition_plan", "Transition or rehabilitation plan agreed"
    OTHER = "other", "Other step"


class OrderKind(models.TextChoices):
    PLACEMENT_ORDER = "placement", "Placement order"
    ADOPTION_ORDER = "adoption", "Adoption order"
    SPECIAL_GUARDIANSHIP_ORDER = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS_ORDER = "cao", "Child arrangements order (with whom the child is to live)"


# The plan an order carries out: an order recorded against a decision must match it.
ORDER_FOR_OPTION = {
    OrderKind.PLACEMENT_ORDER: PermanenceOption.ADOPTION,
    OrderKind.ADOPTION_ORDER: PermanenceOption.ADOPTION,
    OrderKind.SPECIAL_GUARDIANSHIP_ORDER: PermanenceOption.SPECIAL_GUARDIANSHIP,
    OrderKind.CHILD_ARRANGEMENTS_ORDER: PermanenceOption.CHILD_ARRANGEMENTS,
}


class SpecialGuardians(models.TextChoices):
    """Who the special guardianship order was made to: it decides the SSDA903 reason the episode
    ceased (REC E45 to E48, codelists.ssda903.ReasonEpisodeCeased)."""

    FOSTER_CARER_RELATIVE = "E45", "Former foster carers who are relatives or friends"
    FOSTER_CARER_OTHER = "E46", "Former foster carers who are not relatives or friends"
    RELATIVE = "E47", "Relatives or friends who were not the child's foster carers"
    OTHER = "E48", "Other carers, not former foster carers, relatives or friends"


class AdoptionPlacementEnd(models.TextChoices):
    ADOPTED = "adopted", "Adoption order made"
    DISRUPTED = "disrupted", "The placement ended before an adoption order (disruption)"


class ProceedingsKind(models.TextChoices):
    CARE = "care", "Care order application"
    SUPERVISION = "supervision", "Supervision order application"


class ProceedingsOutcome(models.TextChoices):
    CARE_ORDER = "care_order", "Care order"
    SUPERVISION_ORDER = "supervision_order", "Supervision order"
    PLACEMENT_ORDER = "placement_order", "Care order and placement order"
    SPECIAL_GUARDIANSHIP = "sgo", "Special guardianship order"
    CHILD_ARRANGEMENTS = "cao", "Child arrangements order"
    NO_ORDER = "no_order", "No order"
    WITHDRAWN = "withdrawn", "Application withdrawn"


class DatePrecision(models.TextChoices):
    """How much of the date of a previous permanence order is known. SSDA903 (DATE_PERM) writes
    an unknown day or month as zz: zz/05/2020, zz/zz/2021, zz/zz/zzzz (SSD
    ssd_cla_previous_permanence.yml, quoting the SSDA903 guide)."""

    DAY = "day", "The exact date"
    MONTH = "month", "Only the month and year"
    YEAR = "year", "Only the year"
    UNKNOWN = "unknown", "Not known"
