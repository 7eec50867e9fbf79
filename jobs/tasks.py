"""The scheduled jobs (jobs/schedule.py) as procrastinate periodic tasks: each runs its command."""

from __future__ import annotations

import io
import logging
import time

from django.conf import settings
from django.core.management import call_command, get_commands
from procrastinate.contrib.django import app

from jobs.registry import declare, retry_strategy
from jobs.schedule import DFE_DAILY_FEED, SCHEDULE, Scheduled

logger = logging.getLogger("jobs.scheduled")


def scheduled_jobs() -> list[Scheduled]:
    """The schedule, with the DfE's daily feed only once the council has configured it (its
    endpoint in DFE_FEED_API_ENDPOINT): unconfigured, it would only fail every morning."""
    installed = get_commands()
    feed = [DFE_DAILY_FEED] if getattr(settings, "DFE_FEED", {}).get("API_ENDPOINT") else []
    return [each for each in [*SCHEDULE, *feed] if each.command in installed]


def _register(entry: Scheduled) -> None:
    def run(timestamp: int) -> None:
        started = time.perf_counter()
        output = io.StringIO()  # the commands print counts (never names); kept out of the log's JSON
        call_command(entry.command, *entry.args, stdout=output)
        logger.info(
            "scheduled job done",
            extra={"job": entry.name, "command": entry.command, "seconds": round(time.perf_counter() - started, 1)},
        )

    run.__name__ = run.__qualname__ = entry.name.replace("-", "_")
    task = app.task(
        name=entry.task_name,
        queue="scheduled",
        queueing_lock=entry.task_name,
        retry=retry_strategy(entry.retries, settings.JOBS_RETRY_WAIT_SECONDS),
    )(run)
    app.periodic(cron=entry.cron, periodic_id=entry.name)(task)
    declare(entry.task_name, time_limit=entry.time_limit, retries=entry.retries)


for _entry in scheduled_jobs():
    _register(_entry)
