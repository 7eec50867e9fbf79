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
    # The day key events start to need a manager's oversight (oversight.OversightStart).
    ("oversight", "oversightstart"): ("add", "change", "view"),
    # The child population behind the rates per 10,000 children (performance.PopulationEstimate).
    ("performance", "populationestimate"): ("add", "change", "view"),
    # The induction checklists, the course catalogue and the agency price caps (staff app).
    ("staff", "inductionitem"): ("add", "change", "delete", "view"),
    ("staff", "course"): ("add", "change", "view"),
    ("staff", "agencypricecap"): ("add", "change", "view"),
    # The caseload weighting scheme and limits (caseloads app).
    ("caseloads", "caseweight"): ("add", "change", "view"),
    ("caseloads", "caseloadlimit"): ("add", "change", "view"),
}


def permission_filter() -> Q:
    wanted = Q(pk__in=[])
    for (app_label, model), actions in CONFIGURATION_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=[f"{action}_{model}" for action in actions])
    return wanted


def keep_the_group_in_step(**kwargs) -> None:
    """After `migrate` (post_migrate): an existing group gets the permissions of configuration
    added since it was made (a new app's settings page), and loses any removed. The permissions
    of the newest apps are created first, as Django would only do after this app's signal."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for label in {app_label for app_label, _ in CONFIGURATION_PERMISSIONS}:
        create_permissions(apps.get_app_config(label), verbosity=0, using=kwargs.get("using", "default"))
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.set(Permission.objects.filter(permission_filter()))


def administrators_group() -> Group:
    """The group, with exactly the configuration permissions (put right if anyone changed it)."""
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(Permission.objects.filter(permission_filter()))
    return group
