"""The returns of a whole authority checked the way the DfE will check them: built, then run
through both validators once, with the honest excuses of test_validators applied row by row.

`check_returns(folder)` reads the database as it stands (call it with the authority loaded) and
returns a `Checked` summary; `checked_authority` (returns/tests/conftest.py) builds each
authority once per test session inside a transaction it rolls back, so the database is left
empty for the tests that follow.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from returns.annex_a import build_annex_a
from returns.cin_census import build_cin_census
from returns.ssda903 import build_ssda903
from returns.tests.test_validators import (
    CIN_VALIDATOR_WRONG,
    LAC_FALSE_POSITIVES,
    LAC_VALIDATOR_WRONG,
    check_rule_231,
    check_rule_233,
    is_false_positive,
)
from returns.tests.validators import run_903, run_cin

YEAR = 2026
# The generators write history up to "today": fixed after the 2025 to 2026 year has ended, so
# both years of the SSDA903 are complete and the checks do not depend on the day they run.
GENERATED_ON = datetime.date(2026, 5, 15)


@dataclass
class Checked:
    name: str
    out: Path | None = None  # where the returns were written: cin.xml and 903/<year>/
    cin_children: int = 0
    lac_children: int = 0
    cin_errors: list = field(default_factory=list)
    lac_errors: list = field(default_factory=list)
    excused: list = field(default_factory=list)  # let through by is_false_positive, row by row
    crashed: list = field(default_factory=list)
    own_rules: dict = field(default_factory=dict)  # 231 and 233, applied by the tests themselves
    looked_after_not_in_cin: list = field(default_factory=list)
    issues: dict = field(default_factory=dict)  # everything each validator flagged, for the parity test
    # The data-quality problems the record shows, by LA child ID: `shown` on the child's page and
    # the data-quality page (the live check, stored), `at_year_end` as at 31 March (the year's own
    # check, `check_data_quality --year`), which is what the return itself was built from.
    shown: dict = field(default_factory=dict)
    at_year_end: dict = field(default_factory=dict)
    names: dict = field(default_factory=dict)  # LA child ID -> "Given Family", for the demo's stories


def _cin_children(xml_path: Path) -> set[str]:
    return {e.text for e in ET.parse(xml_path).getroot().iter("LAchildID")}


def _episode_children(folder: Path) -> set[str]:
    import csv

    with open(folder / "episodes.csv", newline="", encoding="utf-8") as handle:
        return {row["CHILD"] for row in csv.DictReader(handle)}


def check_returns(name: str, out: Path) -> Checked:
    out.mkdir(parents=True, exist_ok=True)
    checked = Checked(name, out)
    cin = out / "cin.xml"
    checked.cin_children = build_cin_census(YEAR, cin)["children"]
    build_ssda903(YEAR, out / "903")
    # Annex A has no validator; built all the same, so a crash on any of these authorities shows.
    build_annex_a(datetime.date(YEAR, 3, 31), out / "annex-a.xlsx")
    this_year, last_year = out / "903" / str(YEAR), out / "903" / str(YEAR - 1)
    cin_result = run_cin(cin)
    lac_result = run_903(this_year, last_year, YEAR)
    checked.issues = {"cin": cin_result["issues"], "lac": lac_result["issues"]}
    checked.cin_errors = [
        i for i in cin_result["issues"] if i["type"] == "error" and i["rule"] not in CIN_VALIDATOR_WRONG
    ]
    checked.crashed = list(cin_result["crashed"]) + [c for c in lac_result["crashed"] if c not in LAC_VALIDATOR_WRONG]
    for issue in lac_result["issues"]:
        if issue["rule"] in LAC_VALIDATOR_WRONG:
            continue
        if issue["rule"] in LAC_FALSE_POSITIVES and is_false_positive(issue, this_year, last_year, YEAR):
            checked.excused.append(issue)
        else:
            checked.lac_errors.append(issue)
    for year in (YEAR, YEAR - 1):
        folder = out / "903" / str(year)
        checked.own_rules[f"231 ({year})"] = check_rule_231(folder, year)
        checked.own_rules[f"233 ({year})"] = check_rule_233(folder)
    # Every looked-after child is a child in need: each child with a care episode in the year
    # is in the CIN census of the same year.
    in_care = _episode_children(this_year)
    checked.lac_children = len(in_care)
    checked.looked_after_not_in_cin = sorted(in_care - _cin_children(cin))
    checked.shown, checked.at_year_end = _problems()
    from people.models import Person

    checked.names = {
        la_id: f"{given} {family}"
        for la_id, given, family in Person.objects.exclude(la_id__startswith="G").values_list(
            "la_id", "given_name", "family_name"
        )
    }
    return checked


def _problems() -> tuple[dict, dict]:
    from core import clock
    from data_quality import sql
    from data_quality.models import Problem
    from data_quality.services import check_all
    from people.models import Person

    check_all()
    la_ids = dict(Person.objects.values_list("pk", "la_id"))
    shown, at_year_end = {}, {}
    for check_id, person_id in Problem.objects.values_list("check_id", "person_id"):
        shown.setdefault(la_ids[person_id], set()).add(check_id)
    for finding in sql.find(sql.Period.year_ending(YEAR, clock.today()), clock.now()):
        at_year_end.setdefault(la_ids[finding.child_id], set()).add(finding.check_id)
    return shown, at_year_end
