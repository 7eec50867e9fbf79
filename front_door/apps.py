from django.apps import AppConfig


class FrontDoorConfig(AppConfig):
    name = "front_door"
    verbose_name = "Front door: contacts, screening and referrals"

    def ready(self):
        from front_door import events, providers  # noqa: F401  registers event types and the timescale provider
