from django.db import models


class OwnerKind(models.TextChoices):
    STAFF = "staff", "A member of staff"
    FAMILY = "family", "A family member"
    AGENCY = "agency", "An agency"


class Progress(models.TextChoices):
    """Progress against one action, as a core group or review records it."""

    DONE = "done", "Done"
    ON_TRACK = "on_track", "On track"
    NOT_STARTED = "not_started", "Not started"
    NOT_DONE = "not_done", "Not done"
