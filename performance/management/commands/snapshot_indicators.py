"""Keep every indicator's figures for the dashboard and the trends. Meant for a scheduled job:

manage.py snapshot_indicators                  # today (run nightly)
manage.py snapshot_indicators --months 24      # the last 24 month ends too (a first run, or a catch-up)
manage.py snapshot_indicators --as-of 2026-03-31
"""

import time

from django.core.management.base import BaseCommand, CommandError

from core import clock
from performance.selectors import month_ends
from performance.services import snapshot_take


class Command(BaseCommand):
    help = "Compute and keep every indicator's figures at a date (and optionally the month ends before it)."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="The date (YYYY-MM-DD); today if not given")
        parser.add_argument("--months", type=int, default=1, help="How many month ends to keep, up to the date")

    def handle(self, *args, as_of=None, months=1, **options):
        from performance.dates import DateError, parse_as_of

        try:
            day = parse_as_of(as_of) if as_of else clock.today()
        except DateError as error:
            raise CommandError(str(error)) from None
        if not 1 <= months <= 120:
            raise CommandError("--months must be between 1 and 120")
        days = month_ends(day, months) if months > 1 else [day]
        for each in days:
            started = time.perf_counter()
            written = snapshot_take(each)
            self.stdout.write(f"{each.isoformat()}: {written} figures kept in {time.perf_counter() - started:.1f} s")
