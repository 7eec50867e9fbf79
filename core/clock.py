"""The engine's clock: what "now" and "today" are, in one place that tests can move.

Everything that decides whether something is due or overdue asks this module, never
datetime.now() or date.today(), so a test can jump to the day after a deadline and see the
item turn overdue without recomputing anything.

The travel state is process-wide, not per thread, on purpose: the browser tests run the
server in another thread of the test process, and it must see the same moved clock.

    from core import clock
    clock.today()                                   # the date in England
    with clock.travel_to(datetime.date(2025, 8, 5)):
        ...                                         # frozen at 00:00 London time that day
    clock.travel_to(moment, tick=True)              # moved, but the clock keeps running
    clock.advance(days=1)
    clock.reset()
"""

from __future__ import annotations

import datetime
import threading
from zoneinfo import ZoneInfo

from django.utils import timezone

# Timescales are English law and practice, so local time is always London time, whatever the
# server's own time zone is. British Summer Time matters for the 72-hour return home interview.
LONDON = ZoneInfo("Europe/London")

_lock = threading.Lock()
# (frozen moment, offset from real time): at most one is set. Both None = real time.
_frozen: datetime.datetime | None = None
_offset: datetime.timedelta | None = None


def _real_now() -> datetime.datetime:
    return timezone.now()


def wall_time() -> datetime.datetime:
    """The real moment, never moved: for what expires in real time whatever the case clock says
    (a form's one-time token is signed with the real time, so its row must age by it too)."""
    return _real_now()


def now() -> datetime.datetime:
    """The current moment, timezone-aware (UTC, like django.utils.timezone.now)."""
    with _lock:
        if _frozen is not None:
            return _frozen
        if _offset is not None:
            return _real_now() + _offset
    return _real_now()


def today() -> datetime.date:
    """Today's date in England (Europe/London), whatever the server's time zone."""
    return now().astimezone(LONDON).date()


def local_now() -> datetime.datetime:
    """The current moment in London time, for display and for date-and-time fields."""
    return now().astimezone(LONDON)


def _as_moment(when: datetime.date | datetime.datetime) -> datetime.datetime:
    """A date means the start of that day in London; a naive datetime is London time."""
    if not isinstance(when, datetime.datetime):
        when = datetime.datetime.combine(when, datetime.time.min)
    if when.tzinfo is None:
        when = when.replace(tzinfo=LONDON)
    return when.astimezone(datetime.UTC)


class _Travel:
    """Returned by travel_to: already in effect; as a context manager it restores the clock
    to what it was before (so travels can nest)."""

    def __init__(self, previous):
        self._previous = previous

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        global _frozen, _offset
        with _lock:
            _frozen, _offset = self._previous
        return False


def travel_to(when: datetime.date | datetime.datetime, *, tick: bool = False) -> _Travel:
    """Move the clock to `when`. Frozen there unless tick=True, when it runs on from there."""
    global _frozen, _offset
    target = _as_moment(when)
    with _lock:
        previous = (_frozen, _offset)
        if tick:
            _frozen, _offset = None, target - _real_now()
        else:
            _frozen, _offset = target, None
    return _Travel(previous)


def advance(delta: datetime.timedelta | None = None, **kwargs) -> datetime.datetime:
    """Move the clock forward by `delta` (or timedelta(**kwargs)); returns the new now()."""
    global _frozen, _offset
    step = delta if delta is not None else datetime.timedelta(**kwargs)
    with _lock:
        if _frozen is not None:
            _frozen += step
        else:
            _offset = (_offset or datetime.timedelta(0)) + step
    return now()


def reset() -> None:
    """Back to real time."""
    global _frozen, _offset
    with _lock:
        _frozen, _offset = None, None


def is_travelling() -> bool:
    with _lock:
        return _frozen is not None or _offset is not None
