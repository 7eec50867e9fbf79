"""Key events need oversight from the day this is installed: history brought over before then is
not asked for (an administrator can move the day, oversight.admin)."""

from django.db import migrations


def starts_today(apps, schema_editor):
    from core import clock

    OversightStart = apps.get_model("oversight", "OversightStart")
    OversightStart.objects.get_or_create(pk=1, defaults={"starts_on": clock.today(),
                                                         "reason": "The day management oversight was installed."})


class Migration(migrations.Migration):
    dependencies = [("oversight", "0002_oversight_start")]
    operations = [migrations.RunPython(starts_today, migrations.RunPython.noop)]
