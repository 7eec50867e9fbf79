from django.apps import AppConfig


class AllegationsConfig(AppConfig):
    name = "allegations"
    verbose_name = "Allegations against people who work with children (LADO)"
