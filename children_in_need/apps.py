from django.apps import AppConfig


class ChildrenInNeedConfig(AppConfig):
    name = "children_in_need"
    verbose_name = "Children in need: episodes, child in need plans and closure"

    def ready(self):
        # Registers the record's badges, the chronology event types and the timescale provider.
        from children_in_need import badges, events, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("help", "Help and protection", "children_in_need:journey", order=60))
