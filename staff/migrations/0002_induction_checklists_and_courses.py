"""The starting induction checklists per role and the mandatory course catalogue, as data: each
authority changes them in the admin. Working days count from the first day (day 1)."""

from django.db import migrations

SOCIAL_WORK_INDUCTION = [
    ("Meet your line manager; agree the induction plan", 1),
    ("Sign-in, laptop and phone working; record system training booked", 1),
    ("Read the safeguarding partnership's procedures and the threshold document", 5),
    ("Shadow a home visit and a child protection conference", 10),
    ("First supervision held", 20),
    ("Identity and Social Work England registration checked; DBS seen", 5),
    ("Protected caseload agreed with the team manager", 10),
    ("Induction review with the team manager", 60),
]
MANAGER_INDUCTION = [
    ("Meet your service manager; agree the induction plan", 1),
    ("Management oversight and supervision policies read", 10),
    ("Induction review with the service manager", 60),
]
OTHER_INDUCTION = [
    ("Meet your line manager; agree the induction plan", 1),
    ("Read the safeguarding partnership's procedures", 10),
    ("Induction review", 60),
]
ROLES = {
    "social_worker": SOCIAL_WORK_INDUCTION,
    "team_manager": MANAGER_INDUCTION,
    "iro": OTHER_INDUCTION,
    "mash_worker": OTHER_INDUCTION,
    "personal_adviser": OTHER_INDUCTION,
    "private_fostering_officer": OTHER_INDUCTION,
}
SW, TM = "social_worker", "team_manager"
PRACTITIONERS = [SW, TM, "iro", "mash_worker", "personal_adviser", "private_fostering_officer"]
# title, mandatory for, valid for (months), a new starter attends within (days)
COURSES = [
    ("Safeguarding children: level 3", PRACTITIONERS, 36, 90),
    ("Information governance and data protection", PRACTITIONERS, 12, 30),
    ("Domestic abuse: risk assessment (DASH)", [SW, TM], 36, 90),
    ("Court skills", [SW, TM], None, 180),
    ("Managing allegations against staff", [TM], 36, 90),
    ("Supervision skills for managers", [TM], None, 180),
    ("Signs of Safety: practice framework", [SW, TM], None, 180),
]


def forwards(apps, schema_editor):
    InductionItem = apps.get_model("staff", "InductionItem")
    Course = apps.get_model("staff", "Course")
    for role, items in ROLES.items():
        for order, (title, day) in enumerate(items):
            InductionItem.objects.get_or_create(role=role, title=title, defaults={"due_working_day": day, "order": order})
    for title, roles, months, days in COURSES:
        Course.objects.get_or_create(title=title, defaults={"mandatory_for": roles, "valid_months": months,
                                                            "due_within_days": days})


class Migration(migrations.Migration):
    dependencies = [("staff", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
