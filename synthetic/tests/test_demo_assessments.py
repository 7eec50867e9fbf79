"""The demo's assessments, written section by section: one authorised with every section and
the manager's rationale, one waiting for authorisation, one still in progress and overdue."""

import pytest

from assessments import sections
from assessments.framework import DOMAINS
from assessments.models import Assessment
from synthetic.demo_journeys import load_demo_journeys
from synthetic.demo_record import load_demo_families
from synthetic.testing import built_once_for_the_module, demo_staff
from timescales.models import DueItem

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, lambda: demo_staff(load_demo_families, load_demo_journeys))


@pytest.fixture
def loaded(_loaded_once, db, bank_holidays):
    return _loaded_once


def _of(given_name):
    return Assessment.objects.get(child__given_name=given_name)


def test_an_authorised_assessment_with_every_section_and_a_rationale(loaded):
    ayaan = _of("Ayaan")
    assert ayaan.status == "authorised" and sections.incomplete(ayaan) == []
    assert set(ayaan.domains) == set(DOMAINS)
    assert ayaan.domains["employment"]["not_assessed"]  # one domain not assessed, with why
    assert ayaan.seen_alone is True and ayaan.wishes_and_feelings.startswith("‘")
    assert len(ayaan.agency_information) == 2 and ayaan.recommendation
    assert "caring role" in ayaan.authorisation_rationale


def test_one_waiting_for_authorisation_and_one_in_progress_and_overdue(loaded):
    jonathan = _of("Jonathan")
    assert jonathan.status == "submitted" and sections.incomplete(jonathan) == []
    assert jonathan.seen_alone is False and jonathan.not_seen_alone_reason
    zofia = _of("Zofia")
    assert zofia.status == "in_progress"
    assert [sections.status(zofia, s) for s in ("developmental-needs", "childs-voice", "analysis")] == [
        "Completed",
        "In progress",
        "Not started",
    ]
    assert DueItem.objects.overdue().filter(person=zofia.child, rule_code="assessment_45wd").exists()
