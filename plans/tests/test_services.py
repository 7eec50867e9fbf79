"""A plan's content: outcomes, owned actions, the contingency, and progress recorded at a core
group; each action due in the right tray, each change in the chronology."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from casework.models import ChronologyEvent
from child_protection.services import core_group_record, cp_plan_end
from children_in_need.testing import make_cp_plan
from plans import services
from plans.choices import Progress
from plans.models import ActionProgress, PlanAction
from plans.testing import action, outcome
from timescales.models import DueItem

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.fixture
def plan(worker, child):
    return make_cp_plan(worker, child, referral_on=D(2025, 5, 1))


def _items(child, **filters):
    return DueItem.objects.filter(person=child, rule_code__startswith="plan_action", **filters)


def test_an_outcome_with_owned_actions_and_a_contingency(worker, manager, child, plan):
    goal = outcome(worker, plan, by_when=D(2025, 8, 1))
    mine = action(worker, goal, text="Refer to the family support service", owner=worker, due_on=D(2025, 5, 20))
    family = action(worker, goal, text="Attend the parenting course", name="Ms Smith (mother)", due_on=D(2025, 7, 1))
    school = action(
        worker, goal, text="Report attendance weekly", name="Oakfield Primary", kind="agency", due_on=D(2025, 6, 30)
    )
    services.contingency_set(
        actor=worker, plan=plan, contingency="Legal planning meeting if the course is not attended."
    )

    assert [a.owner for a in PlanAction.objects.filter(outcome=goal).order_by("pk")] == [
        "Sam Worker",
        "Ms Smith (mother) (family)",
        "Oakfield Primary (agency)",
    ]
    # The worker's own action is theirs; the family's and the school's are the allocated worker's to chase.
    assert _items(child, worker=worker).count() == 3
    assert _items(child, rule_code="plan_action").get().source_id == mine.pk
    assert {i.title for i in _items(child, rule_code="plan_action_chase")} == {
        "Chase plan action (Ms Smith (mother) (family)): Attend the parenting course",
        "Chase plan action (Oakfield Primary (agency)): Report attendance weekly",
    }
    assert _items(child).overdue().get().source_id == mine.pk
    events = set(
        ChronologyEvent.objects.filter(child=child, event_type__startswith="plan.").values_list("event_type", flat=True)
    )
    assert events == {"plan.outcome_added", "plan.action_added", "plan.contingency_set"}
    assert family.status == school.status == Progress.NOT_STARTED


def test_an_action_owned_by_a_manager_is_in_the_managers_tray_and_stays_there(worker, manager, child, plan):
    goal = outcome(worker, plan)
    action(worker, goal, owner=manager, due_on=D(2025, 5, 20))
    assert _items(child).get().worker == manager


def test_a_core_group_records_progress_and_a_done_action_leaves_the_tray(worker, child, plan):
    goal = outcome(worker, plan)
    first = action(worker, goal, owner=worker, due_on=D(2025, 5, 20))
    second = action(worker, goal, text="Attend the parenting course", name="Ms Smith", due_on=D(2025, 7, 1))
    meeting = core_group_record(
        actor=worker,
        plan=plan,
        held_on=D(2025, 5, 29),
        notes="Good progress.",
        progress={
            first.pk: (Progress.DONE, "Referral made on 21 May."),
            second.pk: (Progress.ON_TRACK, "Booked for June."),
        },
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.done_on) == (Progress.DONE, D(2025, 5, 29))
    assert second.status == Progress.ON_TRACK and second.done_on is None
    assert ActionProgress.objects.filter(meeting_id=meeting.pk).count() == 2
    assert _items(child).open().get().source_id == second.pk
    assert _items(child).completed().get().source_id == first.pk
    assert (
        ChronologyEvent.objects.filter(child=child, event_type="plan.progress_recorded").get().data["summary"]
        == "1 done, 1 on track"
    )
    # The next core group asks only about what is still open.
    assert services.open_actions(plan) == [second]


def test_a_core_group_written_up_late_does_not_overwrite_a_later_ones_progress(worker, child, plan):
    goal = outcome(worker, plan)
    task = action(worker, goal, owner=worker, due_on=D(2025, 7, 1))
    core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, 29), progress={task.pk: (Progress.ON_TRACK, "")})
    core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, 15), progress={task.pk: (Progress.NOT_STARTED, "")})
    task.refresh_from_db()
    assert task.status == Progress.ON_TRACK


def test_bad_progress_saves_neither_the_meeting_nor_any_progress(worker, child, plan):
    goal = outcome(worker, plan)
    task = action(worker, goal, owner=worker)
    with pytest.raises(ValidationError) as refused:
        core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, 29), progress={task.pk: ("finished", "")})
    assert f"progress_{task.pk}" in refused.value.message_dict
    with pytest.raises(ValidationError):
        core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, 29), progress={task.pk + 999: ("done", "")})
    assert not plan.core_groups.exists() and not ActionProgress.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"what_must_change": "  "}, "what_must_change", "Enter what must change"),
        ({"how_we_will_know": ""}, "how_we_will_know", "Enter how we will know it has changed"),
        ({"by_when": None}, "by_when", "Enter the date it must change by"),
        ({"by_when": D(2025, 4, 1)}, "by_when", "The date must be on or after the plan started on 1 May 2025"),
        ({"what_must_change": "x" * 2001}, "what_must_change", "Write no more than 2000 characters"),
    ],
)
def test_bad_outcomes_are_refused_beside_the_field(worker, plan, kwargs, field, message):
    values = {"what_must_change": "Safe sleep", "by_when": D(2025, 8, 1), "how_we_will_know": "Visits", **kwargs}
    with pytest.raises(ValidationError) as refused:
        services.outcome_add(actor=worker, plan=plan, **values)
    assert refused.value.message_dict[field] == [message]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"action": ""}, "action", "Enter the action"),
        ({"owner_kind": "staff"}, "owner_staff", "Select the member of staff who owns the action"),
        (
            {"owner_kind": "agency", "owner_name": " "},
            "owner_name",
            "Enter the name of the family member or agency who owns the action",
        ),
        ({"owner_kind": "neighbour"}, "owner_kind", "Select who owns the action"),
        ({"due_on": D(2025, 4, 30)}, "due_on", "The action cannot be due before the plan started on 1 May 2025"),
        ({"due_on": None}, "due_on", "Enter the date the action is due by"),
    ],
)
def test_bad_actions_are_refused_beside_the_field(worker, plan, kwargs, field, message):
    goal = outcome(worker, plan)
    values = {"action": "Attend", "owner_kind": "family", "owner_name": "Ms Smith", "due_on": D(2025, 7, 1), **kwargs}
    with pytest.raises(ValidationError) as refused:
        services.action_add(actor=worker, outcome=goal, **values)
    assert refused.value.message_dict[field] == [message]
    assert not PlanAction.objects.exists()


def test_a_member_of_staff_who_cannot_see_the_child_cannot_own_an_action(worker, stranger, plan):
    with pytest.raises(ValidationError) as refused:
        action(worker, outcome(worker, plan), owner=stranger)
    assert refused.value.message_dict["owner_staff"] == [
        "Stella Stranger cannot see the child’s record".replace("the child", plan.child.full_name)
    ]


def test_an_ended_plan_is_not_changed_and_its_actions_are_due_no_more(worker, child, plan):
    goal = outcome(worker, plan)
    action(worker, goal, owner=worker, due_on=D(2025, 5, 20))
    cp_plan_end(actor=worker, plan=plan, end_date=D(2025, 6, 1), reason="no_longer_at_risk")
    assert not _items(child).open().exists()
    with pytest.raises(ValidationError, match="ended on 1 June 2025"):
        outcome(worker, plan)


def test_a_worker_of_another_team_may_not_write_to_the_plan(stranger, worker, plan):
    from django.core.exceptions import PermissionDenied

    with pytest.raises((PermissionDenied, ValidationError)):
        outcome(stranger, plan)
    assert not PlanAction.objects.exists()


def test_a_review_conference_records_progress_and_can_end_the_plan_with_it(worker, child, plan):
    from child_protection.services import review_conference_record

    task = action(worker, outcome(worker, plan), owner=worker, due_on=D(2025, 5, 20))
    review_conference_record(
        actor=worker,
        plan=plan,
        held_on=D(2025, 5, 30),
        outcome="end",
        category="NEG",
        end_reason="no_longer_at_risk",
        progress={task.pk: (Progress.DONE, "Done.")},
    )
    task.refresh_from_db()
    assert task.status == Progress.DONE and ActionProgress.objects.get().meeting_id == plan.reviews.get().pk
