from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Access: who may see a record, and who has"

    def ready(self):
        # An administrator's break-glass access opens the one record it names.
        from access import break_glass  # noqa: F401
