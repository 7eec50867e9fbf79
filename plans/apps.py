from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "plans"
    verbose_name = "Plans: outcomes, owned actions, contingency and progress, for every kind of plan"

    def ready(self):
        from plans import events, providers  # noqa: F401  registers the chronology event types and the actions' due items
