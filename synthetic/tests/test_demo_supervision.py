"""The demo's supervision: regular, late and unsigned sessions, case discussions on the children's
records with actions done, carried forward and overdue; loading twice changes nothing."""

import pytest

from supervision.models import CaseAction, SupervisionSession
from supervision.selectors import supervision_due_for_supervisor
from synthetic.demo_record import load_demo_families
from synthetic.demo_supervision import load_demo_supervision
from synthetic.testing import built_once_for_the_module, demo_staff
from timescales.models import DueItem

pytestmark = pytest.mark.django_db


def _load():
    staff = demo_staff(load_demo_families)
    assert load_demo_supervision(staff) is True
    return staff


@pytest.fixture(scope="module")
def _loaded_once(django_db_setup, django_db_blocker):
    yield from built_once_for_the_module(django_db_blocker, _load)


@pytest.fixture
def loaded(_loaded_once, db, bank_holidays):
    """Loaded once for the module (its tests write only in their own transaction)."""
    return _loaded_once


def test_late_unsigned_and_disputed_sessions(loaded):
    due = {d.worker.username: d for d in supervision_due_for_supervisor(user=loaded["tm.hughes"])}
    assert due["sw.brown"].is_overdue and not due["sw.okafor"].is_overdue
    ali = {d.worker.username: d for d in supervision_due_for_supervisor(user=loaded["tm.wright"])}["sw.ali"]
    assert ali.rule.code == "supervision_newly_qualified"
    clarke = SupervisionSession.objects.filter(supervisee=loaded["sw.clarke"]).latest_first().first()
    assert clarke.is_open
    nowak = SupervisionSession.objects.filter(supervisee=loaded["sw.nowak"]).latest_first().first()
    assert nowak.is_signed and nowak.supervisee_agrees is False


def test_case_actions_are_done_carried_forward_and_overdue_in_the_trays(loaded):
    assert CaseAction.objects.filter(done_on__isnull=False).exists()
    assert CaseAction.objects.filter(done_on__isnull=True, carried_to__isnull=False).exists()
    overdue = DueItem.objects.overdue().filter(rule_code="supervision_action", worker=loaded["sw.okafor"])
    assert overdue.exists()
    assert DueItem.objects.open().filter(rule_code="supervision_action", worker=loaded["tm.hughes"]).exists()


def test_loading_twice_changes_nothing(loaded):
    count = SupervisionSession.objects.count()
    assert load_demo_supervision(loaded) is False
    assert SupervisionSession.objects.count() == count
