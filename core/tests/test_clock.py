"""The injectable clock."""

import datetime
import re
import threading
from pathlib import Path

from core.clock import LONDON

UTC = datetime.UTC


def test_real_time_by_default(clock):
    from django.utils import timezone

    assert not clock.is_travelling()
    assert abs(clock.now() - timezone.now()) < datetime.timedelta(seconds=5)


def test_travel_to_a_date_freezes_at_the_start_of_that_day_in_london(clock):
    clock.travel_to(datetime.date(2025, 8, 5))
    assert clock.today() == datetime.date(2025, 8, 5)
    assert clock.now() == datetime.datetime(2025, 8, 5, 0, 0, tzinfo=LONDON)
    assert clock.now() == clock.now()  # frozen


def test_today_is_the_date_in_england_not_utc(clock):
    # 23:30 UTC on 1 June is 00:30 on 2 June in British Summer Time.
    clock.travel_to(datetime.datetime(2025, 6, 1, 23, 30, tzinfo=UTC))
    assert clock.today() == datetime.date(2025, 6, 2)
    # In winter London is on UTC.
    clock.travel_to(datetime.datetime(2025, 12, 1, 23, 30, tzinfo=UTC))
    assert clock.today() == datetime.date(2025, 12, 1)


def test_a_naive_datetime_is_london_time(clock):
    clock.travel_to(datetime.datetime(2025, 6, 2, 9, 0))
    assert clock.local_now() == datetime.datetime(2025, 6, 2, 9, 0, tzinfo=LONDON)
    assert clock.now().astimezone(UTC).hour == 8


def test_context_manager_restores_and_nests(clock):
    with clock.travel_to(datetime.date(2025, 1, 1)):
        with clock.travel_to(datetime.date(2030, 1, 1)):
            assert clock.today() == datetime.date(2030, 1, 1)
        assert clock.today() == datetime.date(2025, 1, 1)
    assert not clock.is_travelling()


def test_advance(clock):
    clock.travel_to(datetime.date(2025, 8, 4))
    clock.advance(days=1)
    assert clock.today() == datetime.date(2025, 8, 5)
    clock.advance(datetime.timedelta(hours=23, minutes=59))
    assert clock.today() == datetime.date(2025, 8, 5)


def test_ticking_travel_keeps_running(clock):
    clock.travel_to(datetime.datetime(2025, 8, 4, 9, 0, tzinfo=LONDON), tick=True)
    first = clock.now()
    assert first >= datetime.datetime(2025, 8, 4, 9, 0, tzinfo=LONDON)
    assert first - datetime.datetime(2025, 8, 4, 9, 0, tzinfo=LONDON) < datetime.timedelta(seconds=5)
    clock.advance(days=2)
    assert clock.today() == datetime.date(2025, 8, 6)


def test_other_threads_see_the_moved_clock(clock):
    # The browser tests run the server in a thread of the test process.
    clock.travel_to(datetime.date(2031, 3, 3))
    seen = []
    thread = threading.Thread(target=lambda: seen.append(clock.today()))
    thread.start()
    thread.join()
    assert seen == [datetime.date(2031, 3, 3)]


def test_reset(clock):
    clock.travel_to(datetime.date(2001, 1, 1))
    clock.reset()
    assert not clock.is_travelling()


# Every package of the application (bench/ is a stopwatch run from outside it, and measures real time).
APPLICATION = [
    "access",
    "allegations",
    "assessments",
    "care_leavers",
    "casework",
    "child_protection",
    "children_in_need",
    "codelists",
    "core",
    "data_quality",
    "front_door",
    "jobs",
    "looked_after",
    "opencsc",
    "people",
    "permanence",
    "private_fostering",
    "returns",
    "synthetic",
    "timescales",
    "trays",
    "workforce",
]
# Reading the real clock: now(), today(), a bare localdate() (localdate(moment) only converts).
READS_THE_CLOCK = re.compile(
    r"datetime\.now\(|datetime\.utcnow\(|date\.today\(|timezone\.now\(|timezone\.localdate\(\)|(?<![\w.])time\.time\("
)


def test_one_clock_everywhere():
    """Every decision about time, in every area, goes through core.clock, so a test (or a demo
    built "as at" a date) can move it and every service, selector and page moves with it."""
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for package in APPLICATION:
        for path in (root / package).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts or path == root / "core" / "clock.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if READS_THE_CLOCK.search(line):
                    offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert not offenders, "Use core.clock.now() / core.clock.today():\n" + "\n".join(offenders)
