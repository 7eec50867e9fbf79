"""The worker's watchdog: jobs whose worker died are run again, jobs past their limit are stopped.

Procrastinate's worker writes a heartbeat (procrastinate_workers.last_heartbeat); a job left
"doing" by a worker that went silent (killed, its machine restarted) would otherwise stay
"doing" for ever. Every JOBS_WATCHDOG_SECONDS the worker runs `sweep()`:

- a job whose worker has been silent for JOBS_STALLED_SECONDS (or is gone) is queued again, up
  to its kind's retries; after that it is marked failed and its kind's `on_failed` is told;
- a job running longer than its kind's time limit is asked to stop (procrastinate's abort,
  which a task sees through `context.should_abort()`) and its kind's `on_failed` is told, so
  the person waiting sees "failed" with the reason rather than a page that never finishes.

Several workers may sweep at once; a transaction-level advisory lock lets one do it at a time.
The times are the database's (now()), one clock for every worker.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from procrastinate import sql

from jobs.registry import describe, kind_of

logger = logging.getLogger(__name__)

# Any fixed number: the advisory lock that makes one sweep at a time across workers.
SWEEP_LOCK = 4_201_020


def sweep() -> dict:
    """One pass; returns what it did (for the log and the tests)."""
    done = {"retried": [], "failed": [], "stopped": []}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [SWEEP_LOCK])
        if not cursor.fetchone()[0]:
            return done
        _stalled(cursor, done)
        _overrunning(cursor, done)
    return done


def _stalled(cursor, done: dict) -> None:
    cursor.execute(
        """SELECT job.id, job.task_name, job.args, job.attempts
             FROM procrastinate_jobs job
             LEFT JOIN procrastinate_workers worker ON worker.id = job.worker_id
            WHERE job.status = 'doing'
              AND (job.worker_id IS NULL OR worker.last_heartbeat < now() - make_interval(secs => %s))
              FOR UPDATE OF job SKIP LOCKED""",
        [settings.JOBS_STALLED_SECONDS],
    )
    for job_id, task_name, args, attempts in cursor.fetchall():
        kind = kind_of(task_name)
        if attempts < kind.retries:
            cursor.execute(
                sql.queries["retry_job"],
                {"job_id": job_id, "retry_at": None, "new_priority": None, "new_queue_name": None, "new_lock": None},
            )
            logger.warning(
                "job stalled: its worker stopped; queued again",
                extra={"job_id": job_id, "task": task_name, "attempt": attempts + 1},
            )
            done["retried"].append(job_id)
            continue
        cursor.execute(sql.queries["finish_job"], {"job_id": job_id, "status": "failed", "delete_job": False})
        message = (
            "The process running it stopped before it finished"
            + (f", {attempts + 1} times" if attempts else "")
            + ". Start it again, or ask your system administrator."
        )
        _tell(kind, args, message)
        logger.error(
            "job stalled: its worker stopped; marked failed",
            extra={"job_id": job_id, "task": task_name, "attempts": attempts + 1},
        )
        done["failed"].append(job_id)


def _overrunning(cursor, done: dict) -> None:
    cursor.execute(
        """SELECT job.id, job.task_name, job.args, now() - max(event.at)
             FROM procrastinate_jobs job
             JOIN procrastinate_events event ON event.job_id = job.id AND event.type = 'started'
            WHERE job.status = 'doing' AND NOT job.abort_requested
            GROUP BY job.id"""
    )
    for job_id, task_name, args, running_for in cursor.fetchall():
        kind = kind_of(task_name)
        if running_for <= kind.time_limit:
            continue
        cursor.execute(sql.queries["cancel_job"], {"job_id": job_id, "abort": True, "delete_job": False})
        _tell(
            kind,
            args,
            f"It was stopped after running for more than {describe(kind.time_limit)}. "
            "Start it again, or ask your system administrator.",
        )
        logger.error(
            "job ran past its limit; stopped and marked failed",
            extra={"job_id": job_id, "task": task_name, "limit_seconds": int(kind.time_limit.total_seconds())},
        )
        done["stopped"].append(job_id)


def _tell(kind, args, message: str) -> None:
    if kind.on_failed is None:
        return
    kind.on_failed(args if isinstance(args, dict) else json.loads(args), message)


def interval() -> timedelta:
    return timedelta(seconds=settings.JOBS_WATCHDOG_SECONDS)
