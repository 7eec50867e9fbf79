from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Supervision: professional supervision of workers and case supervision of children"

    def ready(self):
        # Registers the chronology event types, the case actions' due items and the record's tab.
        from people.record import RecordTab, register_tab
        from supervision import events, providers  # noqa: F401

        register_tab(RecordTab("case_supervision", "Case supervision", "supervision_record:record", order=115))
