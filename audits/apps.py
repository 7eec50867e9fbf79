from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Case audits: programmes, grading, moderation and actions"

    def ready(self):
        # Registers the chronology event types, the actions' due items, the auditors' access to
        # their sampled children and the record's tab.
        from audits import access, events, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("audits", "Audits", "audits_record:record", order=118))
