from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Letters from the council's templates, and attachments on any recorded item"

    def ready(self):
        # Registers the chronology event types and the record's "Documents" tab.
        from documents import events  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("documents", "Documents", "documents:record", order=119))
