"""A real streaming replica of the embedded PostgreSQL: `make replica`.

    manage.py replica          # var/postgres-replica, on its socket var/replica-socket, port 5433
    manage.py replica --stop

It prints the DATABASE_REPLICA_URL to give `make run` so that the report pages read from it.
On a council's own servers the DBA sets up the replica (see docs/deploy.md).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from core.postgres import LocalServer, give_to_server, start_replica


class Command(BaseCommand):
    help = "Start (or stop) a streaming replica of the embedded PostgreSQL."

    def add_arguments(self, parser):
        parser.add_argument("--stop", action="store_true")
        parser.add_argument("--port", type=int, default=5433)

    def handle(self, *args, stop=False, port=5433, **options):
        var = Path(settings.VAR_DIR).resolve()
        # Not under var/run, which only this process's user may enter: the server runs as its own user.
        pgdata, socket_dir = var / "postgres-replica", give_to_server(var / "replica-socket")
        socket_dir.chmod(0o777)
        server = LocalServer(pgdata, port=port, socket_dir=socket_dir)
        if stop:
            server.stop()
            self.stdout.write("The replica is stopped (its data stays in var/postgres-replica).")
            return
        if (pgdata / "PG_VERSION").exists():
            if not (pgdata / "postmaster.pid").exists():
                server.start()
        else:
            db = settings.DATABASES["default"]
            start_replica(db["HOST"], db["PORT"], pgdata, port=port, socket_dir=socket_dir)
        name = settings.DATABASES["default"]["NAME"]
        url = f"postgres://{settings.DATABASE_APP_ROLE}@{str(socket_dir).replace('/', '%2F')}:{port}/{name}"
        self.stdout.write(
            f"A streaming replica is running from {pgdata}.\n"
            f"Report pages read from it with:\n  DATABASE_REPLICA_URL={url} make run"
        )
