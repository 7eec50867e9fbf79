from django.apps import AppConfig


class DataQualityConfig(AppConfig):
    name = "data_quality"
    verbose_name = "Data quality: the returns' checks, run on every save"

    def ready(self):
        # Every write already calls timescales.engine.refresh_due_items in its transaction; the
        # hook brings this child's problems up to date there, so the page never lags the record.
        from data_quality import panels, services  # noqa: F401
        from timescales import engine

        engine.on_record_changed(services.refresh_child)

        from people.record import RecordTab, register_tab

        register_tab(RecordTab("data_quality", "Data quality", "data_quality_record:record", order=140))
