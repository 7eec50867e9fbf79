"""The scheduled jobs: what runs when, and one run by the real worker (a separate process) against
the test database, doing what its command does."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection

from jobs.schedule import DFE_DAILY_FEED, SCHEDULE
from jobs.testing import wait_for, workers  # noqa: F401


def test_the_nightly_jobs_are_scheduled_with_their_commands():
    from django.core.management import get_commands
    from procrastinate.contrib.django import app

    periodic = {p.task.name: p.cron for p in app.periodic_registry.periodic_tasks.values()}
    expected = {
        "scheduled.nightly-data-quality": "30 1 * * *",
        "scheduled.indicator-snapshots": "30 2 * * *",
        "scheduled.bank-holiday-sync": "0 4 * * 1",
    }
    # The DfE feed is not configured in the tests (no DFE_FEED_API_ENDPOINT): not scheduled.
    assert "dfe_feed" in get_commands()
    assert periodic == expected
    assert {s.command for s in SCHEDULE} == {"check_data_quality", "snapshot_indicators", "sync_bank_holidays"}


def test_the_dfe_feed_is_scheduled_once_configured(settings):
    from jobs.tasks import scheduled_jobs

    assert DFE_DAILY_FEED not in scheduled_jobs()
    settings.DFE_FEED = {**settings.DFE_FEED, "API_ENDPOINT": "https://api.example.gov.uk/"}
    assert DFE_DAILY_FEED in scheduled_jobs() and DFE_DAILY_FEED.cron == "0 5 * * *"


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_a_scheduled_job_and_it_does_its_commands_work(workers):
    from procrastinate.contrib.django import app

    from timescales.models import BankHoliday

    christmas = datetime.date(2026, 12, 25)
    BankHoliday.objects.filter(date=christmas).delete()
    app.configure_task("scheduled.bank-holiday-sync").defer(timestamp=0)  # as the schedule would, on a Monday
    workers.start()

    def status():
        with connection.cursor() as cursor:
            cursor.execute("SELECT status FROM procrastinate_jobs WHERE task_name = 'scheduled.bank-holiday-sync'")
            found = cursor.fetchone()[0]
        return found if found in ("succeeded", "failed") else None

    assert wait_for(status, what="the scheduled job to run", workers=workers) == "succeeded"
    assert BankHoliday.objects.filter(date=christmas).exists()
    assert '"job": "bank-holiday-sync"' in workers.logs()
