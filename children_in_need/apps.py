from django.apps import AppConfig


class ChildrenInNeedConfig(AppConfig):
    name = "children_in_need"
    verbose_name = "Children in need: episodes, child in need plans and closure"

    def ready(self):
        # Registers the record's badges, the chronology event types and the timescale provider.
        from children_in_need import badges, events, providers  # noqa: F401
        from people.record import RecordTab, register_tab

        register_tab(RecordTab("help", "Help and protection", "children_in_need:journey", order=60))

        from children_in_need.models import CINPlan
        from children_in_need.steps import AREA
        from core.dates import long_date
        from plans.kinds import PlanKind, register

        register(
            PlanKind(
                slug="cin",
                label="Child in need plan",
                model=CINPlan,
                area=AREA,
                capability=AREA.capability,
                facts=lambda plan: (
                    [("Plan started", long_date(plan.start_date))]
                    + ([("Plan ended", long_date(plan.end_date))] if plan.end_date else [])
                ),
                meeting="child in need plan review",
            )
        )
