"""What "now" is for casework, and turning a typed date and time into a moment in England."""

import datetime

from django.utils import timezone


def now() -> datetime.datetime:
    """The current moment.

    Follows the timescale engine's clock when that app is installed, so that a test (or a
    demo) that moves the clock forward can record a visit "today" without it being refused as
    in the future, and due items and the record agree on what today is.
    """
    try:
        from timescales import clock
    except ImportError:  # the record works without the timescale engine
        return timezone.now()
    return clock.now()


def today() -> datetime.date:
    """Today's date in England (settings.TIME_ZONE), whatever the server's own time zone."""
    return timezone.localdate(now())


def local_moment(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a clock time typed by a user in England, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


def start_of_day(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time.min)
