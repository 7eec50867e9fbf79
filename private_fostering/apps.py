from django.apps import AppConfig


class PrivateFosteringConfig(AppConfig):
    name = "private_fostering"
    verbose_name = "Private fostering: notifications, arrangements and visits"

    def ready(self):
        # Registers the chronology event types, the timescale provider and the record's badge.
        from people.record import RecordTab, register_tab
        from private_fostering import access, badges, events, providers  # noqa: F401

        register_tab(RecordTab("private_fostering", "Private fostering", "private_fostering:record", order=100))
