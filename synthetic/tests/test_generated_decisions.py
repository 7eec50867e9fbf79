"""The generated authority's decisions that need a manager: some waiting within the 5 working
days, some past them (overdue in the manager's tray), some authorised, some returned and some
resubmitted; each step in the child's chronology, decided only by the child's team manager and
never by the worker who asked. Every test only reads the authority: it is generated once for the
module."""

from collections import Counter

from casework.models import Allocation, ChronologyEvent
from core import clock
from decisions.models import ManagerDecision, Status
from decisions.selectors import waiting_for
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401
from timescales.calendar import london_date
from timescales.models import DueItem
from workforce.models import User


def test_decisions_are_waiting_overdue_authorised_returned_and_resubmitted(small_authority):
    decisions = ManagerDecision.objects.select_related("child__current_team")
    assert small_authority.counts["manager decisions"] == decisions.count() > 0
    statuses = Counter(decisions.values_list("status", flat=True))
    assert statuses[Status.SUBMITTED] and statuses[Status.AUTHORISED] and statuses[Status.RETURNED]
    assert decisions.filter(round=2, status=Status.SUBMITTED).exists()
    assert decisions.filter(round=2, status=Status.AUTHORISED).exists()
    for decision in decisions.exclude(status=Status.SUBMITTED):
        assert decision.decided_by_id == decision.child.current_team.manager_id != decision.submitted_by_id
        assert decision.submitted_at <= decision.decided_at <= clock.now()


def test_decisions_are_asked_on_open_cases_by_the_allocated_worker_after_allocation(small_authority):
    for decision in ManagerDecision.objects.select_related("child"):
        allocation = Allocation.objects.get(child=decision.child_id, end_date__isnull=True)
        assert decision.child.cin_episodes.filter(end_date__isnull=True).exists()
        assert allocation.start_date <= london_date(decision.submitted_at) < clock.today()
        assert decision.submitted_by_id == allocation.worker_id


def test_waiting_decisions_are_in_the_managers_trays_some_overdue(small_authority):
    waiting = ManagerDecision.objects.filter(status=Status.SUBMITTED).select_related("child__current_team")
    items = DueItem.objects.open().filter(rule_code="manager_decision")
    assert items.count() == waiting.count()
    assert items.overdue().exists() and items.exclude(pk__in=items.overdue()).exists()
    assert {item.worker_id for item in items} == {d.child.current_team.manager_id for d in waiting}
    manager = User.objects.get(pk=items.overdue().first().worker_id)
    assert waiting_for(user=manager).exists()


def test_each_step_is_in_the_chronology(small_authority):
    steps = Counter(
        ChronologyEvent.objects.filter(event_type__startswith="decision.").values_list("event_type", flat=True)
    )
    decisions = ManagerDecision.objects
    returned_once = decisions.filter(round=2).count() + decisions.filter(status=Status.RETURNED).count()
    assert steps["decision.submitted"] == decisions.count()
    assert steps["decision.resubmitted"] == decisions.filter(round=2).count()
    assert steps["decision.returned"] == returned_once
    assert steps["decision.authorised"] == decisions.filter(status=Status.AUTHORISED).count()
