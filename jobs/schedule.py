"""What runs by itself, and when: each scheduled job runs one management command, so what the
schedule does is exactly what a person can run by hand (and test) with manage.py.

Times are the worker's local time (TIME_ZONE, Europe/London), in cron's five fields. A job
missed while no worker ran is not made up later: the next night's run does the same work.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta


@dataclasses.dataclass(frozen=True)
class Scheduled:
    name: str  # the job's name in the queue: "scheduled.<name>"
    cron: str
    command: str
    args: tuple[str, ...] = ()
    time_limit: timedelta = timedelta(hours=2)
    retries: int = 1
    why: str = ""

    @property
    def task_name(self) -> str:
        return f"scheduled.{self.name}"


SCHEDULE = [
    Scheduled(
        "nightly-data-quality",
        "30 1 * * *",
        "check_data_quality",
        why="every child's data problems brought up to date, records loaded in bulk included",
    ),
    Scheduled(
        "indicator-snapshots",
        "30 2 * * *",
        "snapshot_indicators",
        why="the day's indicator figures kept for the dashboard's trends",
    ),
    Scheduled(
        "bank-holiday-sync",
        "0 4 * * 1",
        "sync_bank_holidays",
        time_limit=timedelta(minutes=10),
        why="newly announced bank holidays (from the holidays package) in the working-day calendar",
    ),
]

# The DfE daily feed: `manage.py dfe_feed` (dfe_feed/), at 05:00 each day, after the night's
# checks; scheduled only when the feed is configured (jobs/tasks.py checks DFE_FEED_API_ENDPOINT).
DFE_DAILY_FEED = Scheduled(
    "dfe-daily-feed", "0 5 * * *", "dfe_feed", time_limit=timedelta(hours=1), retries=2, why="the daily feed to the DfE"
)
