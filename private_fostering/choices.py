from django.db import models


class NotificationKind(models.TextChoices):
    """Regulation 3 of the Children (Private Arrangements for Fostering) Regulations 2005: a
    proposed arrangement is notified at least 6 weeks before it starts; one that has started (or
    starts within 6 weeks) immediately."""

    PROPOSED = "proposed", "A proposed arrangement"
    STARTED = "started", "An arrangement that has already started"


class Notifier(models.TextChoices):
    CARER = "carer", "The private foster carer"
    PARENT = "parent", "A parent"
    SCHOOL = "school", "A school or college"
    HEALTH = "health", "A health professional"
    OTHER = "other", "Someone else"


class ArrangementEnd(models.TextChoices):
    RETURNED_HOME = "returned_home", "Returned to live with a parent"
    OTHER_CARERS = "other_carers", "Moved to live with other carers"
    AGE = "age", "Reached 16 (or 18 if disabled)"
    LOOKED_AFTER = "looked_after", "Became looked after"
    ORDER = "order", "A court order gave the carer parental responsibility"
    DID_NOT_START = "did_not_start", "The proposed arrangement did not go ahead"
    OTHER = "other", "Other reason"
