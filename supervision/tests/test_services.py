"""Recording supervision: the dates, who may record and sign, case discussions on the child's
record with their actions as due items in the owner's tray, done or carried forward."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from casework.models import ChronologyEvent
from children_in_need.testing import TODAY
from supervision import services
from supervision.models import CaseAction, SupervisionAction, SupervisionSession
from supervision.tests.factories import action, days, discuss, supervise
from timescales.models import DueItem

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def errors(excinfo) -> dict:
    return excinfo.value.message_dict


class TestProfessionalSupervision:
    def test_a_manager_records_supervision_of_a_worker_in_their_team(self, manager, worker):
        session = supervise(manager, worker, TODAY - days(1))
        assert (session.supervisee, session.supervisor, session.held_on) == (worker, manager, TODAY - days(1))
        assert session.is_open and not session.is_signed

    def test_a_date_in_the_future_is_refused_and_nothing_saved(self, manager, worker):
        with pytest.raises(ValidationError) as excinfo:
            supervise(manager, worker, TODAY + days(1))
        assert errors(excinfo)["held_on"] == ["The date the supervision was held must be today or in the past"]
        assert not SupervisionSession.objects.exists()

    def test_a_date_before_the_worker_started_is_refused(self, manager, worker):
        worker.started_on = D(2025, 5, 1)
        worker.save()
        with pytest.raises(ValidationError) as excinfo:
            supervise(manager, worker, D(2025, 4, 30))
        assert "before Sam Worker started in the service on 1 May 2025" in errors(excinfo)["held_on"][0]
        assert supervise(manager, worker, D(2025, 5, 1)).held_on == D(2025, 5, 1)

    def test_only_the_manager_of_the_workers_team_records_it(self, manager, other_manager, worker, stranger):
        with pytest.raises(ValidationError) as excinfo:
            supervise(other_manager, worker, TODAY)
        assert errors(excinfo)["supervisee"] == ["Select a worker in a team you manage"]
        with pytest.raises(PermissionDenied):
            supervise(stranger, worker, TODAY)

    def test_something_must_be_recorded(self, manager, worker):
        with pytest.raises(ValidationError) as excinfo:
            supervise(manager, worker, TODAY, wellbeing="", workload=" ", learning="", reflection="")
        assert "wellbeing" in errors(excinfo)

    def test_an_action_cannot_be_due_before_the_session_and_defaults_to_the_local_standard(self, manager, worker):
        session = supervise(manager, worker, TODAY - days(7))
        with pytest.raises(ValidationError) as excinfo:
            services.supervision_action_add(
                actor=manager, session=session, action="Book court skills", owner="supervisee", due_on=TODAY - days(8)
            )
        assert errors(excinfo)["due_on"] == [
            f"The action cannot be due before the supervision on {TODAY - days(7):%-d %B %Y}"
        ]
        added = services.supervision_action_add(
            actor=manager, session=session, action="Book court skills", owner="supervisee"
        )
        assert added.due_on == TODAY - days(7) + datetime.timedelta(weeks=4)
        assert added.owner == worker

    def test_both_sign_and_the_supervisee_may_disagree_with_a_reason(self, manager, worker):
        session = supervise(manager, worker, TODAY)
        with pytest.raises(ValidationError):
            services.supervision_countersign(actor=worker, session=session, agrees=True)  # the supervisor signs first
        with pytest.raises(Http404):
            services.supervision_countersign(actor=manager, session=session, agrees=True)  # only the supervisee
        with pytest.raises(PermissionDenied):  # a social worker records nobody's supervision
            services.supervision_sign(actor=worker, session=session)
        services.supervision_sign(actor=manager, session=session)
        with pytest.raises(ValidationError) as excinfo:
            services.supervision_countersign(actor=worker, session=session, agrees=False, comment="")
        assert errors(excinfo)["comment"] == ["Say what you disagree with"]
        signed = services.supervision_countersign(
            actor=worker, session=session, agrees=False, comment="The workload figure leaves out my court work."
        )
        assert signed.is_signed and signed.supervisee_agrees is False

    def test_a_signed_record_cannot_be_added_to(self, manager, worker, child):
        session = supervise(manager, worker, TODAY)
        services.supervision_sign(actor=manager, session=session)
        with pytest.raises(ValidationError):
            services.supervision_action_add(actor=manager, session=session, action="More", owner="supervisor")
        with pytest.raises(ValidationError):
            discuss(manager, session, child)

    def test_open_actions_are_carried_forward_to_the_next_session(self, manager, worker):
        first = supervise(manager, worker, TODAY - days(28))
        open_one = services.supervision_action_add(
            actor=manager, session=first, action="Book leave", owner="supervisee"
        )
        done = services.supervision_action_add(
            actor=manager, session=first, action="Read the policy", owner="supervisee"
        )
        services.supervision_action_done(actor=worker, action=done, done_on=TODAY - days(20))
        second = supervise(manager, worker, TODAY)
        assert list(SupervisionAction.objects.filter(carried_to=second)) == [open_one]

    def test_a_session_written_up_late_for_an_earlier_date_does_not_take_actions_back(self, manager, worker):
        first = supervise(manager, worker, TODAY - days(28))
        open_one = services.supervision_action_add(
            actor=manager, session=first, action="Book leave", owner="supervisee"
        )
        latest = supervise(manager, worker, TODAY - days(7))
        supervise(manager, worker, TODAY - days(14))
        open_one.refresh_from_db()
        assert open_one.carried_to == latest

    def test_an_action_is_done_by_someone_in_the_session_not_before_it(self, manager, worker, teammate):
        session = supervise(manager, worker, TODAY - days(3))
        item = services.supervision_action_add(actor=manager, session=session, action="Book leave", owner="supervisee")
        with pytest.raises(Http404):
            services.supervision_action_done(actor=teammate, action=item, done_on=TODAY)
        with pytest.raises(ValidationError) as excinfo:
            services.supervision_action_done(actor=worker, action=item, done_on=TODAY - days(4))
        assert "before the supervision" in errors(excinfo)["done_on"][0]
        assert services.supervision_action_done(actor=worker, action=item, done_on=TODAY).done_on == TODAY


class TestCaseSupervision:
    def test_a_discussion_is_written_on_the_childs_record_with_its_actions_in_the_owners_tray(
        self, manager, worker, child
    ):
        session = supervise(manager, worker, TODAY - days(1))
        discussion = discuss(
            manager,
            session,
            child,
            [
                action("Visit with the health visitor", due_on=TODAY + days(10)),
                action("Chase the school report", owner="supervisor"),
            ],
        )
        event = ChronologyEvent.objects.get(child=child, event_type="supervision.case_discussed")
        assert event.source_id == discussion.pk and event.significant
        items = {item.title: item for item in DueItem.objects.filter(person=child, rule_code="supervision_action")}
        assert items["Supervision action: Visit with the health visitor"].worker == worker
        assert items["Supervision action: Visit with the health visitor"].due_date == TODAY + days(10)
        chase = items["Supervision action: Chase the school report"]
        assert chase.worker == manager  # the owner's tray, not the allocated worker's
        assert chase.due_date == TODAY - days(1) + datetime.timedelta(weeks=4)

    def test_an_action_due_before_the_session_is_refused_and_nothing_is_saved(self, manager, worker, child):
        session = supervise(manager, worker, TODAY)
        with pytest.raises(ValidationError) as excinfo:
            discuss(manager, session, child, [action("Visit", due_on=TODAY - days(1))])
        assert "due_on_1" in errors(excinfo)
        assert not child.case_discussions.exists() and not CaseAction.objects.exists()
        assert not ChronologyEvent.objects.filter(event_type="supervision.case_discussed").exists()

    def test_the_direction_and_its_rationale_are_required(self, manager, worker, child):
        session = supervise(manager, worker, TODAY)
        with pytest.raises(ValidationError) as excinfo:
            discuss(manager, session, child, direction="", rationale=" ")
        assert set(errors(excinfo)) == {"direction", "rationale"}

    def test_the_child_must_be_the_supervisees(self, manager, worker, teammate, child):
        session = supervise(manager, teammate, TODAY)
        with pytest.raises(ValidationError) as excinfo:
            discuss(manager, session, child)
        assert errors(excinfo)["child"] == ["Jay Smith is not allocated to Tess Teammate"]

    def test_a_manager_of_another_team_cannot_write_on_the_child(self, other_manager, make_staff, other_team, child):
        from workforce.roles import Role

        their_worker = make_staff(Role.SOCIAL_WORKER, team=other_team)
        session = supervise(other_manager, their_worker, TODAY)
        with pytest.raises(PermissionDenied):
            discuss(other_manager, session, child)

    def test_done_closes_the_due_item_and_is_in_the_chronology(self, manager, worker, child, clock):
        session = supervise(manager, worker, TODAY - days(14))
        discuss(manager, session, child, [action("Visit", due_on=TODAY - days(1))])
        item = DueItem.objects.get(person=child, rule_code="supervision_action")
        assert item.is_overdue
        case_action = CaseAction.objects.get()
        services.case_action_done(actor=worker, action=case_action, done_on=TODAY)
        item.refresh_from_db()
        assert item.completed_at is not None and item.completed_late
        assert ChronologyEvent.objects.filter(child=child, event_type="supervision.action_done").exists()

    def test_open_actions_are_carried_forward_to_the_childs_next_discussion(self, manager, worker, child):
        first = supervise(manager, worker, TODAY - days(28))
        discuss(manager, first, child, [action("Visit"), action("Chase school", owner="supervisor")])
        CaseAction.objects.filter(action="Chase school").update(done_on=TODAY - days(20), done_by=manager)
        second = supervise(manager, worker, TODAY)
        later = discuss(manager, second, child)
        assert [a.action for a in later.carried_actions.all()] == ["Visit"]
        event = ChronologyEvent.objects.filter(child=child, event_type="supervision.case_discussed").latest("id")
        assert event.data["carried"] == 1

    def test_an_action_stays_with_its_owner_when_the_child_is_reallocated(self, manager, worker, teammate, child):
        from casework.services import allocation_change

        session = supervise(manager, worker, TODAY)
        discuss(manager, session, child, [action("Chase school", owner="supervisor"), action("Visit")])
        allocation_change(actor=manager, child=child, team=worker.team, worker=teammate, start_date=TODAY)
        owners = dict(
            DueItem.objects.filter(person=child, rule_code="supervision_action").values_list("title", "worker")
        )
        assert owners == {"Supervision action: Chase school": manager.pk, "Supervision action: Visit": worker.pk}
