"""The production server for the benchmark: gunicorn with production settings on a free port.

Production settings need SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (opencsc/settings.py);
the benchmark makes them for a local run: a fresh random key, the loopback host, and the URL
of the embedded PostgreSQL's database. It turns off the HTTPS redirect (nothing terminates
TLS here) and turns on the SQL timing headers (opencsc/sql_timing.py).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def production_env(db_name: str) -> dict[str, str]:
    """The environment of a local production run against the embedded PostgreSQL."""
    from opencsc.database import embedded_database

    config = embedded_database(BASE_DIR / "var" / "postgres", db_name)  # starts it if need be
    url = f"postgres://{config['USER']}@{quote(config['HOST'], safe='')}:{config['PORT']}/{config['NAME']}"
    return {
        "OPENCSC_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": url,
        "OPENCSC_SSL_REDIRECT": "0",
        "OPENCSC_BENCH_SQL": "1",
        "OPENCSC_DB_NAME": db_name,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def manage(*args: str, env: dict, log) -> None:
    """Run a management command with the benchmark's environment; fail loudly."""
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env={**os.environ, **env},
                   stdout=log, stderr=subprocess.STDOUT, check=True)


class Gunicorn:
    def __init__(self, *, env: dict, workers: int, log_path: Path):
        self.env, self.workers, self.log_path = env, workers, log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "opencsc.wsgi", "--bind", f"{HOST}:{self.port}",
             "--workers", str(self.workers), "--timeout", "120", "--forwarded-allow-ips", ""],
            cwd=BASE_DIR, env={**os.environ, **self.env}, stdout=log, stderr=subprocess.STDOUT,
        )
        log.close()
        self._wait_for_health()
        return self

    def _wait_for_health(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/healthz", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer /healthz within {timeout:.0f} s; see {self.log_path}")

    def cpu_seconds(self) -> float | None:
        """CPU time (user + system) the workers have used so far, from /proc (Linux), or None.

        Unlike latency, CPU per request hardly changes when other work shares the machine, so
        it says what a page costs even when the wall-clock figures are disturbed.
        """
        proc = Path("/proc")
        if not proc.is_dir() or self.process is None:
            return None
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for stat in proc.glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended while we looked
            if int(fields[1]) == self.process.pid:  # fields[1] is the parent's pid
                total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
        return total

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their request
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def database_cpu_seconds(db_name: str) -> float | None:
    """CPU time of the PostgreSQL backends connected to `db_name` (the workers' connections,
    kept open between requests by CONN_MAX_AGE), from /proc, or None off Linux. A backend that
    closed during the measurement takes its CPU time with it, so this can only undercount."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in proc.glob("[0-9]*"):
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not title.startswith("postgres: ") or f" {db_name} " not in title:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total
