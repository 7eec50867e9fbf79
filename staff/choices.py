"""The staff records' code lists. Leaving reasons follow the groups the DfE's children and family
social work workforce census asks for (its "reason for leaving" item)."""

from django.db import models


class LeavingReason(models.TextChoices):
    RESIGNED_OTHER_LA = "other_la", "Resigned: to another local authority"
    RESIGNED_AGENCY = "agency", "Resigned: to agency work"
    RESIGNED_OTHER = "resigned", "Resigned: other or not known"
    RETIRED = "retired", "Retired"
    DISMISSED = "dismissed", "Dismissed"
    END_OF_CONTRACT = "contract_end", "End of contract or assignment"
    OTHER = "other", "Other"


class EarlyCareer(models.TextChoices):
    NONE = "", "Not early career"
    ASYE = "asye", "Assessed and supported year in employment (ASYE)"
    # The early career framework replaces the ASYE for new starters from September 2027
    # (PRACTICE.md section 5); the status is recorded now so the change is a choice, not a migration.
    ECF = "ecf", "Early career framework"
