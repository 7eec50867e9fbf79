"""Is a job worker alive? Its heartbeat (procrastinate_workers.last_heartbeat, written every
JOBS_HEARTBEAT_SECONDS by each running worker) says so."""

from __future__ import annotations

from django.conf import settings
from django.db import connection


def live_workers() -> int:
    """Workers whose last heartbeat is recent enough that they are taken as running."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_workers WHERE last_heartbeat >= now() - make_interval(secs => %s)",
            [settings.JOBS_STALLED_SECONDS],
        )
        return cursor.fetchone()[0]
