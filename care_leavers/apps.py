from django.apps import AppConfig


class CareLeaversConfig(AppConfig):
    name = "care_leavers"
    verbose_name = "Care leavers: eligibility, personal advisers, pathway plans and staying in touch"

    def ready(self):
        # Registers the chronology event types, the timescale provider, the record's badge, and
        # who may see a care leaver's record (their personal adviser).
        from care_leavers import access, badges, events, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("leaving_care", "Leaving care", "care_leavers:record", order=90))
