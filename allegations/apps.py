from django.apps import AppConfig


class AllegationsConfig(AppConfig):
    name = "allegations"
    verbose_name = "Allegations against people who work with children (LADO)"

    def ready(self):
        from allegations.selectors import can_see_allegations
        from people.record import RecordTab, register_tab

        # LADO allegations are shown only to the LADO service (allegations.selectors).
        register_tab(
            RecordTab(
                "allegations",
                "Allegations (LADO)",
                "allegations_record:for_child",
                order=110,
                shows=lambda user, person: can_see_allegations(user),
            )
        )
