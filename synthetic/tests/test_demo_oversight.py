"""The demo's management oversight and challenges: some oversight given on time, some key events
still waiting (overdue) in the team managers' trays, a challenge escalated by nobody answering;
loading twice changes nothing."""

import pytest

from oversight.models import Challenge, OversightEntry
from synthetic.demo_journeys import load_demo_journeys
from synthetic.demo_looked_after import load_demo_looked_after
from synthetic.demo_oversight import load_demo_oversight
from synthetic.demo_record import load_demo_families
from synthetic.testing import built_once_for_the_module, demo_staff
from timescales.models import DueItem

pytestmark = pytest.mark.django_db


def _load():
    staff = demo_staff(load_demo_families, load_demo_journeys, load_demo_looked_after)
    assert load_demo_oversight(staff) is True
    return staff


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _load)


@pytest.fixture
def loaded(_loaded_once, db, bank_holidays):
    """Loaded once for the module (its tests write only in their own transaction)."""
    return _loaded_once


def test_oversight_given_on_time_and_key_events_still_waiting(loaded):
    wright, osei = loaded["tm.wright"], loaded["tm.osei"]
    given = OversightEntry.objects.filter(recorded_by=wright).get()
    assert given.child.given_name == "Ruby"
    waiting = DueItem.objects.overdue().filter(rule_code__startswith="oversight_", worker=wright)
    assert {(d.person.given_name, d.rule_code) for d in waiting} >= {("Ruby", "oversight_icpc")}
    assert not DueItem.objects.filter(
        rule_code="oversight_strategy_discussion", person=given.child, completed_at__isnull=True
    ).exists()
    assert DueItem.objects.overdue().filter(rule_code__startswith="oversight_", worker=osei).exists()


def test_loading_twice_changes_nothing(loaded):
    counts = (Challenge.objects.count(), OversightEntry.objects.count())
    assert load_demo_oversight(loaded) is False
    assert (Challenge.objects.count(), OversightEntry.objects.count()) == counts
