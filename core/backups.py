"""Backups of the database, and their restore.

Two kinds, as a council's DBA would keep both:

- **A copy** (`dump`/`restore`): pg_dump's custom format of the one database, consistent as of
  the moment it started (one snapshot), restored with pg_restore into an empty database. For a
  nightly copy kept off the machine, and for moving the data to another server.
- **Point-in-time recovery** (`archive_wal`, `base_backup`, `recover`): the server copies every
  finished WAL segment into an archive directory (archive_command), and pg_basebackup takes a
  copy of the whole data directory now and then. A recovery starts from the base backup and
  replays the archived WAL up to a chosen moment (or a named restore point), for example to just
  before a mistaken bulk change at 14:02.

`fingerprints` gives every table's row count and a checksum of its rows, so a restore can be
compared with its source table by table.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from core.postgres import SYSTEM_USER, LocalServer, give_to_server, run


def connection_args(db: dict) -> tuple[list[str], dict]:
    """pg_dump/pg_restore's options for a Django DATABASES entry, and the password's env."""
    args = ["-h", str(db["HOST"] or "localhost"), "-U", db["USER"], "-d", db["NAME"]]
    if db.get("PORT"):
        args[2:2] = ["-p", str(db["PORT"])]
    env = {"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {}
    return args, env


def dump(db: dict, destination: Path) -> Path:
    destination.parent.mkdir(parents=True, exist_ok=True)
    args, env = connection_args(db)
    run("pg_dump", [*args, "--format=custom", "--no-password", f"--file={destination}"], env=env)
    return destination


def restore(source: Path, db: dict, *, keep_owners: bool = True) -> None:
    """Restore a dump into `db`, which must exist and be empty. One transaction: a restore that
    fails half-way leaves the database as empty as it found it. Without keep_owners (a server
    that lacks the source's roles) everything belongs to the connecting account."""
    args, env = connection_args(db)
    extra = [] if keep_owners else ["--no-owner", "--no-privileges"]
    run("pg_restore", [*args, "--no-password", "--exit-on-error", "--single-transaction", *extra, str(source)], env=env)


def fingerprints(connection) -> dict[str, tuple[int, str]]:
    """{schema.table: (rows, md5 of the rows in a fixed order)} for every ordinary table outside
    PostgreSQL's own schemas."""
    tables = connection.execute(
        "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
        "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
        "ORDER BY 1"
    ).fetchall()
    result = {}
    for (table,) in tables:
        count, checksum = connection.execute(
            f"SELECT count(*), coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') FROM {table} t"
        ).fetchone()
        result[table] = (count, checksum)
    return result


# --- point-in-time recovery --------------------------------------------------------------------
def archive_command(archive: Path) -> str:
    # Never overwrite a segment already archived (a second server pointed here by mistake).
    return f"test ! -f {archive}/%f && cp %p {archive}/%f"


def archive_wal(connection, archive: Path) -> bool:
    """Turn on WAL archiving into `archive` (ALTER SYSTEM, as a superuser). Returns whether the
    server must restart for it (wal_level and archive_mode are read only at start)."""
    give_to_server(archive)
    connection.execute(f"ALTER SYSTEM SET archive_command = {_literal(archive_command(archive))}")
    connection.execute("ALTER SYSTEM SET archive_timeout = '300'")  # a quiet server still archives every 5 minutes
    connection.execute("ALTER SYSTEM SET wal_level = 'replica'")
    connection.execute("ALTER SYSTEM SET archive_mode = 'on'")
    connection.execute("SELECT pg_reload_conf()")
    level, mode = connection.execute("SELECT current_setting('wal_level'), current_setting('archive_mode')").fetchone()
    return (level, mode) != ("replica", "on") and (level, mode) != ("logical", "on")


def base_backup(host: str, port: int | str, user: str, destination: Path) -> Path:
    """A copy of the whole data directory, with the WAL to make it consistent (pg_basebackup)."""
    give_to_server(destination.parent)
    run(
        "pg_basebackup",
        [
            "-h",
            str(host),
            "-p",
            str(port),
            "-U",
            user,
            "-D",
            str(destination),
            "--checkpoint=fast",
            "--wal-method=stream",
            "--no-password",
        ],
        as_server=True,
    )
    return destination


def recover(
    base: Path,
    archive: Path,
    pgdata: Path,
    *,
    target_time: str | None = None,
    target_name: str | None = None,
    port: int = 5432,
) -> LocalServer:
    """A new server in `pgdata` from the base backup, replaying archived WAL up to the target
    (a time such as '2026-12-03 14:02:00+00', or a restore point's name; neither: all of it),
    then promoted to a server of its own. The archive and the base backup are left as they were."""
    if pgdata.exists():
        raise FileExistsError(f"{pgdata} already exists: recover into a new directory.")
    shutil.copytree(base, pgdata)
    if SYSTEM_USER:
        for path in [pgdata, *pgdata.rglob("*")]:
            shutil.chown(path, SYSTEM_USER, SYSTEM_USER)
    pgdata.chmod(0o700)
    server = LocalServer(pgdata, port=port)
    settings = {"restore_command": f"cp {archive}/%f %p", "recovery_target_action": "promote", "archive_mode": "off"}
    if target_time:
        settings["recovery_target_time"] = target_time
    if target_name:
        settings["recovery_target_name"] = target_name
    server.configure(**settings)
    (pgdata / "recovery.signal").touch()
    if SYSTEM_USER:
        shutil.chown(pgdata / "recovery.signal", SYSTEM_USER, SYSTEM_USER)
    return server.start()


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
