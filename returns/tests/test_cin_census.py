import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from returns.cin_census import build_cin_census

SCHEMA = Path(__file__).resolve().parents[2] / "specs" / "cin_census" / "CIN_schema_2026.xsd"


@pytest.fixture(scope="module")
def schema():
    return xmlschema.XMLSchema(SCHEMA)


def _children(path):
    root = ET.parse(path).getroot()
    return {c.findtext("ChildIdentifiers/LAchildID"): c for c in root.iter("Child")}


def test_the_census_is_valid_against_the_2026_schema_and_holds_every_child_in_need(authority, schema, tmp_path):
    out = tmp_path / "cin.xml"
    counts = build_cin_census(2026, out)
    schema.validate(out)
    children = _children(out)
    # Kai and Mia are looked after: every looked-after child is a child in need, in the census too.
    assert set(children) == {
        authority.cin.la_id,
        authority.cp.la_id,
        authority.in_care.la_id,
        authority.new_in_care.la_id,
    }
    assert counts == {"children": 4, "episodes": 4}
    mia = children[authority.new_in_care.la_id].find("CINdetails")
    assert (mia.findtext("CINreferralDate"), mia.findtext("PrimaryNeedCode")) == ("2025-08-04", "N4")


def test_each_child_carries_their_assessment_plan_enquiry_and_protection_plan(authority, tmp_path):
    out = tmp_path / "cin.xml"
    build_cin_census(2026, out)
    children = _children(out)
    cin = children[authority.cin.la_id].find("CINdetails")
    assert cin.findtext("CINreferralDate") == "2025-05-06"
    assert cin.findtext("ReferralSource") == "2A"
    assert cin.findtext("PrimaryNeedCode") == "N4"
    assert cin.findtext("Assessments/AssessmentAuthorisationDate") == "2025-06-10"
    assert [f.text for f in cin.iter("AssessmentFactors")] == ["3A", "4B"]
    assert cin.findtext("CINPlanDates/CINPlanStartDate") == "2025-06-16"
    assert cin.find("CINPlanDates/CINPlanEndDate") is None
    assert cin.findtext("ReferralNFA") == "0"

    cp = children[authority.cp.la_id].find("CINdetails")
    assert cp.findtext("Section47/S47ActualStartDate") == "2025-07-02"
    assert cp.findtext("Section47/DateOfInitialCPC") == "2025-07-16"
    assert cp.findtext("Section47/ICPCnotRequired") == "0"
    # Rule 2884: the conference is on the enquiry, not repeated on the episode.
    assert cp.find("DateOfInitialCPC") is None
    plan = cp.find("ChildProtectionPlans")
    assert plan.findtext("CPPstartDate") == "2025-07-16"
    assert plan.findtext("InitialCategoryOfAbuse") == "NEG"
    assert plan.findtext("LatestCategoryOfAbuse") == "EMO"
    assert plan.findtext("NumberOfPreviousCPP") == "0"
    assert [r.text for r in plan.iter("CPPreviewDate")] == ["2025-10-15"]


def test_a_past_year_shows_the_record_as_it_stood_on_31_march(authority, tmp_path):
    """The year to March 2025 knew nothing of referrals made after it."""
    out = tmp_path / "cin.xml"
    # Only Kai, looked after (so a child in need) since January 2024; the census says which year
    # and authority it is for.
    counts = build_cin_census(2025, out)
    assert set(_children(out)) == {authority.in_care.la_id}
    assert counts["children"] == 1
    root = ET.parse(out).getroot()
    assert root.findtext("Header/CollectionDetails/ReferenceDate") == "2025-03-31"
    assert root.findtext("Header/Source/LEA") == "330"


def test_the_build_reads_in_a_few_queries_whatever_the_number_of_children(
    authority, tmp_path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        build_cin_census(2026, tmp_path / "cin.xml")
