"""Writes for the workforce area: staff and teams."""

from django.db import transaction

from workforce.administrators import administrators_group
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
    """Create a member of staff. System administrators also get the Django admin, for
    configuration only (workforce.administrators): they are never superusers."""
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        role=role,
        team=team,
        job_title=job_title or Role(role).label,
        agency_worker=agency_worker,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    # A new account is in no group and not staff, which is already right for every role but the
    # administrator's; syncing the group's permissions for each of them would only cost time.
    if role == Role.SYSTEM_ADMIN:
        administrator_access_set(user)
    return user


@transaction.atomic
def administrator_access_set(user: User) -> None:
    """Give a system administrator the configuration admin, or take it from anyone who is not
    one (a role changed in the admin). Nobody becomes a superuser this way."""
    is_administrator = user.role == Role.SYSTEM_ADMIN
    group = administrators_group()
    if is_administrator:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    if user.is_staff != is_administrator:
        user.is_staff = is_administrator
        user.save(update_fields=["is_staff"])
