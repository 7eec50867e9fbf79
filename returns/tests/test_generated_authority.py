"""Done when: the returns built from the generated small authority pass the DfE's validators
with zero errors (csc-validator-be-cin rules cin2025_26, csc-validator-be-903 rules
lac2025_26), the CIN XML is valid against the 2026 schema, and each SSDA903 table has exactly
the validator's columns. A rule the validator itself gets wrong is named in test_validators, and so
is each flag no correct record can avoid, let through only in the situation named there.

The validators' part runs in test_everywhere on this authority and another; this test
reads the same build (built and validated once a session, conftest.checked_authority)."""

import csv
from pathlib import Path

import pytest
import xmlschema

from returns.ssda903 import TABLES

ROOT = Path(__file__).resolve().parents[2]


def _spec_columns() -> dict[str, list[str]]:
    columns = {}
    for line in (ROOT / "specs" / "ssda903" / "SSDA903_columns.txt").read_text().splitlines():
        if ":" in line and not line.startswith("#"):
            name, rest = line.split(":", 1)
            columns[name.strip()] = [c.strip() for c in rest.split(",")]
    return columns


@pytest.mark.django_db  # the test database is set up for the session's build (conftest.checked_authority)
@pytest.mark.xdist_group("generated_authorities")  # on the worker that builds it for test_everywhere
@pytest.mark.parametrize("checked_authority", ["small seed 1"], indirect=True)
def test_the_generated_authoritys_returns_are_valid_and_pass_both_validators(checked_authority):
    checked = checked_authority
    assert checked.cin_children > 20
    xmlschema.XMLSchema(ROOT / "specs" / "cin_census" / "CIN_schema_2026.xsd").validate(checked.out / "cin.xml")
    spec = _spec_columns()
    for year in (2026, 2025):
        for name, (filename, _) in TABLES.items():
            with open(checked.out / "903" / str(year) / filename, newline="") as handle:
                assert next(csv.reader(handle)) == spec[name], (year, name)
    assert not checked.cin_errors and not checked.lac_errors and not checked.crashed
