"""Refresh the bank holiday calendar from the `holidays` package.

    manage.py sync_bank_holidays                          # 2000 to 15 years ahead
    manage.py sync_bank_holidays --from-year 2025 --to-year 2030
    manage.py sync_bank_holidays --prune                  # also remove days the package lacks

Run it after upgrading the package (a newly announced one-off bank holiday arrives that way),
or add the day by hand in the admin. Days the package does not know are kept unless --prune,
so a hand-added day is not lost.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core import clock
from timescales.calendar import calendar_changed
from timescales.holiday_data import sync
from timescales.models import BankHoliday

FIRST_YEAR = 2000
YEARS_AHEAD = 15


class Command(BaseCommand):
    help = "Load England and Wales bank holidays into the working-day calendar."

    def add_arguments(self, parser):
        parser.add_argument("--from-year", type=int, default=FIRST_YEAR)
        parser.add_argument("--to-year", type=int, default=None, help=f"Default: this year + {YEARS_AHEAD}.")
        parser.add_argument(
            "--prune", action="store_true", help="Delete days in the range that the package does not list."
        )

    def handle(self, *args, from_year, to_year, prune, **options):
        to_year = to_year or clock.today().year + YEARS_AHEAD
        if from_year > to_year:
            raise CommandError("--from-year must not be after --to-year.")
        with transaction.atomic():
            report = sync(BankHoliday, from_year, to_year, prune=prune)
            transaction.on_commit(calendar_changed)
        calendar_changed()
        self.stdout.write(
            f"Bank holidays {from_year}-{to_year}: {len(report.added)} added, {len(report.renamed)} renamed, "
            f"{len(report.removed)} removed."
        )
        if report.extra:
            days = ", ".join(d.isoformat() for d in report.extra)
            self.stdout.write(
                f"Kept {len(report.extra)} day(s) the package does not list (use --prune to remove): {days}"
            )
