"""Administrators stop being superusers: they get the "System administrators" group, whose
permissions are the configuration models only (workforce.administrators)."""

from django.db import migrations
from django.db.models import Q

GROUP_NAME = "System administrators"
# Frozen copy of workforce.administrators.CONFIGURATION_PERMISSIONS as it was at this migration.
CONFIGURATION_PERMISSIONS = {
    ("workforce", "team"): ("add", "change", "view"),
    ("workforce", "user"): ("add", "change", "view"),
    ("timescales", "localstandard"): ("add", "change", "view"),
    ("timescales", "bankholiday"): ("add", "change", "delete", "view"),
}


def demote_administrators(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations have run; on a fresh database they
    # do not exist yet, so create them now for the two apps whose models the group needs.
    for label in ("workforce", "timescales"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("workforce", "User")
    wanted = Q(pk__in=[])
    for (app_label, model), actions in CONFIGURATION_PERMISSIONS.items():
        wanted |= Q(content_type__app_label=app_label, codename__in=[f"{action}_{model}" for action in actions])
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.set(Permission.objects.filter(wanted))
    administrators = User.objects.filter(role="system_admin")
    for user in administrators:
        user.groups.add(group)
    administrators.update(is_superuser=False, is_staff=True)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("timescales", "0002_seed_bank_holidays"),
        ("workforce", "0002_alter_user_role_alter_userevent_role"),
    ]

    operations = [migrations.RunPython(demote_administrators, migrations.RunPython.noop)]
