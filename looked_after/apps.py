from django.apps import AppConfig


class LookedAfterConfig(AppConfig):
    name = "looked_after"
    verbose_name = "Children looked after: periods of care, placements, reviews, visits, health, education, missing"

    def ready(self):
        # Registers the record's badges, the chronology event types and the timescale provider.
        from looked_after import badges, events, providers  # noqa: F401
