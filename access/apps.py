from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access: who may see a record, and who has"

    def ready(self):
        # An administrator's break-glass access opens the one record it names.
        from access import break_glass  # noqa: F401

        # After every migrate (and flush), the app's database role gets exactly its privileges.
        from access.privileges import grant_after_migrate

        post_migrate.connect(grant_after_migrate, sender=self, dispatch_uid="access.grant_app_privileges")
