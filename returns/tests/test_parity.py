"""Data quality sees what the validators see (issue 16): an authority with one of each of the
generator's faults (synthetic/generator/faults.py) is exported, both DfE validators run on it,
and every child they flag has the same problem shown in the record: on the child's page and the
data-quality page (the live check), or as at 31 March for the year's own items (the check
`check_data_quality --year 2026` runs, from which the return was built).

Each rule of cin2025_26 and lac2025_26 is in one of three lists here: MIRRORED (the data-quality
checks that show it), NOT_MIRRORED (with why not), or NOT_YET (not mirrored yet: the gap, kept
visible). A rule that fires and is in none of them fails the test, naming it.
"""

from pathlib import Path

import pytest

from returns.tests.test_validators import LAC_FALSE_POSITIVES, LAC_VALIDATOR_WRONG

# The session's authorities are built in the test database: this mark makes sure it is set up
# even when only these tests run (without it, pytest-django would leave the connection on the
# development database).
# One worker builds the generated authorities (returns/tests/conftest.py) for all of them.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("generated_authorities")]

ROOT = Path(__file__).resolve().parents[2]

# Validator rule -> the data-quality checks (data_quality/checks_*.py) that show it.
MIRRORED: dict[str, set[str]] = {
    # CIN census (cin2025_26)
    "4180": {"4180"},
    "4220": {"4220"},
    "8525Q": {"8525Q"},
    "8750": {"8750"},
    "8540": {"8540"},
    "8770Q": {"8770Q"},
    "8585Q": {"8585Q"},
    "8825Q": {"8825Q"},
    "8897Q": {"8897Q"},
    "8867": {"8867"},
    "8868": {"8868"},
    "8905": {"8905"},
    # SSDA903 (lac2025_26)
    "101": {"4180"},
    "103": {"4220"},
    "209": {"8770Q"},
    "442": {"8770Q", "442"},
    "186": {"186"},
    "191": {"186", "191-HA", "191-TEETH", "191-IMMS"},
    "182": {"191-HA", "191-TEETH", "191-IMMS"},
    "392b": {"392b"},
    "577": {"577"},
    "345": {"345"},
    "131": {"131"},
    # The validator works out the placement's local authority (169), location (179) and distance
    # from home (392a) from the placement postcode: without one, all three fire, and 392b shows it.
    "169": {"392b"},
    "179": {"392b"},
    "392a": {"392b"},
}

# Rules deliberately not mirrored, with why.
NOT_MIRRORED: dict[str, str] = {
    **{rule: f"the validator is wrong here ({why})" for rule, why in LAC_VALIDATOR_WRONG.items()},
    # A false positive that finds real faults outside its situation (575, 577) is mirrored, or
    # not yet, on its own merits instead.
    **{
        rule: f"flags records that are right ({excuse.why[:80]}...; test_validators.LAC_FALSE_POSITIVES)"
        for rule, excuse in LAC_FALSE_POSITIVES.items()
        if not excuse.real_faults_elsewhere
    },
}

# Rules not mirrored yet: the honest gap. Every other rule of the two rule sets that is not in
# MIRRORED or NOT_MIRRORED is "not yet" too (listed by `not_yet()`); those named here fired on
# an authority the tests build, so they are the first to mirror.
NOT_YET: dict[str, str] = {}


def _rules(filename: str) -> set[str]:
    text = (ROOT / "specs" / "validator_rules" / filename).read_text(encoding="utf-8")
    return {line.split("\t", 1)[0] for line in text.splitlines() if "\t" in line}


def not_yet() -> set[str]:
    every = _rules("cin_validator_rules_cin2025_26.tsv") | _rules("lac_validator_rules_lac2025_26.tsv")
    return every - set(MIRRORED) - set(NOT_MIRRORED)


def unmatched(checked) -> tuple[list, set]:
    """(flagged rows whose child shows none of the rule's checks, fired rules in no list)."""
    missing, unlisted = [], set()
    for issue in checked.issues["cin"] + checked.issues["lac"]:
        rule, child = issue["rule"], issue["child"]
        if rule in MIRRORED:
            shown = checked.shown.get(child, set()) | checked.at_year_end.get(child, set())
            if not MIRRORED[rule] & shown:
                missing.append((rule, child, issue.get("message", "")[:90], sorted(shown)))
        elif rule not in NOT_MIRRORED and rule not in NOT_YET:
            unlisted.add(rule)
    return missing, unlisted


def test_every_child_the_validators_flag_shows_the_same_problem_in_the_record(faulty_authority):
    checked = faulty_authority
    flagged = checked.issues["cin"] + checked.issues["lac"]
    assert flagged, "the faults should make the validators flag something"
    missing, unlisted = unmatched(checked)
    assert not missing, "flagged by a validator, not shown in the record:\n" + "\n".join(map(str, missing))
    assert not unlisted, f"rules that fired but are in no list (mirror them, or say why not): {sorted(unlisted)}"
    print(
        f"Mirrored: {len(MIRRORED)} rules. Not mirrored, with why: {len(NOT_MIRRORED)}. "
        f"Not yet: {len(not_yet())} (of which fired in the tests: {sorted(NOT_YET)})."
    )


def test_the_three_lists_never_overlap_and_name_real_rules():
    every = _rules("cin_validator_rules_cin2025_26.tsv") | _rules("lac_validator_rules_lac2025_26.tsv")
    assert not set(MIRRORED) & set(NOT_MIRRORED) and not set(MIRRORED) & set(NOT_YET)
    assert not set(NOT_MIRRORED) & set(NOT_YET)
    assert set(MIRRORED) <= every, set(MIRRORED) - every
    assert set(NOT_YET) <= every, set(NOT_YET) - every
    from data_quality.checks import CHECKS

    assert set().union(*MIRRORED.values()) <= set(CHECKS), set().union(*MIRRORED.values()) - set(CHECKS)
