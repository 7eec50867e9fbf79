"""Point-in-time recovery, step 2: a base backup (pg_basebackup) to replay the archived WAL onto.

manage.py base_backup            # var/base-backups/20261203-020000/
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core import backups, clock


class Command(BaseCommand):
    help = "Take a base backup of the server (pg_basebackup), for point-in-time recovery."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=None)

    def handle(self, *args, output=None, **options):
        db = settings.DATABASES["default"]
        stamp = clock.wall_time().strftime("%Y%m%d-%H%M%S")
        output = (output or Path(settings.VAR_DIR) / "base-backups" / stamp).resolve()
        backups.base_backup(db["HOST"], db["PORT"], db["USER"], output)
        self.stdout.write(f"Base backup in {output}.")
