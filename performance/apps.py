from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "performance"
    verbose_name = "Performance: the indicators, their children, trends and benchmarks"

    def ready(self):
        # The indicators and oversight figures that evidence the improvement plan (improvement.evidence).
        from performance.evidence import register

        register()
