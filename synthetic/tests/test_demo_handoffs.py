"""The demo's hand-offs (issue 13), as `make run` shows them: a child in Assessment Team North's
unallocated tray, a contact about a baby whose date of birth is not known, and a home visit that
met the CIN visiting standard, corrected with its reason."""

import pytest

from casework.models import ChronologyEvent
from synthetic.demo_handoffs import load_demo_handoffs
from synthetic.testing import built_once_for_the_module, demo_staff
from timescales.models import DueItem
from trays.selectors import unallocated_for_manager

pytestmark = pytest.mark.django_db


def _load():
    staff = demo_staff(load_demo_handoffs)
    return staff


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _load)


@pytest.fixture
def loaded(_loaded_once, db, bank_holidays):
    """Loaded once for the module (its tests write only in their own transaction)."""
    return _loaded_once


def test_the_sent_child_waits_in_the_team_managers_unallocated_tray(loaded):
    waiting = list(unallocated_for_manager(user=loaded["tm.hughes"]))
    assert [child.full_name for child in waiting] == ["Kai Newton"]
    assert waiting[0].next_due_title


def test_the_baby_with_no_date_of_birth_has_a_contact(loaded):
    event = ChronologyEvent.objects.get(event_type="contact.received", child__family_name__startswith="Unknown")
    assert event.child.date_of_birth is None


def test_the_home_visit_met_the_cin_visit_and_was_corrected(loaded):
    item = DueItem.objects.get(person__given_name="Mia", rule_code="cin_visit", completed_at__isnull=True)
    assert not item.is_overdue
    assert ChronologyEvent.objects.filter(child=item.person, event_type="visit.corrected").exists()
