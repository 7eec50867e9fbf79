"""Run the DfE's CIN census rules (csc-validator-be-cin) on one XML file and print what they
found as JSON, for the tests to read. Runs inside .venv-cin, never the app's environment:

    .venv-cin/bin/python validators/run_cin.py FILE.xml cin2025_26

Prints {"issues": [{"rule", "type" ("error" or "query"), "child", "table", "column", "message"}],
"crashed": [{"rule", "error"}]}. A rule that raises is reported as crashed, not as passed.
"""

import contextlib
import importlib
import io
import json
import re
import sys
import warnings
import xml.etree.ElementTree as ET

warnings.simplefilter("ignore")

from cin_validator import cin_validator  # noqa: E402
from cin_validator.rule_engine import RuleType  # noqa: E402


def main(path: str, ruleset: str) -> None:
    registry = importlib.import_module(f"cin_validator.rules.{ruleset}").registry
    kinds = {str(rule.code): ("query" if rule.rule_type == RuleType.QUERY else "error") for rule in registry.values()}
    data = cin_validator.process_data(cin_validator.convert_data(ET.parse(path).getroot()))
    printed = io.StringIO()
    # The validator prints a line for each rule that raised, and carries on without it.
    with contextlib.redirect_stdout(printed):
        validator = cin_validator.CinValidator(data, registry)
    crashed = [{"rule": m.group(1), "error": m.group(2)}
               for m in re.finditer(r"^Error with rule (\S+): (.*)$", printed.getvalue(), re.M)]
    issues = []
    for row in validator.full_issue_df.to_dict("records"):
        code = str(row["rule_code"])
        issues.append({"rule": code, "type": kinds.get(code, "error"), "child": str(row.get("child_id")),
                       "table": str(row.get("tables_affected")), "column": str(row.get("columns_affected")),
                       "message": str(row.get("rule_description"))})
    for row in validator.multichild_issues.to_dict("records"):
        code = str(row["rule_code"])
        issues.append({"rule": code, "type": kinds.get(code, "error"), "child": None, "table": "return",
                       "column": "", "message": str(row.get("rule_description"))})
    json.dump({"issues": issues, "crashed": crashed}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "cin2025_26")
