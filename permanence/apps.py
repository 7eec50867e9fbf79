from django.apps import AppConfig


class PermanenceConfig(AppConfig):
    name = "permanence"
    verbose_name = "Permanence: planning, panel decisions, court orders and adoption"

    def ready(self):
        # Registers the chronology event types, the timescale provider and the record's badges.
        from permanence import badges, events, providers  # noqa: F401
