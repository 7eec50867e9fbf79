"""Writes for signing in: a single sign-on account brought into line with its token."""

from __future__ import annotations

from django.db import transaction

from workforce.models import Team, User
from workforce.roles import Role
from workforce.services import administrator_access_set


class SsoRefused(Exception):
    """The token does not let this person in (the reason is for the log, not the page)."""


@transaction.atomic
def sso_staff_sync(*, user: User | None, sso_id: str, claims: dict, grant) -> User:
    """Create the member of staff the token names (user None), or update their role, team and
    names from it. Raises SsoRefused when the grant names no role, or a team OpenCSC lacks."""
    if not grant.has_access:
        raise SsoRefused("The token holds no app role that this council has mapped to an OpenCSC role.")
    team = None
    if grant.team:
        team = Team.objects.filter(name=grant.team, is_active=True).first()
        if team is None:
            raise SsoRefused(f"The app role map names the team {grant.team!r}, which OpenCSC does not have.")
    first, last = _names(claims)
    if user is None:
        username = str(claims.get("preferred_username") or claims.get("email") or sso_id).strip().lower()[:150]
        if User.objects.filter(username=username).exists():
            # A local account of that name is not taken over by a token: an administrator links
            # them deliberately (or renames the local account).
            raise SsoRefused(f"A local account is already called {username!r}.")
        user = User(username=username, sso_id=sso_id, job_title=Role(grant.role).label)
        user.set_unusable_password()
    changed = (
        user.pk is None
        or user.role != grant.role
        or user.team_id != (team.pk if team else None)
        or user.first_name != first
        or user.last_name != last
        or user.email != _email(claims)
    )
    if changed:
        user.role, user.team = grant.role, team
        user.first_name, user.last_name, user.email = first, last, _email(claims)
        user.save()
        administrator_access_set(user)
    return user


def _names(claims: dict) -> tuple[str, str]:
    first, last = claims.get("given_name"), claims.get("family_name")
    if not (first or last):
        # Entra sends `name` ("Amara Okafor") unless the optional claims are added.
        parts = str(claims.get("name") or "").strip().rsplit(" ", 1)
        first, last = (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")
    return str(first or "")[:150], str(last or "")[:150]


def _email(claims: dict) -> str:
    return str(claims.get("email") or "")[:254]


@transaction.atomic
def totp_device_confirm(device) -> None:
    """The first right code from a newly set-up app: from now on it is the person's second factor."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
