""" "Last seen" the same way on every list: the date the child was last seen and how many days ago,
from the annotation casework.selectors.last_seen_subquery gives each row."""

import datetime

from django import template

from core import clock
from core.dates import short_date

register = template.Library()


def days_between(earlier: datetime.date, today: datetime.date) -> str:
    days = (today - earlier).days
    return "today" if days == 0 else ("1 day ago" if days == 1 else f"{days} days ago")


@register.filter
def last_seen(moment) -> str:
    """'2 Dec 2026 (12 days ago)', or 'Not seen yet'."""
    if moment is None:
        return "Not seen yet"
    # London's date, as clock.today() is (no view switches the time zone): written directly, since
    # this runs on every row of the trays.
    day = moment.astimezone(clock.LONDON).date() if isinstance(moment, datetime.datetime) else moment
    return f"{short_date(day)} ({days_between(day, clock.today())})"


@register.filter
def days_waiting(since) -> str:
    """How long since `since` (a date), in days: '0 days', '1 day', '12 days'."""
    if since is None:
        return ""
    days = (clock.today() - since).days
    return "1 day" if days == 1 else f"{days} days"
