"""The dates the trays write on every row, written directly: the same text as Django's date
formats gave, for every day of a year and for deadlines at a time, in winter and summer time."""

import datetime

from django.utils.dateformat import format as django_format
from django.utils.formats import date_format

from core.clock import LONDON
from core.dates import long_date, short_date


def _days():
    first = datetime.date(2027, 1, 1)
    return [first + datetime.timedelta(days=n) for n in range(365)]


def test_short_and_long_dates_read_as_the_template_filter_writes_them():
    for day in _days():
        assert short_date(day) == django_format(day, "j M Y")
        assert long_date(day) == date_format(day, "j F Y")
    assert short_date(None) == long_date(None) == ""


def test_a_deadline_at_a_time_is_written_in_london_time():
    from timescales.models import DueItem

    for moment in (
        datetime.datetime(2027, 1, 5, 16, 7, tzinfo=datetime.UTC),
        datetime.datetime(2027, 7, 5, 23, 30, tzinfo=datetime.UTC),
    ):
        item = DueItem(due_date=moment.date(), due_at=moment)
        assert item.deadline_display == date_format(moment.astimezone(LONDON), "j F Y, H:i")
    assert DueItem(due_date=datetime.date(2027, 7, 6), due_at=None).deadline_display == "6 July 2027"
    assert (
        DueItem(
            due_at=datetime.datetime(2027, 7, 5, 23, 30, tzinfo=datetime.UTC), due_date=datetime.date(2027, 7, 6)
        ).deadline_display
        == "6 July 2027, 00:30"
    )


def test_last_seen_writes_the_london_date_and_how_long_ago(clock):
    from casework.templatetags.last_seen import last_seen

    clock.travel_to(datetime.date(2027, 7, 10))
    assert last_seen(datetime.datetime(2027, 7, 7, 23, 30, tzinfo=datetime.UTC)) == "8 Jul 2027 (2 days ago)"
    assert last_seen(datetime.date(2027, 7, 10)) == "10 Jul 2027 (today)"
    assert last_seen(None) == "Not seen yet"
