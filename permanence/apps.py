from django.apps import AppConfig


class PermanenceConfig(AppConfig):
    name = "permanence"
    verbose_name = "Permanence: planning, panel decisions, court orders and adoption"

    def ready(self):
        # Registers the chronology event types, the timescale provider and the record's badges.
        from people.record import RecordTab, register_tab
        from permanence import badges, events, providers  # noqa: F401

        register_tab(RecordTab("permanence", "Permanence", "permanence:record", order=80))
