from django.apps import AppConfig


class CaseloadsConfig(AppConfig):
    name = "caseloads"
    verbose_name = "Caseloads: weighted caseloads from the record, the workforce figures and returns"

    def ready(self):
        # The allocation page offers the workers of the team with room on their weighted caseload.
        from caseloads.selectors import workers_with_capacity
        from casework import allocation_hints

        allocation_hints.register(workers_with_capacity)
