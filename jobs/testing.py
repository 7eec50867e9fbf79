"""The real job worker (`manage.py run_worker`) in its own process, against this test database;
for the tests of any app (import `workers`). Never imported by app code.

The tests commit what they record (transactional tests), so the worker, connecting as the app's
own database role as in production, sees it. Its intervals are shortened so that a dead worker
is noticed in seconds rather than a minute.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]
QUEUE_TABLES = ("procrastinate_events", "procrastinate_periodic_defers", "procrastinate_jobs", "procrastinate_workers")

FAST = {
    "OPENCSC_JOBS_HEARTBEAT_SECONDS": "0.5",
    "OPENCSC_JOBS_STALLED_SECONDS": "2",
    "OPENCSC_JOBS_WATCHDOG_SECONDS": "0.5",
    "OPENCSC_JOBS_RETRY_WAIT_SECONDS": "1",
}


class Workers:
    def __init__(self, media_root: Path, log_dir: Path):
        from django.db import connection

        self.env = {
            **os.environ,
            **FAST,
            "OPENCSC_DB_NAME": connection.settings_dict["NAME"],
            "OPENCSC_MEDIA_ROOT": str(media_root),
            "OPENCSC_LOG_LEVEL": "INFO",
        }
        self.env.pop("OPENCSC_DB_ROLE", None)  # the app's own role, as in production
        self.log_dir = log_dir
        self.running: list[subprocess.Popen] = []

    def start(self, **env) -> subprocess.Popen:
        log = (self.log_dir / f"worker-{len(self.running)}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker"],
            cwd=BASE_DIR,
            env={**self.env, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.running.append(process)
        return process

    def logs(self) -> str:
        return "\n".join(p.read_text() for p in sorted(self.log_dir.glob("worker-*.log")))

    def stop_all(self) -> None:
        for process in self.running:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.running:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(condition, *, timeout: float = 60, what: str = "the condition", workers: Workers | None = None):
    """Poll until `condition()` is truthy (and return it): the worker is another process."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(
        f"Timed out waiting for {what}" + (f"\n--- worker log ---\n{workers.logs()}" if workers else "")
    )


@pytest.fixture
def workers(transactional_db, tmp_path, settings):
    media = tmp_path / "worker-media"
    settings.MEDIA_ROOT = media  # the web side reads the files the worker writes
    pool = Workers(media, tmp_path)
    yield pool
    pool.stop_all()
    from django.db import connection

    with connection.cursor() as cursor:  # procrastinate's tables are not Django-managed: no flush empties them
        cursor.execute(f"TRUNCATE {', '.join(QUEUE_TABLES)} RESTART IDENTITY CASCADE")
