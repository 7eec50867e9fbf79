"""The queue's figures for /metrics, read from the queue's tables when Prometheus scrapes, so
every web server reports the same numbers whichever process answers."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily


class QueueCollector:
    """A prometheus_client collector (its `collect` is called on each scrape)."""

    def collect(self):
        with connection.cursor() as cursor:
            cursor.execute(
                """SELECT queue_name, count(*) FROM procrastinate_jobs
                    WHERE status = 'todo' AND (scheduled_at IS NULL OR scheduled_at <= now())
                    GROUP BY queue_name"""
            )
            waiting = cursor.fetchall()
            cursor.execute(
                "SELECT queue_name, count(*) FROM procrastinate_jobs WHERE status = 'doing' GROUP BY queue_name"
            )
            running = cursor.fetchall()
            # Past their limit: the watchdog asked them to stop, and they have not (yet).
            cursor.execute(
                "SELECT task_name, count(*) FROM procrastinate_jobs "
                "WHERE status = 'doing' AND abort_requested GROUP BY task_name"
            )
            overrunning = cursor.fetchall()
            # Jobs given up on: failed after their retries, or stopped past their limit (aborted).
            cursor.execute(
                """SELECT task_name, count(*) FROM procrastinate_jobs
                    WHERE status IN ('failed', 'aborted') GROUP BY task_name"""
            )
            failed = cursor.fetchall()
            cursor.execute(
                """SELECT count(*) FILTER (WHERE last_heartbeat >= now() - make_interval(secs => %s)),
                          EXTRACT(EPOCH FROM now() - max(last_heartbeat))
                     FROM procrastinate_workers""",
                [settings.JOBS_STALLED_SECONDS],
            )
            live, heartbeat_age = cursor.fetchone()

        depth = GaugeMetricFamily(
            "opencsc_job_queue_depth", "Jobs waiting to run (due now), by queue.", labels=["queue"]
        )
        for queue, count in waiting:
            depth.add_metric([queue], count)
        yield depth
        doing = GaugeMetricFamily("opencsc_jobs_running", "Jobs running now, by queue.", labels=["queue"])
        for queue, count in running:
            doing.add_metric([queue], count)
        yield doing
        stuck = GaugeMetricFamily(
            "opencsc_jobs_past_limit",
            "Jobs still running after the watchdog stopped them for running past their time limit, by task.",
            labels=["task"],
        )
        for task, count in overrunning:
            stuck.add_metric([task], count)
        yield stuck
        failures = CounterMetricFamily(
            "opencsc_job_failures",
            "Jobs given up on (failed after their retries, or stopped past their time limit), by task.",
            labels=["task"],
        )
        for task, count in failed:
            failures.add_metric([task], count)
        yield failures
        yield GaugeMetricFamily("opencsc_job_workers", "Job workers whose heartbeat is recent.", value=live)
        yield GaugeMetricFamily(
            "opencsc_job_worker_heartbeat_age_seconds",
            "Seconds since the most recent heartbeat of any job worker (NaN: none ever).",
            value=float(heartbeat_age) if heartbeat_age is not None else float("nan"),
        )
