"""What a system administrator may change: configuration, never a child's record.

Administrators are not superusers. They are staff (they may sign in to the Django admin) in
one group, "System administrators", whose permissions are exactly these: teams, staff
accounts, the local timescale standards and the bank holidays. No permission on groups or
permissions themselves (they could grant themselves more), and no delete of a member of
staff (leavers are made inactive, so their history keeps its author).
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

GROUP_NAME = "System administrators"

# (app label, model name) -> the actions allowed on it.
CONFIGURATION_PERMISSIONS = {
    ("workforce", "team"): ("add", "change", "view"),
    ("workforce", "user"): ("add", "change", "view"),
    ("timescales", "localstandard"): ("add", "change", "view"),
    ("timescales", "bankholiday"): ("add", "change", "delete", "view"),
}


def permission_filter() -> Q:
    wanted = Q(pk__in=[])
    for (app_label, model), actions in CONFIGURATION_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=[f"{action}_{model}" for action in actions])
    return wanted


def administrators_group() -> Group:
    """The group, with exactly the configuration permissions (put right if anyone changed it)."""
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(Permission.objects.filter(permission_filter()))
    return group
