"""A copy of the database (pg_dump, custom format): `make backup`.

    manage.py backup                      # var/backups/opencsc-20261203-0200.dump
    manage.py backup --output /mnt/backups/opencsc.dump

Runs as the tables' owner (manage.py selects DATABASE_OWNER_URL): the app's account may not
read everything a restore needs (the owners and grants of the tables).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core import backups, clock


class Command(BaseCommand):
    help = "Write a copy of the database with pg_dump (custom format), for `manage.py restore`."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, help="The file to write (default: var/backups/<database>-<time>.dump)"
        )

    def handle(self, *args, output=None, **options):
        db = settings.DATABASES["default"]
        stamp = clock.wall_time().strftime("%Y%m%d-%H%M%S")
        output = output or Path(settings.VAR_DIR) / "backups" / f"{db['NAME']}-{stamp}.dump"
        backups.dump(db, output)
        self.stdout.write(f"Backed up {db['NAME']} to {output} ({output.stat().st_size:,} bytes)")
