"""Recompute every child's data-quality problems and print the counts per check and the time.

manage.py check_data_quality              # the live picture: stored, shown on the pages
manage.py check_data_quality --year 2026  # as at 31 March 2026 (counted, not stored)
"""

from django.core.management.base import BaseCommand

from data_quality.checks import CHECKS
from data_quality.services import check_all


class Command(BaseCommand):
    help = "Run every data-quality check over every child; print counts per check and the time taken."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, help="The collection year ending 31 March YEAR (default: the current one)."
        )

    def handle(self, *args, year=None, **options):
        run = check_all(year=year)
        self.stdout.write(
            f"Collection year from {run.period.start:%d %B %Y}, as at {run.period.as_of:%d %B %Y}"
            f"{' (stored)' if run.stored else ' (counted, not stored)'}"
        )
        for check_id, check in CHECKS.items():
            self.stdout.write(f"{check_id:>10}  {run.counts[check_id]:>7}  {check.title}")
        self.stdout.write(f"{run.total} problems for {run.children} children in {run.seconds:.2f} s")
