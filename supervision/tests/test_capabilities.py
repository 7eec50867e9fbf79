"""Who may write on a child's record through supervision: marking a case supervision action done,
tried by every role against a child of the user's own team and one of another team, is refused
with PermissionDenied exactly when access.capabilities says so (COMPLETE_SUPERVISION_ACTION: the
child's own social worker and managers). Writing a case discussion needs the manager of the child's
team (RECORD_CASE_SUPERVISION); professional supervision is recorded only by team managers."""

import pytest
from django.core.exceptions import PermissionDenied

from access.capabilities import Capability, may
from access.testing import Write, walk
from children_in_need.testing import TODAY
from supervision import services
from supervision.tests.factories import action, discuss, supervise
from workforce.roles import Role


def _case_action(manager, worker):
    from people.services import person_create

    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=TODAY.replace(year=2015))
    discuss(manager, supervise(manager, worker, TODAY), child, [action("Visit")])
    return child, child.case_supervision_actions.get()


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("situation", ["allocated", "another team"])
def test_marking_a_case_action_done_is_refused_exactly_when_the_table_says_so(
    make_staff, team, manager, worker, other_manager, stranger, today, role, situation
):
    user = make_staff(role, team=team)
    child, case_action = _case_action(*((manager, worker) if situation == "allocated" else (other_manager, stranger)))
    writes = [
        Write(
            "case_action_done",
            Capability.COMPLETE_SUPERVISION_ACTION,
            lambda: services.case_action_done(actor=user, action=case_action, done_on=TODAY),
        )
    ]
    assert walk(user, child, writes) == []


@pytest.mark.parametrize("role", [r for r in Role if r != Role.TEAM_MANAGER])
def test_only_team_managers_record_supervision(make_staff, team, worker, today, role):
    user = make_staff(role, team=team)
    team.manager = user
    team.save()
    assert not may(user, Capability.RECORD_SUPERVISION)
    with pytest.raises(PermissionDenied):
        supervise(user, worker, TODAY)


def test_a_case_discussion_needs_the_manager_of_the_childs_team(manager, worker, child, other_manager, today):
    assert may(manager, Capability.RECORD_CASE_SUPERVISION, child)
    assert not may(other_manager, Capability.RECORD_CASE_SUPERVISION, child)
    assert not may(worker, Capability.RECORD_CASE_SUPERVISION, child)
