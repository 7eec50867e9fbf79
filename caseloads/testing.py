"""Test helpers for the workforce (staff and caseloads): never imported by app code.

The induction checklists, the course catalogue, the caseload weights and the limits are seeded
by data migrations. A transactional test (the browser journeys) empties every table when it
ends, so a later test in the same database would find none: the tests that rely on them put them
back first, exactly as the migrations do (each is get_or_create, so it costs nothing twice)."""

import importlib

SEEDS = ("staff.migrations.0002_induction_checklists_and_courses", "caseloads.migrations.0002_weights_and_limits")


def seed_configuration() -> None:
    from django.apps import apps

    from caseloads.models import CaseWeight
    from staff.models import Course

    if Course.objects.exists() and CaseWeight.objects.exists():
        return
    for module in SEEDS:
        importlib.import_module(module).forwards(apps, None)
