"""The code lists must match the DfE specifications exactly: same codes, same order.

Each test reads the specification file itself (the CIN census XSD, the SSDA903 yml with its yearly
diffs, the validator rule messages), so a code added, dropped or mistyped here, or a list the DfE
changes, fails with the name of the list.
"""

import re

import pytest
from django.db import models

from codelists import cin, ssda903

from . import spec_files

SPECS = spec_files.specs_dir()
# The specifications are committed under specs/, so they are always there: a missing folder is
# a failure, never a reason to skip.
assert SPECS is not None, "DfE specifications not found under specs/ (see codelists/tests/spec_files.py)"


def _plain(text):
    """Compare labels as a reader would: ignore case, dash and quote styles, spacing, a final stop."""
    for fancy, plain in (("–", "-"), ("—", "-"), ("’", "'"), ("‘", "'")):
        text = text.replace(fancy, plain)
    return " ".join(text.split()).casefold().rstrip(". ")


# ---- CIN census 2025 to 2026 ----------------------------------------------------------------

CIN_XSD_TYPES = {
    "yesnotype": cin.YesNo,
    "sextype": cin.Sex,
    "ethnicitytype": cin.Ethnicity,
    "disabilitytype": cin.Disability,
    "unknownupntype": cin.UPNUnknown,
    "referralsourcetype": cin.ReferralSource,
    "primaryneedcodetype": cin.PrimaryNeed,
    "reasonforclosuretype": cin.ReasonForClosure,
    "categoryofabusetype": cin.CategoryOfAbuse,
    "assessmentfactorstype": cin.AssessmentFactor,
}

# Where our label deliberately differs from the schema's documentation, and why.
CIN_LABEL_DIFFERENCES = {
    (cin.YesNo, "0"): "schema says False; people answer No",
    (cin.YesNo, "1"): "schema says True; people answer Yes",
    (cin.ReferralSource, "5D"): "schema has a stray opening bracket: '(LA SERVICES – early help'",
}


@pytest.fixture(scope="module")
def cin_types():
    return spec_files.xsd_simple_types(SPECS / "cin_census" / "CIN_schema_2026.xsd")


@pytest.mark.parametrize("type_name, enum", CIN_XSD_TYPES.items(), ids=[e.__name__ for e in CIN_XSD_TYPES.values()])
def test_cin_codes_match_the_2026_schema(cin_types, type_name, enum):
    assert list(enum.values) == [code for code, _, _ in cin_types[type_name]]


@pytest.mark.parametrize("type_name, enum", CIN_XSD_TYPES.items(), ids=[e.__name__ for e in CIN_XSD_TYPES.values()])
def test_cin_labels_say_what_the_schema_says(cin_types, type_name, enum):
    for code, documentation, _ in cin_types[type_name]:
        if documentation is None or (enum, code) in CIN_LABEL_DIFFERENCES:
            continue
        assert _plain(enum(code).label) == _plain(documentation), code


def test_every_enumeration_in_the_cin_schema_has_a_code_list(cin_types):
    assert set(cin_types) == set(CIN_XSD_TYPES)
    # The only inline enumerations are the header's constants, which nobody chooses.
    inline = spec_files.xsd_anonymous_enumerations(SPECS / "cin_census" / "CIN_schema_2026.xsd")
    assert inline == {"Collection": ["CIN"], "SourceLevel": ["L"]}


def test_retired_assessment_factors_are_the_ones_the_schema_marks_as_retained(cin_types):
    retained = {code for code, _, appinfo in cin_types["assessmentfactorstype"] if appinfo and "Retained" in appinfo}
    assert retained == cin.RETIRED_ASSESSMENT_FACTORS == {"18A", "19A"}
    offered = [value for value, _ in cin.CURRENT_ASSESSMENT_FACTOR_CHOICES]
    assert "18B" in offered and not cin.RETIRED_ASSESSMENT_FACTORS & set(offered)
    assert len(offered) == len(cin.AssessmentFactor.values) - 2


def test_sex_is_m_f_u_from_2025_and_was_a_number_before():
    # A guard on reading the right year's schema: 2024 still had GenderCurrent 1/2/0/9.
    older = spec_files.xsd_simple_types(SPECS / "cin_census" / "CIN_schema_2024.xsd")
    assert "sextype" not in older and [c for c, _, _ in older["gendertype"]] == ["1", "2", "0", "9"]
    assert cin.Sex.values == ["M", "F", "U"]


def test_upn_unknown_un7_is_what_cin_rule_8772_calls_it():
    rules = spec_files.validator_rules(SPECS / "validator_rules" / "cin_validator_rules_cin2025_26.tsv")
    assert f"UN7 ({cin.UPNUnknown.UN7.label})" in rules["8772"]


# ---- SSDA903 2025 to 2026 ----------------------------------------------------------------------

SSDA903_COLUMNS = {
    ssda903.YesNo: [
        ("header", "MOTHER"),
        ("ad1", "FOSTER_CARE"),
        ("oc2", "CONVICTED"),
        ("oc2", "HEALTH_CHECK"),
        ("oc2", "IMMUNISATIONS"),
        ("oc2", "TEETH_CHECK"),
        ("oc2", "HEALTH_ASSESSMENT"),
        ("oc2", "SUBSTANCE_MISUSE"),
        ("oc2", "INTERVENTION_RECEIVED"),
        ("oc2", "INTERVENTION_OFFERED"),
    ],
    ssda903.Sex: [("header", "SEX"), ("uasc", "SEX")],
    ssda903.Ethnicity: [("header", "ETHNIC")],
    ssda903.ReasonNewEpisode: [("episodes", "RNE")],
    ssda903.LegalStatus: [("episodes", "LS")],
    ssda903.CategoryOfNeed: [("episodes", "CIN")],
    ssda903.PlacementType: [("episodes", "PLACE")],
    ssda903.PlacementProvider: [("episodes", "PLACE_PROVIDER")],
    ssda903.ReasonEpisodeCeased: [("episodes", "REC")],
    ssda903.ReasonPlaceChange: [("episodes", "REASON_PLACE_CHANGE")],
    ssda903.ReviewParticipation: [("reviews", "REVIEW_CODE")],
    ssda903.MissingType: [("missing", "MISSING")],
    ssda903.SDQReason: [("oc2", "SDQ_REASON")],
    ssda903.InTouch: [("oc3", "IN_TOUCH")],
    ssda903.Activity: [("oc3", "ACTIV")],
    ssda903.Accommodation: [("oc3", "ACCOM")],
    ssda903.AdopterSex: [("ad1", "SEX_ADOPTR")],
    ssda903.AdopterLegalStatus: [("ad1", "LS_ADOPTR")],
    ssda903.ReasonPlacedCeased: [("placed_adoption", "REASON_PLACED_CEASED")],
    ssda903.PreviousPermanence: [("prev_perm", "PREV_PERM")],
}

# Coded columns with no code list here, and why (see the ssda903 module docstring).
SSDA903_LEFT_OUT = {
    ("social_worker", "SW_REASON"): "meanings of the codes are not in the specifications we hold",
}


@pytest.fixture(scope="module")
def ssda903_categories():
    column_map, years = spec_files.ssda903_schema(SPECS / "ssda903")
    assert years == [2019, 2022, 2024, 2025, 2026], "the yearly diffs up to 2025 to 2026, in order"
    return spec_files.categories(column_map)


@pytest.mark.parametrize("enum, columns", SSDA903_COLUMNS.items(), ids=[e.__name__ for e in SSDA903_COLUMNS])
def test_ssda903_codes_match_the_schema_with_diffs_applied(ssda903_categories, enum, columns):
    for column in columns:
        assert list(enum.values) == [code for code, _ in ssda903_categories[column]], column


def test_every_coded_ssda903_column_has_a_code_list_or_a_reason_not_to(ssda903_categories):
    covered = {column for columns in SSDA903_COLUMNS.values() for column in columns}
    assert set(ssda903_categories) == covered | set(SSDA903_LEFT_OUT)


def test_ssda903_labels_match_where_the_schema_gives_names(ssda903_categories):
    for enum, column in [
        (ssda903.Ethnicity, ("header", "ETHNIC")),
        (ssda903.Sex, ("header", "SEX")),
        (ssda903.Sex, ("uasc", "SEX")),
        (ssda903.YesNo, ("ad1", "FOSTER_CARE")),
    ]:
        for code, name in ssda903_categories[column]:
            if enum is ssda903.YesNo:  # the yml says False/True; people answer No/Yes
                name = {"False": "No", "True": "Yes"}[name]
            assert enum(code).label == name, (column, code)


def test_the_yearly_changes_are_the_ones_the_diffs_describe():
    # Spelled out so a reader sees what changed, not only that the lists match.
    assert {"H5", "P2"}.isdisjoint(ssda903.PlacementType.values)  # removed 2025
    assert {"K3", "Z11", "Z12", "Z13", "Z14"} <= set(ssda903.PlacementType.values)  # added 2025, 2026
    assert {"E43", "E44"}.isdisjoint(ssda903.ReasonEpisodeCeased.values)  # replaced 2019
    assert {"E45", "E46", "E47", "E48"} <= set(ssda903.ReasonEpisodeCeased.values)
    assert "CUSTOD" in ssda903.ReasonPlaceChange.values  # added 2019
    assert {"F3", "P3"}.isdisjoint(ssda903.Activity.values)  # replaced by F4/P4, F5/P5 in 2022


def test_ssda903_upn_unknown_codes_are_the_ones_rule_168_allows():
    rules = spec_files.validator_rules(SPECS / "validator_rules" / "lac_validator_rules_lac2025_26.tsv")
    assert ssda903.UPNUnknown.values == re.findall(r"UN\d", rules["168"])


def test_accommodation_is_a_type_plus_suitability():
    assert ssda903.Accommodation.B1.label.endswith("– suitable")
    assert ssda903.Accommodation.B2.label.endswith("– not suitable")
    assert ssda903.Accommodation("0") is ssda903.Accommodation.CODE_0
    assert issubclass(ssda903.Accommodation, models.TextChoices)
    assert ssda903.Accommodation.__module__ == "codelists.ssda903"


# ---- both modules ------------------------------------------------------------------------------

ALL_ENUMS = sorted(
    {
        obj
        for module in (cin, ssda903)
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, models.TextChoices) and obj is not models.TextChoices
    },
    key=lambda e: (e.__module__, e.__name__),
)


def test_every_code_list_is_checked_against_a_spec():
    checked = set(CIN_XSD_TYPES.values()) | set(SSDA903_COLUMNS) | {ssda903.UPNUnknown, cin.PreProceedingsOutcome}
    assert set(ALL_ENUMS) == checked


def test_pre_proceedings_outcomes_are_the_codes_cin_rule_9011_accepts():
    """2026 to 2027: no schema we hold has PPOutcome yet; csc-validator-be-cin's rule 9011 (commit
    5eb2c55, specs/SOURCES.md) accepts A, B and C and nothing else."""
    assert set(cin.PreProceedingsOutcome.values) == {"A", "B", "C"}


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda e: f"{e.__module__.split('.')[-1]}.{e.__name__}")
def test_labels_are_distinct_and_documented(enum):
    labels = [label for _, label in enum.choices]
    assert len(set(labels)) == len(labels), "two codes with the same label cannot be told apart"
    assert all(label.strip() for label in labels)
    assert enum.__doc__ and any(spec in enum.__doc__ for spec in (".xsd", ".yml", ".tsv")), "cite the spec"


@pytest.mark.parametrize("module", [cin, ssda903], ids=["cin", "ssda903"])
def test_unverified_labels_name_real_codes(module):
    for enum, codes in module.UNVERIFIED_LABELS.items():
        assert codes <= set(enum.values), enum.__name__
