from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WorkforceConfig(AppConfig):
    name = "workforce"
    verbose_name = "Workforce: staff, teams and roles"

    def ready(self):
        from workforce.administrators import keep_the_group_in_step

        post_migrate.connect(keep_the_group_in_step, sender=self, dispatch_uid="workforce.administrators_group")
