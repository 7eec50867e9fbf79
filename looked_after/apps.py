from django.apps import AppConfig


class LookedAfterConfig(AppConfig):
    name = "looked_after"
    verbose_name = "Children looked after: periods of care, placements, reviews, visits, health, education, missing"

    def ready(self):
        # Registers the record's badges, the chronology event types, the timescale provider and
        # how an IRO stands to a child (access.capabilities).
        from looked_after import access, badges, events, panels, plan_kinds, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("looked_after", "Looked after", "looked_after:record", order=70))
