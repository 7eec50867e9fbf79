from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Management oversight and the IRO's challenge"

    def ready(self):
        # Registers the chronology event types, the timescale provider and the record's tab.
        from oversight import events, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("oversight", "Oversight", "oversight:record", order=105))
