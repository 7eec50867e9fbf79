"""Run the DfE's SSDA903 rules (csc-validator-be-903) on a year's CSV tables, with the previous
year's beside them, and print what they found as JSON, for the tests to read. Runs inside
.venv-903, never the app's environment:

    .venv-903/bin/python validators/run_903.py THIS_YEAR_DIR PREVIOUS_YEAR_DIR YEAR lac2025_26 LA_CODE

YEAR is the year the collection ends (2026 for 2025 to 2026): the validator's own
`collectionYear` is read as that year (its first four characters), so "2026" is what it needs.
LA_CODE is the authority's ONS code (such as E08000025), which some postcode rules compare.
Prints {"issues": [{"rule", "type", "child", "table", "row"}], "crashed": [rule codes]}.
"""

import contextlib
import importlib
import json
import logging
import sys
import warnings
from pathlib import Path

warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)

from lac_validator import lac_validator  # noqa: E402


def _files(folder: str, description: str) -> list[dict]:
    return [{"name": p.name, "description": description, "file_content": p.read_bytes()}
            for p in sorted(Path(folder).glob("*.csv"))]


def main(this_year: str, previous_year: str, year: str, ruleset: str, la_code: str) -> None:
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    files = _files(this_year, "This year") + (_files(previous_year, "Prev year") if previous_year != "-" else [])
    # Some rules print as they run; keep stdout for the JSON.
    with contextlib.redirect_stdout(sys.stderr):
        validator = lac_validator.LacValidator(metadata={"collectionYear": year, "localAuthority": la_code},
                                               files=files, registry=registry)
    issues = []
    for table, frame in validator.ds_results.items():
        if table == "metadata":
            continue
        for column in (c for c in frame.columns if str(c).startswith("ERR_")):
            for row_id, row in frame[frame[column] == True].iterrows():  # noqa: E712 (pandas)
                code = column[4:]
                message = registry[code].message if code in registry else ""
                issues.append({"rule": code, "type": "error", "child": str(row.get("CHILD")), "table": table,
                               "message": message,
                               "row": int(row_id) if str(row_id).isdigit() else str(row_id)})
    json.dump({"issues": issues, "crashed": [str(code) for code in validator.fails]}, sys.stdout)


if __name__ == "__main__":
    main(*sys.argv[1:6])
