"""The return export as a background job (procrastinate, run by `manage.py run_worker`).

The job is queued in the same transaction as the export's row (services.export_request), so a
restart of the web server loses nothing; a build that fails is tried again (RETRIES times), and
one that stops (its worker killed) or runs past the limit is marked failed with the reason, by
the worker's watchdog (jobs/watchdog.py), through `export_given_up`.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from procrastinate import JobContext
from procrastinate.contrib.django import app
from procrastinate.exceptions import JobAborted

from jobs.registry import declare, retry_strategy
from returns import services

TASK = services.EXPORT_TASK
# A failed build is tried twice more: a full disk or a database restart is often gone by then.
RETRIES = 2


@app.task(
    name=TASK, queue="exports", pass_context=True, retry=retry_strategy(RETRIES, settings.JOBS_RETRY_WAIT_SECONDS)
)
def build_export(context: JobContext, export_id: int) -> None:
    def stop_if_asked():
        if context.should_abort():
            raise JobAborted("stopped by the watchdog")

    services.export_run(export_id, attempt=context.job.attempts + 1, attempts=RETRIES + 1, check=stop_if_asked)
    stop_if_asked()  # a build that got through after it was given up on ends as stopped, not as done


declare(
    TASK,
    time_limit=timedelta(seconds=settings.RETURNS_EXPORT_TIME_LIMIT_SECONDS),
    retries=RETRIES,
    on_failed=lambda args, message: services.export_given_up(args["export_id"], message),
)
