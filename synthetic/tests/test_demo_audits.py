"""The demo's case audits: a neglect programme drawn, audited, half moderated blind, with an action
done and one overdue (on the owner's manager's audit page), a reflection; a programme in children
in care still in progress (in the QA officer's list, one audit waiting for the moderator); loading
twice changes nothing."""

import pytest

from audits import selectors
from audits.models import Audit, AuditAction, Programme, Reflection
from audits.testing import ensure_tools
from synthetic.demo_audits import load_demo_audits
from synthetic.demo_journeys import load_demo_journeys
from synthetic.demo_looked_after import load_demo_looked_after
from synthetic.demo_record import load_demo_families
from synthetic.testing import built_once_for_the_module, demo_staff

pytestmark = pytest.mark.django_db


def _load():
    ensure_tools()
    staff = demo_staff(load_demo_families, load_demo_journeys, load_demo_looked_after)
    assert load_demo_audits(staff) is True
    return staff


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _load)


@pytest.fixture
def loaded(_loaded_once, db, bank_holidays):
    """Loaded once for the module (its tests write only in their own transaction)."""
    return _loaded_once


def test_a_programme_audited_moderated_and_acted_on(loaded):
    neglect = Programme.objects.get(theme__startswith="Neglect")
    audits = list(Audit.objects.filter(programme=neglect))
    assert len(audits) == 4 and all(not a.is_open for a in audits)
    assert {a.team.name for a in audits} == {"Assessment Team North", "Safeguarding Team East"}
    assert all(a.auditor.username != "tm.osei" or a.team.manager.username != "tm.osei" for a in audits)
    assert sum(1 for a in audits if a.moderated_at) == 2
    actions = AuditAction.objects.filter(audit__programme=neglect)
    assert actions.filter(done_on__isnull=False).exists()
    overdue = [a for a in actions if a.is_overdue]
    assert overdue and Reflection.objects.exists()
    manager = overdue[0].owner.team.manager
    assert overdue[0] in selectors.overdue_actions_of_reports(user=manager)
    figures = dict(selectors.agreement_by_domain(neglect.audits.all()))
    assert figures["The case overall"].pairs == 2


def test_a_programme_in_progress(loaded):
    care = Programme.objects.get(theme__startswith="Children in care")
    qa, morgan = loaded["qa.rahman"], loaded["sl.morgan"]
    assert selectors.audits_to_do(user=qa)
    waiting = selectors.moderations_to_do(user=morgan)
    assert waiting and all(a.programme == care for a in waiting)
    assert load_demo_audits(loaded) is False
