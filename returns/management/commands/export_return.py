"""manage.py export_return: build a statutory return from the record.

    python manage.py export_return cin --year 2026 --out FILE.xml
    python manage.py export_return ssda903 --year 2026 --out DIR      (DIR/2026 and DIR/2025)
    python manage.py export_return annex-a --as-of 2026-03-31 --out FILE.xlsx [--months 12]

A bad year or date, or an output that cannot be written, is one line on stderr and exit 1.
Every export is recorded (returns.ReturnExport, audited) with the account that ran it.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from returns import services
from returns.models import ReturnKind
from returns.output import OutputError
from returns.periods import PeriodError


class Command(BaseCommand):
    help = "Build the CIN census, the SSDA903 tables or Ofsted Annex A from the record."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=ReturnKind.values)
        parser.add_argument(
            "--year", help="collection year, named by the year it ends: 2026 = April 2025 to March 2026"
        )
        parser.add_argument("--as-of", dest="as_of", help="Annex A: the last day of the period, YYYY-MM-DD")
        parser.add_argument("--months", default=12, help="Annex A: months in the period (default 12)")
        parser.add_argument("--out", required=True, help="the file to write (a folder for ssda903)")

    def handle(self, *args, kind, year, as_of, months, out, **options):
        try:
            period = services.parse_period(kind, year=year, as_of=as_of, months=months)
            services.check_writable(kind, out)
        except (PeriodError, OutputError) as error:
            raise CommandError(str(error)) from None
        verbose = options["verbosity"] >= 1
        shown = {"step": -1}

        def progress(done, total):
            step = 10 * done // total if total else 10
            if verbose and step != shown["step"]:
                shown["step"] = step
                self.stderr.write(f"{10 * step}% ({done} of {total})")

        started = time.perf_counter()
        try:
            export = services.export_from_command(kind, period=period, out=out, progress=progress)
        except OSError as error:
            raise CommandError(f"Cannot write {out}: {error.strerror or error}") from None
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"{ReturnKind(kind).label} {export.period_label} written to {out} in {seconds:.1f} s: "
            f"{_summary(export.counts)}"
        )


def _summary(counts: dict) -> str:
    flat = []
    for key, value in counts.items():
        if isinstance(value, dict):
            flat.append(f"{key}: " + ", ".join(f"{k} {v}" for k, v in value.items()))
        else:
            flat.append(f"{key} {value}")
    return "; ".join(flat)
