from django.apps import AppConfig


class ChildProtectionConfig(AppConfig):
    name = "child_protection"
    verbose_name = "Child protection: strategy discussions, section 47 enquiries, conferences and plans"

    def ready(self):
        from child_protection import events, providers  # noqa: F401  registers event types and the timescale provider
