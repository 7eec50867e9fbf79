"""Writes for the access area: the read log and grants to restricted records."""

from django.core.exceptions import ValidationError
from django.db import transaction

from access.models import BreakGlassAccess, RecordRead, RestrictedAccessGrant
from core import clock
from workforce.roles import Role


def record_read_log(*, user, person_id: int, path: str, reason: str = "") -> RecordRead:
    """Write one line of the read log. person_get_for_user calls it for every page of a record.

    An administrator reading under break-glass access has every read marked with its reason."""
    if not reason:
        from access.break_glass import current_for

        access = current_for(user, person_id)
        if access is not None:
            reason = f"Break-glass: {access.reason}"
    return RecordRead.objects.create(user=user, person_id=person_id, path=path[:500], reason=reason[:200])


@transaction.atomic
def restricted_access_grant(*, actor, person, user, reason: str, expires_at, starts_at=None) -> RestrictedAccessGrant:
    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can grant access to a restricted record.")
    starts_at = starts_at or clock.now()
    if user.pk == actor.pk:
        # Whoever decides who may see a restricted record must not be the one who reads it.
        raise ValidationError({"username": "You cannot give access to yourself: ask another administrator"})
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
    grant.revoked_at = clock.now()
    grant.save(update_fields=["revoked_at"])


@transaction.atomic
def break_glass_open(*, actor, la_id: str, reason: str) -> BreakGlassAccess:
    """Open one unrestricted child's record to an administrator for a short time, with a reason.

    A restricted record is refused: it needs a grant, from someone else (restricted_access_grant)."""
    from access.break_glass import DURATION, person_by_la_id

    if actor.role != Role.SYSTEM_ADMIN:
        raise PermissionError("Only a system administrator can use break-glass access.")
    errors = {}
    reason = " ".join(reason.split())
    if not reason:
        errors["reason"] = "Enter why you need to open this record"
    person = person_by_la_id(la_id or "")
    if person is None or not person.is_child:
        errors["la_id"] = "There is no record with that LA ID"
    elif person.restricted:
        errors["la_id"] = "This record is restricted: another administrator must give you access to it, with a reason"
    if errors:
        raise ValidationError(errors)
    now = clock.now()
    return BreakGlassAccess.objects.create(
        person=person, user=actor, reason=reason[:300], started_at=now, expires_at=now + DURATION
    )
