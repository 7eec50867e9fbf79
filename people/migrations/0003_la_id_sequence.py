from django.db import migrations


class Migration(migrations.Migration):
    """LA child IDs are numbered by a sequence so two saves at once can never get the same one."""

    dependencies = [("people", "0002_initial")]
    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE IF NOT EXISTS people_la_id_seq START 100001",
            "DROP SEQUENCE IF EXISTS people_la_id_seq",
        )
    ]
