"""The generated authority's supervision: every generated social worker supervised by their team
manager, some late; case discussions on open children's records and chronologies, their actions
due items in their owners' trays, some done, some carried forward, some overdue."""

from casework.models import ChronologyEvent
from core import clock
from supervision.models import CaseAction, CaseDiscussion, SupervisionSession
from supervision.selectors import due_for
from synthetic.testing import small_authority_for_the_module as small_authority  # noqa: F401
from synthetic.testing import small_authority_of_the_module  # noqa: F401
from timescales.models import DueItem
from workforce.models import User


def test_workers_are_supervised_by_their_managers_some_late(small_authority):
    assert small_authority.counts["supervision sessions"] > 0
    sessions = SupervisionSession.objects.select_related("supervisee__team")
    assert all(s.supervisor_id == s.supervisee.team.manager_id and s.held_on <= clock.today() for s in sessions)
    workers = User.objects.filter(pk__in=sessions.values("supervisee"))
    late = [w for w in workers if due_for(w, sessions.filter(supervisee=w).latest_first().first().held_on).is_overdue]
    assert 0 < len(late) < len(workers)


def test_case_discussions_are_on_the_record_and_their_actions_in_the_owners_trays(small_authority):
    discussions = CaseDiscussion.objects.count()
    assert (
        discussions and ChronologyEvent.objects.filter(event_type="supervision.case_discussed").count() == discussions
    )
    assert CaseAction.objects.filter(done_on__isnull=False).exists()
    assert CaseAction.objects.filter(done_on__isnull=True, carried_to__isnull=False).exists()
    overdue = DueItem.objects.overdue().filter(rule_code="supervision_action")
    assert overdue.exists()
    owners = dict(CaseAction.objects.filter(done_on__isnull=True).values_list("pk", "owner_id"))
    for item in DueItem.objects.open().filter(rule_code="supervision_action"):
        assert item.worker_id == owners[int(item.key.removeprefix("case-action-"))]
