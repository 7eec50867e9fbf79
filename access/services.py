"""Writes for the access area: the read log and grants to restricted records."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from access.models import RecordRead, RestrictedAccessGrant
from workforce.roles import Role


def record_read_log(*, user, person_id: int, path: str, reason: str = "") -> RecordRead:
    """Write one line of the read log. person_get_for_user calls it for every page of a record."""
    return RecordRead.objects.create(user=user, person_id=person_id, path=path[:500], reason=reason[:200])


@transaction.atomic
def restricted_access_grant(*, actor, person, user, reason: str, expires_at, starts_at=None) -> RestrictedAccessGrant:
    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can grant access to a restricted record.")
    starts_at = starts_at or timezone.now()
    if not reason.strip():
        raise ValidationError({"reason": "Enter the reason for giving access"})
    if expires_at <= starts_at:
        raise ValidationError({"expires_at": "The end of access must be after its start"})
    return RestrictedAccessGrant.objects.create(
        person=person, user=user, reason=reason.strip(), starts_at=starts_at, expires_at=expires_at, granted_by=actor
    )


@transaction.atomic
def restricted_access_revoke(*, actor, grant: RestrictedAccessGrant) -> None:
    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can end access to a restricted record.")
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at"])
