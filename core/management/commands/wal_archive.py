"""Point-in-time recovery on the embedded server, step 1: archive every WAL segment.

    manage.py wal_archive            # into var/wal-archive, restarting the embedded server once

On a council's own PostgreSQL the DBA sets archive_command in postgresql.conf instead (see
"Backups and restore" in the README); this command is for the embedded server.
"""

from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import backups
from core.postgres import SYSTEM_USER, run


class Command(BaseCommand):
    help = "Turn on WAL archiving on the embedded PostgreSQL (for point-in-time recovery)."

    def add_arguments(self, parser):
        parser.add_argument("--archive", type=Path, default=None, help="Where the WAL goes (default var/wal-archive)")

    def handle(self, *args, archive=None, **options):
        pgdata = Path(settings.VAR_DIR) / "postgres"
        if not (pgdata / "PG_VERSION").exists():
            raise CommandError("This is for the embedded server; on your own server set archive_command (README).")
        archive = (archive or Path(settings.VAR_DIR) / "wal-archive").resolve()
        db = settings.DATABASES["default"]
        with psycopg.connect(
            host=db["HOST"], port=db["PORT"], user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            must_restart = backups.archive_wal(conn, archive)
        if must_restart:
            run("pg_ctl", ["-D", str(pgdata.resolve()), "-w", "-t", "120", "restart", "-m", "fast"], as_server=True)
        self.stdout.write(
            f"WAL is archived into {archive}"
            + (" (the server was restarted)" if must_restart else "")
            + (f", written by the {SYSTEM_USER} system user" if SYSTEM_USER else "")
            + "."
        )
