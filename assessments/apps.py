from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments: single assessments and their authorisation"

    def ready(self):
        from assessments import events, providers  # noqa: F401  registers event types and the timescale provider
