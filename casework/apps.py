from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "casework"
    verbose_name = "Casework: allocation, visits, case notes, documents and chronology"

    def ready(self):
        from casework import events  # noqa: F401  registers the chronology event types
