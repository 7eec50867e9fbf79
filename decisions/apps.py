from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "decisions"
    verbose_name = "Decisions that need a manager: plans, closures, step-downs, transfers and placements"

    def ready(self):
        # Registers the chronology event types, the manager's due items and the record's tab.
        from decisions import events, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("decisions", "Decisions", "decisions:record", order=117))
