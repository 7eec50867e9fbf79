"""Seed the working-day calendar: England and Wales bank holidays 2000-2040.

From the `holidays` package (see timescales/holiday_data.py); `manage.py sync_bank_holidays`
refreshes or extends it later.
"""

from django.db import migrations

FROM_YEAR, TO_YEAR = 2000, 2040


def seed(apps, schema_editor):
    from timescales.holiday_data import sync

    sync(apps.get_model("timescales", "BankHoliday"), FROM_YEAR, TO_YEAR)


def unseed(apps, schema_editor):
    apps.get_model("timescales", "BankHoliday").objects.filter(date__year__range=(FROM_YEAR, TO_YEAR)).delete()


class Migration(migrations.Migration):
    dependencies = [("timescales", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
