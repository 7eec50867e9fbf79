from django.db import models


class VisitType(models.TextChoices):
    HOME = "home", "Home visit"
    UNANNOUNCED = "unannounced", "Unannounced home visit"
    STATUTORY_CIN = "cin", "Child in need visit"
    STATUTORY_CP = "cp", "Child protection visit"
    STATUTORY_CLA = "cla", "Looked-after child statutory visit"
    PLACEMENT = "placement", "Placement visit"
    SCHOOL = "school", "Visit at school"
    OFFICE = "office", "Office visit"
    # Visits under their own regulations: private fostering (SI 2005/1533 reg 4 and 8) and a
    # child placed for adoption (Adoption Agencies Regulations 2005 reg 36(4)).
    PRIVATE_FOSTERING = "private_fostering", "Private fostering visit"
    ADOPTION = "adoption", "Adoption placement visit"
    OTHER = "other", "Other visit"


class CaseNoteType(models.TextChoices):
    TELEPHONE = "telephone", "Telephone call"
    OFFICE_VISIT = "office_visit", "Office visit"
    MULTI_AGENCY = "multi_agency", "Multi-agency meeting"
    MANAGEMENT_OVERSIGHT = "management_oversight", "Management oversight"
    EMAIL_LETTER = "correspondence", "Email or letter"
    OTHER = "other", "Other"


class AllocationChangeReason(models.TextChoices):
    NEW_CASE = "new_case", "New case"
    TRANSFER = "transfer", "Transfer between teams"
    WORKER_LEFT = "worker_left", "Worker left or changed role"
    CASELOAD = "caseload", "Caseload balancing"
    CLOSED = "closed", "Case closed"
    OTHER = "other", "Other"
