"""Point-in-time recovery, step 3: a new server from a base backup and the archived WAL.

    manage.py recover --base var/base-backups/20261203-020000 --to "2026-12-03 14:02:00+00"

The new server gets its own data directory (default var/postgres-recovered) and socket, and the
running one is not touched: look at the recovered data, then (with the service stopped) move
the directories over, or pg_dump from it what was lost.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core import backups


class Command(BaseCommand):
    help = "Start a new server from a base backup, replaying archived WAL up to a moment."

    def add_arguments(self, parser):
        parser.add_argument("--base", type=Path, required=True)
        parser.add_argument("--archive", type=Path, default=None)
        parser.add_argument(
            "--to", dest="target_time", default=None, help="e.g. '2026-12-03 14:02:00+00'; default: all of the WAL"
        )
        parser.add_argument("--restore-point", default=None, help="a name given to pg_create_restore_point()")
        parser.add_argument("--pgdata", type=Path, default=None)
        parser.add_argument("--port", type=int, default=5433)

    def handle(
        self, *args, base, archive=None, target_time=None, restore_point=None, pgdata=None, port=5433, **options
    ):
        if not (base / "PG_VERSION").exists():
            raise CommandError(f"{base} is not a base backup (no PG_VERSION).")
        archive = (archive or Path(settings.VAR_DIR) / "wal-archive").resolve()
        pgdata = (pgdata or Path(settings.VAR_DIR) / "postgres-recovered").resolve()
        server = backups.recover(
            base.resolve(), archive, pgdata, target_time=target_time, target_name=restore_point, port=port
        )
        self.stdout.write(
            f"Recovered into {pgdata}; it listens on {server.socket_dir} port {port} "
            f"(psql -h {server.socket_dir} -p {port} -U postgres opencsc)."
        )
