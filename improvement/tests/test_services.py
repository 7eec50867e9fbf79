"""Recording inspections and the improvement plan: who may, the 70 working days, the checks, the
history kept, and the actions in their owner's tray turning amber then red as the days pass."""

import datetime

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from core import clock
from improvement import selectors, services
from improvement.choices import ActionStatus, JudgementArea, Rag
from improvement.models import Action, Inspection
from workforce.roles import Role

D = datetime.date
pytestmark = pytest.mark.django_db


def test_the_plan_is_due_70_working_days_after_the_report(inspected):
    inspection, plan, _ = inspected
    # From Monday 2 June 2025: 14 weeks of weekdays is Monday 8 September, and the summer bank
    # holiday (25 August) moves it a working day later.
    assert selectors.plan_due_on(inspection) == D(2025, 9, 9)


def test_no_report_no_plan_date(today, qa):
    inspection = services.inspection_record(
        actor=qa,
        kind="focused_visit",
        started_on=D(2025, 5, 12),
        ended_on=D(2025, 5, 13),
        report_published_on=None,
        grades={},
    )
    assert selectors.plan_due_on(inspection) is None
    assert not inspection.judgements.exists()  # a focused visit grades nothing


def test_judgements_are_kept_by_area(inspected):
    inspection, _, recommendations = inspected
    assert dict(inspection.judgements.values_list("area", "grade"))[JudgementArea.IN_CARE] == 2
    assert [r.number for r in recommendations] == [1, 2, 3]


@pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.DIRECTOR, Role.SYSTEM_ADMIN])
def test_only_qa_and_senior_leaders_record_inspections(today, make_staff, role):
    with pytest.raises(PermissionDenied):
        services.inspection_record(
            actor=make_staff(role),
            kind="ilacs_standard",
            started_on=D(2025, 5, 12),
            ended_on=D(2025, 5, 16),
            report_published_on=None,
            grades={},
        )
    assert not Inspection.objects.exists()


def test_dates_out_of_order_are_refused_and_nothing_is_saved(today, qa):
    with pytest.raises(ValidationError) as error:
        services.inspection_record(
            actor=qa,
            kind="ilacs_standard",
            started_on=D(2025, 5, 12),
            ended_on=D(2025, 5, 9),
            report_published_on=D(2025, 5, 1),
            grades={"overall": 3},
        )
    assert set(error.value.message_dict) == {"ended_on", "report_published_on"}
    assert not Inspection.objects.exists()


def test_an_action_links_only_known_indicators_and_themes(inspected, add_action, manager):
    _, _, (first, *_) = inspected
    with pytest.raises(ValidationError) as error:
        add_action(first, manager, D(2025, 9, 1), indicators=["no_such_indicator"], audit_themes=["nonsense"])
    assert set(error.value.message_dict) == {"indicators", "audit_themes"}
    action = add_action(first, manager, D(2025, 9, 1), indicators=["cp_visits_in_time"], audit_themes=["oversight"])
    assert action.indicators == ["cp_visits_in_time"] and action.plan.inspection_id == first.inspection_id


def test_the_owner_marks_it_done_and_its_rag_turns_blue_with_history_kept(inspected, add_action, manager):
    _, _, (first, *_) = inspected
    action = add_action(first, manager, D(2025, 6, 10))
    assert selectors.tray_for(manager).mine[0].rag == Rag.AMBER
    services.action_update(
        actor=manager, action=action, status=ActionStatus.DONE, done_on=D(2025, 6, 2), progress="Audit running weekly"
    )
    assert selectors.tray_for(manager).mine == []
    action.refresh_from_db()
    assert (action.status, action.done_on, action.updated_by) == (ActionStatus.DONE, D(2025, 6, 2), manager)
    events = apps.get_model("improvement", "ActionEvent").objects.filter(pgh_obj_id=action.pk)
    assert list(events.order_by("pgh_id").values_list("status", flat=True)) == ["not_started", "done"]


def test_reopening_clears_the_day_it_was_done(inspected, add_action, manager):
    action = add_action(inspected[2][0], manager, D(2025, 6, 10))
    services.action_update(actor=manager, action=action, status="done", done_on=D(2025, 6, 2), progress="")
    services.action_update(actor=manager, action=action, status="in_progress", done_on=D(2025, 6, 2), progress="")
    action.refresh_from_db()
    assert (action.status, action.done_on) == ("in_progress", None)


@pytest.mark.parametrize("done_on, field", [(None, "done_on"), (D(2025, 6, 3), "done_on"), (D(2025, 5, 1), "done_on")])
def test_done_needs_a_real_day_it_was_done(inspected, add_action, manager, done_on, field):
    action = add_action(inspected[2][0], manager, D(2025, 6, 10))
    with pytest.raises(ValidationError) as error:
        services.action_update(actor=manager, action=action, status="done", done_on=done_on, progress="")
    assert field in error.value.message_dict
    assert Action.objects.get(pk=action.pk).status == ActionStatus.NOT_STARTED


def test_nobody_but_the_owner_and_the_plans_keepers_updates_an_action(inspected, add_action, manager, worker, qa):
    action = add_action(inspected[2][0], manager, D(2025, 6, 10))
    with pytest.raises(Http404):
        services.action_update(actor=worker, action=action, status="done", done_on=D(2025, 6, 2), progress="")
    services.action_update(actor=qa, action=action, status="in_progress", done_on=None, progress="Chased")
    assert Action.objects.get(pk=action.pk).progress == "Chased"


def test_as_the_days_pass_an_action_turns_amber_then_red_and_shows_to_the_plans_owner(
    inspected, add_action, manager, leader
):
    action = add_action(inspected[2][0], manager, D(2025, 7, 31))
    assert selectors.tray_for(manager).mine[0].rag == Rag.GREEN
    assert selectors.tray_for(leader).overdue_in_my_plans == []
    clock.travel_to(D(2025, 7, 18))  # 9 working days before
    assert selectors.tray_for(manager).mine[0].rag == Rag.AMBER
    clock.travel_to(D(2025, 8, 1))
    assert selectors.tray_for(manager).mine[0].rag == Rag.RED
    assert [row.action for row in selectors.tray_for(leader).overdue_in_my_plans] == [action]


def test_the_amber_window_is_a_local_standard(inspected, add_action, manager, leader):
    from timescales.models import LocalStandard

    add_action(inspected[2][0], manager, D(2025, 7, 31))
    LocalStandard.objects.create(rule_code="improvement_action_amber", amount=45, unit="working_days", reason="Board")
    assert selectors.tray_for(manager).mine[0].rag == Rag.AMBER
