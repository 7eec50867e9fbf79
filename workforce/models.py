from django.contrib.auth.models import AbstractUser
from django.db import models

from core.audit import audited
from workforce.roles import Role, TeamKind


@audited()
class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=30, choices=TeamKind.choices, default=TeamKind.OTHER)
    manager = models.ForeignKey(
        "workforce.User", null=True, blank=True, on_delete=models.PROTECT, related_name="managed_teams"
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


@audited(exclude=["password", "last_login"])
class User(AbstractUser):
    """A member of staff: their sign-in, role and team (the staff profile)."""

    role = models.CharField(max_length=30, choices=Role.choices, default=Role.SOCIAL_WORKER, db_index=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT, related_name="members")
    job_title = models.CharField(max_length=120, blank=True)
    agency_worker = models.BooleanField(default=False, help_text="Employed through an agency, not directly.")
    # For supervision: a session cannot be held before the worker started, and a newly qualified
    # social worker is supervised more often in the first months of their ASYE (supervision app).
    started_on = models.DateField("Started in the service", null=True, blank=True)
    asye_started_on = models.DateField(
        "Started their ASYE",
        null=True,
        blank=True,
        help_text="For a newly qualified social worker: the first day of their assessed and supported year in employment.",
    )

    # Single sign-on: the identity provider's stable id for this person (Entra ID's object id,
    # `oid`), so a renamed account or a changed email still finds the same member of staff.
    # Empty for local accounts, which sign in with a password (and TOTP).
    sso_id = models.CharField("Single sign-on id", max_length=64, unique=True, null=True, blank=True, editable=False)

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def role_label(self) -> str:
        return Role(self.role).label
