"""Choices of our own. The DfE's codes (LS, RNE, PLACE, REC...) are in codelists.ssda903 and are
used from there; these are the things the SSDA903 return does not code."""

from django.db import models


class HealthCheckKind(models.TextChoices):
    # OC2 HEALTH_ASSESSMENT / HEALTH_CHECK count both kinds of assessment; TEETH_CHECK the dental.
    INITIAL = "iha", "Initial health assessment"
    REVIEW = "rha", "Review health assessment"
    DENTAL = "dental", "Dental check"


class ContactMethod(models.TextChoices):
    IN_PERSON = "in_person", "Met in person"
    VIDEO = "video", "Video call"
    PHONE = "phone", "Telephone call"
    OTHER = "other", "Other (letter, message, through an advocate)"
