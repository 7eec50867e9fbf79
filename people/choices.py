"""Choices that belong to this system rather than to a DfE return.

DfE code lists (sex, ethnicity, disability, UPN unknown reasons) live in `codelists/`.
"""

from django.db import models


class NameKind(models.TextChoices):
    PREVIOUS = "previous", "Previous name"
    ALIAS = "alias", "Alias or also known as"
    BIRTH = "birth", "Name at birth"


class RelationshipKind(models.TextChoices):
    """How the first person is related to the second: "Sarah is the MOTHER of Jay"."""

    MOTHER = "mother", "Mother"
    FATHER = "father", "Father"
    STEP_PARENT = "step_parent", "Step-parent"
    SIBLING = "sibling", "Sibling"
    GRANDPARENT = "grandparent", "Grandparent"
    CARER = "carer", "Carer"
    OTHER = "other", "Other significant person"


# How the same relationship reads from the other side: Jay is Sarah's "child".
REVERSE_LABELS = {
    RelationshipKind.MOTHER: "Child",
    RelationshipKind.FATHER: "Child",
    RelationshipKind.STEP_PARENT: "Step-child",
    RelationshipKind.SIBLING: "Sibling",
    RelationshipKind.GRANDPARENT: "Grandchild",
    RelationshipKind.CARER: "Cared-for child",
    RelationshipKind.OTHER: "Other significant person",
}


class ProfessionalRole(models.TextChoices):
    GP = "gp", "GP"
    SCHOOL = "school", "School"
    HEALTH_VISITOR = "health_visitor", "Health visitor"
    SCHOOL_NURSE = "school_nurse", "School nurse"
    POLICE = "police", "Police contact"
    MIDWIFE = "midwife", "Midwife"
    CAMHS = "camhs", "Mental health (CAMHS)"
    YOUTH_JUSTICE = "youth_justice", "Youth justice"
    OTHER = "other", "Other"


class WarningKind(models.TextChoices):
    RISK_TO_STAFF = "risk_to_staff", "Risk to visiting staff"
    DO_NOT_DISCLOSE_ADDRESS = "address_confidential", "Do not disclose address"
    HEALTH = "health", "Health or medical alert"
    OTHER = "other", "Other"


class ImmigrationStatus(models.TextChoices):
    BRITISH = "british", "British citizen"
    SETTLED = "settled", "Settled or pre-settled status"
    LEAVE_TO_REMAIN = "leave_to_remain", "Limited leave to remain"
    ASYLUM_SEEKER = "asylum_seeker", "Asylum seeker"
    REFUGEE = "refugee", "Refugee status"
    NO_RECOURSE = "nrpf", "No recourse to public funds"
    UNKNOWN = "unknown", "Not known"
