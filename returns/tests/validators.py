"""Running the DfE's validators from the tests: each in its own virtual environment (.venv-cin,
.venv-903), created by `make setup-test`, through the scripts in validators/ that print JSON."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CIN_RULES = "cin2025_26"
LAC_RULES = "lac2025_26"
# The synthetic authority's ONS code for the validator's postcode rules (Birmingham, DfE 330).
LA_ONS_CODE = "E08000025"


def _python(venv: str) -> Path:
    python = ROOT / venv / "bin" / "python"
    if not python.exists():
        raise AssertionError(
            f"The validator's environment {venv} is missing: run `make setup-test` (it creates {venv} from "
            f"validators/*-requirements.txt) before running these tests"
        )
    return python


def _run(venv: str, *args) -> dict:
    done = subprocess.run([str(_python(venv)), *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=900)
    if done.returncode != 0:
        raise AssertionError(f"The validator in {venv} failed to run:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)


def run_cin(xml_path, rules: str = CIN_RULES) -> dict:
    """`rules`: the rule set of the return's collection year (returns.cin_census.ruleset_for)."""
    return _run(".venv-cin", ROOT / "validators" / "run_cin.py", xml_path, rules)


def run_903(this_year_dir, previous_year_dir, year: int, rules: str = LAC_RULES) -> dict:
    """`rules`: the rule set of the collection year (returns.ssda903.ruleset_for)."""
    return _run(
        ".venv-903",
        ROOT / "validators" / "run_903.py",
        this_year_dir,
        previous_year_dir or "-",
        year,
        rules,
        LA_ONS_CODE,
    )


def describe(issues: list[dict]) -> str:
    return "\n".join(
        f"rule {i['rule']} ({i.get('table')}{'.' + i['column'] if i.get('column') else ''}) child {i['child']}: "
        f"{i.get('message', '')}"
        for i in issues
    )
