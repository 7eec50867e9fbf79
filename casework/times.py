"""Turning a date and a time typed in England into a moment. What "now" is comes from
core.clock, so that tests and the demo can move it."""

import datetime

from django.utils import timezone


def local_moment(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a clock time typed by a user in England, as an aware datetime."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


def start_of_day(day: datetime.date) -> datetime.datetime:
    return local_moment(day, datetime.time.min)
