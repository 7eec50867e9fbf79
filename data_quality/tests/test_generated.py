"""The generated small authority (branch gen): clean, the checks find nothing; with one of each
fault injected, they find exactly those faults, on exactly those children."""

import pytest

from synthetic.testing import small_authority, small_authority_with_faults  # noqa: F401

pytestmark = pytest.mark.django_db

# Which check finds each of the generator's faults (synthetic/generator/faults.py).
CHECK_FOR_FAULT = {
    "assessment_no_factors": "8897Q",
    "upn_missing": "8770Q",
    "sdq_missing": "186",
    "health_check_missing": "191-HA",
    "review_gap": "LAR-GAP",
    "nhs_number_invalid": "NHS",
    "ethnicity_missing": "4220",
    "placement_postcode_missing": "392b",
    "missing_no_return_interview": "RHI",
}


def stored() -> list[tuple[str, str]]:
    from data_quality.models import Problem

    return sorted(Problem.objects.values_list("check_id", "person__la_id"))


def test_every_fault_kind_has_a_check():
    from synthetic.generator.faults import FAULTS

    assert {fault.id for fault in FAULTS} == set(CHECK_FOR_FAULT)


def test_the_clean_authority_has_no_problems(small_authority):
    from data_quality.services import check_all
    from people.models import Person

    assert Person.objects.filter(is_child=True).count() > 100
    run = check_all()
    assert run.total == 0 and stored() == []


def test_the_checks_find_exactly_the_injected_faults(small_authority_with_faults):
    from data_quality.services import check_all

    manifest = small_authority_with_faults.manifest
    assert len(manifest) >= 7
    expected = sorted((CHECK_FOR_FAULT[fault], la_id) for fault, la_id in manifest)
    run = check_all()
    assert stored() == expected
    assert run.total == len(expected)
