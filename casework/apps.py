from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = "Casework: allocation, visits, case notes, documents and chronology"

    def ready(self):
        from casework import events  # noqa: F401  registers the chronology event types
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("visits", "Visits", "casework:visits", order=40))
        register_tab(RecordTab("notes", "Case notes", "casework:notes", order=50))
        register_tab(RecordTab("chronology", "Chronology", "casework:chronology", order=120))
        register_tab(RecordTab("allocation", "Allocation", "casework:allocation", order=130))
