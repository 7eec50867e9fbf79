"""Every indicator's figure at a date, computed by the same code as the performance pages:

manage.py indicators --as-of 2026-03-31 [--json] [--by team]
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from core import clock
from performance.dates import DateError, parse_as_of
from performance.indicators import INDICATORS
from performance.selectors import evaluate
from workforce.models import Team


class Command(BaseCommand):
    help = "Print every indicator with its value, numerator and denominator at a date."

    def add_arguments(self, parser):
        parser.add_argument("--as-of", help="The date (YYYY-MM-DD); today if not given")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON")
        parser.add_argument("--by", choices=["team"], help="Also each team's figures")
        parser.add_argument("--code", action="append", help="Only this indicator (repeatable)")

    def handle(self, *args, as_of=None, as_json=False, by=None, code=None, **options):
        try:
            day = parse_as_of(as_of) if as_of else clock.today()
        except DateError as error:
            raise CommandError(str(error)) from None
        codes = code or list(INDICATORS)
        unknown = [c for c in codes if c not in INDICATORS]
        if unknown:
            raise CommandError(f"No indicator {', '.join(unknown)}; the codes are: {', '.join(INDICATORS)}")
        teams = list(Team.objects.order_by("name").values_list("pk", "name")) if by == "team" else []
        out = []
        for each in codes:
            started = time.perf_counter()
            evaluated = evaluate(each, day)
            indicator = evaluated.indicator
            row = _row(evaluated.figure())
            row.update(
                {
                    "title": indicator.title,
                    "version": indicator.version,
                    "counting": indicator.counting,
                    "kind": indicator.kind,
                    "seconds": round(time.perf_counter() - started, 3),
                }
            )
            if teams:
                row["teams"] = [{"team": name, **_row(evaluated.figure(frozenset({pk})))} for pk, name in teams]
            out.append({"code": each, **row})
        if as_json:
            self.stdout.write(_json_dumps({"as_of": day.isoformat(), "indicators": out}))
            return
        self.stdout.write(f"Indicators at {day.isoformat()}")
        for row in out:
            self.stdout.write(
                f"{row['code']:<45} {_shown(row['value']):>8}  {row['numerator']} / {_shown(row['denominator'])}"
            )
            for team in row.get("teams", []):
                self.stdout.write(
                    f"    {team['team']:<41} {_shown(team['value']):>8}  {team['numerator']} / "
                    f"{_shown(team['denominator'])}"
                )


def _row(figure) -> dict:
    return {"value": figure.value, "numerator": figure.numerator, "denominator": figure.denominator}


def _shown(value) -> str:
    return "-" if value is None else (f"{value:g}")


def _json_dumps(data) -> str:
    return json.dumps(data, indent=2)
