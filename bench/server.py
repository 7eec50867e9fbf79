"""The production server for the benchmark: gunicorn with production settings on a free port.

Production settings need SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (opencsc/settings.py);
the benchmark makes them for a local run: a fresh random key, the loopback host, and the URLs
of the embedded PostgreSQL's database: DATABASE_URL as the app role, which gunicorn uses, and
DATABASE_OWNER_URL as the owner, which manage.py picks for migrate and generate_la
(opencsc/database.py). It turns off the HTTPS redirect (nothing terminates TLS here) and turns
on the SQL timing headers (opencsc/sql_timing.py).
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def production_env(db_name: str) -> dict[str, str]:
    """The environment of a local production run against the embedded PostgreSQL."""
    from opencsc.database import APP, OWNER, embedded_database

    def url(role):
        config = embedded_database(BASE_DIR / "var" / "postgres", db_name, role=role)  # starts it if need be
        return f"postgres://{config['USER']}@{quote(config['HOST'], safe='')}:{config['PORT']}/{config['NAME']}"

    return {
        "OPENCSC_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "DATABASE_URL": url(APP),
        "DATABASE_OWNER_URL": url(OWNER),
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
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
        check=True,
    )


class Gunicorn:
    def __init__(self, *, env: dict, workers: int, log_path: Path):
        self.env, self.workers, self.log_path = env, workers, log_path
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "opencsc.wsgi",
                "--bind",
                f"{HOST}:{self.port}",
                "--workers",
                str(self.workers),
                "--timeout",
                "120",
                "--forwarded-allow-ips",
                "",
            ],
            cwd=BASE_DIR,
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
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

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their request
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _cpu_by_pid(wanted) -> dict[int, float]:
    """{pid: CPU seconds (user + system)} of the processes for which wanted(pid, ppid, title)."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # it ended while we looked
        pid = int(entry.name)
        if wanted(pid, int(fields[1]), title):
            found[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def workers_of(master_pid: int):
    return lambda pid, ppid, title: ppid == master_pid


def backends_of(db_name: str):
    return lambda pid, ppid, title: title.startswith("postgres: ") and f" {db_name} " in title


class CpuMeter:
    """CPU time used by a changing set of processes while it runs, from /proc (Linux only).

    Unlike latency, CPU per request hardly changes when other work shares the machine, so it
    says what a page costs even when the wall-clock figures are disturbed. Processes come and
    go (a database connection is closed after CONN_MAX_AGE and a new backend starts), so it
    samples twice a second and adds up each process's increase; a process that ends takes at
    most its last half second with it.
    """

    def __init__(self, wanted, interval: float = 0.5):
        self.wanted, self.interval = wanted, interval
        self.available = Path("/proc").is_dir()
        self.seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        last = _cpu_by_pid(self.wanted)
        while not self._stop.wait(self.interval):
            now = _cpu_by_pid(self.wanted)
            self.seconds += sum(max(0.0, cpu - last.get(pid, 0.0)) for pid, cpu in now.items())
            last = now
        now = _cpu_by_pid(self.wanted)
        self.seconds += sum(max(0.0, cpu - last.get(pid, 0.0)) for pid, cpu in now.items())

    def __enter__(self):
        if self.available:
            self._thread.start()
        return self

    def __exit__(self, *exc):
        if self.available:
            self._stop.set()
            self._thread.join()
