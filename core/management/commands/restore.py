"""Restore a copy made by `manage.py backup`: `make restore FILE=var/backups/....dump`.

The database is replaced: it is dropped (its connections ended) and created empty, then the
copy restored in one transaction. Stop the web servers and the job worker first. --database
restores into another database on the same server instead (to look at an old copy beside
the live one); it is replaced the same way.
"""

from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

from core import backups


class Command(BaseCommand):
    help = "Replace the database with a copy made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--database", help="Restore into this database instead of the configured one")
        parser.add_argument("--replace", action="store_true", help="Confirm that the database is to be replaced")

    def handle(self, *args, file, database=None, replace=False, **options):
        if not file.is_file():
            raise CommandError(f"There is no backup at {file}.")
        if not replace:
            raise CommandError("This replaces the database with the copy. Run it again with --replace to go ahead.")
        db = dict(settings.DATABASES["default"])
        db["NAME"] = database or db["NAME"]
        recreate(db)
        backups.restore(file, db)
        self.stdout.write(f"Restored {file} into {db['NAME']}.")


def recreate(db: dict) -> None:
    """Drop and create the database empty, connected to the server's maintenance database."""
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or None,
        user=db["USER"],
        password=db.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        name = sql.Identifier(db["NAME"])
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))
