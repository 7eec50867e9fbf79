"""Run the job worker: the queued jobs (return exports), the scheduled ones (jobs/tasks.py), and
the watchdog that requeues the jobs of a dead worker and stops those past their limit.

    manage.py run_worker          # until Ctrl+C or SIGTERM (finishes or gives back running jobs)

`make run` starts one beside gunicorn. Run one or more per installation (each takes
JOBS_CONCURRENCY jobs at a time); they share the work through the database.
"""

from __future__ import annotations

import asyncio
import logging

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections
from procrastinate.contrib.django import app

from jobs import watchdog

logger = logging.getLogger("jobs.worker")

# On SIGTERM a running job has this long to finish; then it is aborted and queued again.
SHUTDOWN_GRACE_SECONDS = 30


class Command(BaseCommand):
    help = "Run the background job worker (exports, scheduled jobs) with its watchdog."

    def handle(self, *args, **options):
        asyncio.run(self._run())

    async def _run(self):
        with app.replace_connector(app.connector.get_worker_connector()):
            async with app.open_async():
                watching = asyncio.create_task(self._watch(), name="watchdog")
                logger.info("job worker started", extra={"concurrency": settings.JOBS_CONCURRENCY})
                try:
                    await app.run_worker_async(
                        concurrency=settings.JOBS_CONCURRENCY,
                        update_heartbeat_interval=settings.JOBS_HEARTBEAT_SECONDS,
                        stalled_worker_timeout=settings.JOBS_STALLED_SECONDS,
                        shutdown_graceful_timeout=SHUTDOWN_GRACE_SECONDS,
                        install_signal_handlers=True,
                    )
                finally:
                    watching.cancel()
                    logger.info("job worker stopped")

    async def _watch(self):
        while True:
            try:
                done = await sync_to_async(_sweep_and_close, thread_sensitive=False)()
                if any(done.values()):
                    logger.info("watchdog", extra=done)
            except Exception:  # a database blip must not stop the watchdog; the next pass tries again
                logger.exception("watchdog pass failed")
            await asyncio.sleep(settings.JOBS_WATCHDOG_SECONDS)


def _sweep_and_close() -> dict:
    try:
        return watchdog.sweep()
    finally:
        connections.close_all()
