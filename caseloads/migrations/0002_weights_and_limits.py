"""A starting weighting scheme (of the kind Slough's and Swindon's use: 4 to 10 points a case, two
tiers for looked-after children, more for court work and sibling groups) and limits per FTE, with
a protected caseload for workers in their ASYE. Each authority changes them in the admin."""

from django.db import migrations

WEIGHTS = {"cp_plan": 8, "looked_after_new": 7, "looked_after_settled": 5, "care_leaver": 4, "child_in_need": 5,
           "court": 3, "sibling": 1}
LIMITS = {"social_worker": (100, 70), "team_manager": (30, 30)}


def forwards(apps, schema_editor):
    CaseWeight = apps.get_model("caseloads", "CaseWeight")
    CaseloadLimit = apps.get_model("caseloads", "CaseloadLimit")
    for code, points in WEIGHTS.items():
        CaseWeight.objects.get_or_create(case_type=code, defaults={"points": points})
    for role, (full, early) in LIMITS.items():
        CaseloadLimit.objects.get_or_create(role=role, defaults={"points_per_fte": full, "early_career_points_per_fte": early})


class Migration(migrations.Migration):
    dependencies = [("caseloads", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
