"""opencsc_name_keys computes a stored generated column, and calls the other name functions and
fuzzystrmatch's dmetaphone by their bare names. pg_restore (and pg_dump's plain SQL) runs with an
empty search_path, for safety, so restoring a backup failed at the first person ("function
opencsc_first_name(text) does not exist"). The function now carries the search path it was
created with. It is PL/pgSQL, never inlined, so the SET costs no plan; the SQL functions that
rely on being inlined (opencsc_name_score, opencsc_name_near) are left alone."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("people", "0007_name_score_function")]
    operations = [
        migrations.RunSQL(
            "ALTER FUNCTION opencsc_name_keys(text, text, text) SET search_path FROM CURRENT",
            "ALTER FUNCTION opencsc_name_keys(text, text, text) RESET search_path",
        )
    ]
