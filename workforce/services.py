"""Writes for the workforce area: staff and teams."""

from django.db import transaction

from workforce.models import Team, User
from workforce.roles import Role, TeamKind


@transaction.atomic
def team_create(*, name: str, kind: str = TeamKind.OTHER, manager: User | None = None) -> Team:
    return Team.objects.create(name=name, kind=kind, manager=manager)


@transaction.atomic
def staff_create(
    *,
    username: str,
    first_name: str,
    last_name: str,
    role: str,
    team: Team | None = None,
    password: str | None = None,
    job_title: str = "",
    agency_worker: bool = False,
) -> User:
    """Create a member of staff. System administrators also get the Django admin."""
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        role=role,
        team=team,
        job_title=job_title or Role(role).label,
        agency_worker=agency_worker,
        is_staff=role == Role.SYSTEM_ADMIN,
        is_superuser=role == Role.SYSTEM_ADMIN,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    return user
