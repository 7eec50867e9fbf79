from django.apps import AppConfig


class ChildProtectionConfig(AppConfig):
    name = "child_protection"
    verbose_name = "Child protection: strategy discussions, section 47 enquiries, conferences and plans"

    def ready(self):
        from child_protection import (  # noqa: F401  registers event types and the timescale providers
            booking_providers,
            events,
            providers,
        )
        from child_protection.models import ChildProtectionPlan
        from child_protection.views import plan_facts
        from children_in_need.steps import AREA
        from plans.kinds import PlanKind, register

        register(
            PlanKind(
                slug="cp",
                label="Child protection plan",
                model=ChildProtectionPlan,
                area=AREA,
                capability=AREA.capability,
                facts=plan_facts,
                meeting="core group",
            )
        )
