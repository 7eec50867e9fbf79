from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "People: children, families and the professionals around them"

    def ready(self):
        from access.selectors import may_see_who_has_viewed
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("summary", "Summary", "people:summary", order=10, children_only=False))
        register_tab(RecordTab("details", "Personal details", "people:details", order=20, children_only=False))
        register_tab(RecordTab("family", "Family and network", "people:family", order=30, children_only=False))
        register_tab(
            RecordTab(
                "viewed",
                "Who has viewed",
                "people:viewed",
                order=150,
                children_only=False,
                shows=may_see_who_has_viewed,
            )
        )
