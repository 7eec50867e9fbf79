"""What the watchdog needs to know about each kind of job: how long it may run, how often it is
tried again, and whom to tell when it is given up on.

Each app declares its kinds beside its tasks (`<app>/tasks.py`), so this module knows none of
them: the returns' export says "mark the export failed, with this message" (returns/tasks.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import timedelta

from procrastinate import RetryStrategy

# A job whose kind nobody declared (a task added without a word here) still has a limit.
DEFAULT_TIME_LIMIT = timedelta(hours=6)

OnFailed = Callable[[dict, str], None]


@dataclasses.dataclass(frozen=True)
class JobKind:
    task_name: str
    time_limit: timedelta
    retries: int
    # Called with the job's arguments and a message a person can read, when the job is given
    # up on (its worker died once too often, or it ran past its limit).
    on_failed: OnFailed | None = None


_KINDS: dict[str, JobKind] = {}


def declare(task_name: str, *, time_limit: timedelta, retries: int, on_failed: OnFailed | None = None) -> JobKind:
    kind = JobKind(task_name, time_limit, retries, on_failed)
    _KINDS[task_name] = kind
    return kind


def kind_of(task_name: str) -> JobKind:
    return _KINDS.get(task_name) or JobKind(task_name, DEFAULT_TIME_LIMIT, 0)


def retry_strategy(retries: int, wait_seconds: int) -> RetryStrategy:
    """Try again `retries` times, waiting `wait_seconds`, then twice, three times as long: long
    enough for a database restart or a full disk being cleared, short enough for a person waiting."""
    return RetryStrategy(max_attempts=retries, wait=wait_seconds, linear_wait=wait_seconds)


def describe(limit: timedelta) -> str:
    seconds = int(limit.total_seconds())
    if seconds % 3600 == 0:
        hours = seconds // 3600
        return f"{hours} hour{'s' if hours != 1 else ''}"
    if seconds % 60 == 0:
        minutes = seconds // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"
