"""PostgreSQL extensions the record relies on.

pg_trgm: typo-tolerant name search. fuzzystrmatch: double metaphone (sounds-alike) search.
btree_gist: exclusion constraints that stop episodes and plans overlapping.
unaccent: accent-insensitive matching.
On a managed PostgreSQL, the migrating user needs the right to create extensions (or a DBA
creates these four first: see "Deploying" in the README).
"""

from django.contrib.postgres.operations import (
    BtreeGistExtension,
    CreateExtension,
    TrigramExtension,
    UnaccentExtension,
)
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        TrigramExtension(),
        CreateExtension("fuzzystrmatch"),
        BtreeGistExtension(),
        UnaccentExtension(),
    ]
