"""The generated small authority (branch gen): clean, the checks find nothing but the management
oversight it leaves late on purpose; with one of each fault injected, they find exactly those
faults, on exactly those children."""

import pytest

from oversight.key_events import RULE_CODES as OVERSIGHT_RULES
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


def late_oversight() -> list[tuple[str, str]]:
    """The key events whose management oversight is overdue today: the generator leaves some
    without oversight on purpose (synthetic/generator/oversight.py), so OVS-LATE finds them."""
    from timescales.models import DueItem

    overdue = DueItem.objects.overdue().filter(rule_code__in=OVERSIGHT_RULES)
    return sorted(("OVS-LATE", la_id) for la_id in overdue.values_list("person__la_id", flat=True))


def late_case_supervision() -> list[tuple[str, str]]:
    """The open children whose case supervision is past the local standard today: the generator
    discusses up to two of each worker's children a session, so many are (CSV-LATE). Worked out
    here by the oversight figures' own query, not the check's SQL."""
    from core import clock
    from performance.oversight import open_allocations
    from supervision.selectors import case_supervision_since

    late = open_allocations(None).filter(clock_from__lt=case_supervision_since(clock.today()))
    return sorted(("CSV-LATE", la_id) for la_id in late.values_list("child__la_id", flat=True))


def test_every_fault_kind_has_a_check():
    from synthetic.generator.faults import FAULTS

    assert {fault.id for fault in FAULTS} == set(CHECK_FOR_FAULT)


def test_the_clean_authority_has_no_problems_but_its_late_oversight(small_authority):
    from data_quality.services import check_all
    from people.models import Person

    assert Person.objects.filter(is_child=True).count() > 100
    run = check_all()
    # Late management oversight and case supervision are practice the generator leaves on
    # purpose, not faults in the data; whether a seed has any overdue today is chance. Those are
    # found, and nothing else.
    overdue = sorted(late_oversight() + late_case_supervision())
    assert late_case_supervision()  # the generator leaves some children undiscussed
    assert stored() == overdue
    assert run.total == len(overdue)


def test_the_checks_find_exactly_the_injected_faults(small_authority_with_faults):
    from data_quality.services import check_all

    manifest = small_authority_with_faults.manifest
    assert len(manifest) >= 7
    expected = sorted(
        [*((CHECK_FOR_FAULT[fault], la_id) for fault, la_id in manifest), *late_oversight(), *late_case_supervision()]
    )
    run = check_all()
    assert stored() == expected
    assert run.total == len(expected)
