"""Management oversight at key events and the IRO's challenge, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casework.chronology import describe
from casework.models import ChronologyEvent
from oversight import selectors, services
from oversight.choices import Stage
from oversight.models import Challenge, ChallengeStage, OversightEntry
from oversight.tests.factories import oversee, placement_move, raise_challenge
from timescales.models import DueItem
from timescales.services import local_standard_set

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def _oversight_items(child):
    return list(DueItem.objects.filter(person=child, rule_code__startswith="oversight_").order_by("trigger_date"))


class TestKeyEvents:
    def test_a_placement_move_is_due_for_the_team_manager_within_5_working_days(self, worker, manager, child):
        placement_move(worker, child)
        items = {item.rule_code: item for item in _oversight_items(child)}
        # Becoming looked after is a key event too.
        assert set(items) == {"oversight_became_looked_after", "oversight_placement_move"}
        move = items["oversight_placement_move"]
        assert (move.due_date, move.worker, move.team) == (D(2025, 6, 3), manager, child.current_team)
        assert move.trigger_description == "Placement move on 27 May 2025"

    def test_it_is_in_the_managers_tray_not_the_workers(self, worker, manager, child):
        from trays.selectors import due_soon_for_worker

        placement_move(worker, child)
        assert "oversight_placement_move" in {i.rule_code for i in due_soon_for_worker(user=manager)}
        assert not [i for i in due_soon_for_worker(user=worker) if i.rule_code.startswith("oversight_")]

    def test_a_change_of_legal_status_only_is_not_a_placement_move(self, worker, manager, child):
        from looked_after.services import episode_change
        from looked_after.tests.factories import start_care

        start_care(worker, child, D(2025, 3, 3))
        episode_change(actor=worker, child=child, change_date=D(2025, 5, 27), legal_status="C2")
        assert [i.rule_code for i in _oversight_items(child)] == ["oversight_became_looked_after"]

    def test_the_authority_sets_its_own_timescale(self, worker, manager, child):
        local_standard_set(
            actor=manager, rule_code="oversight_placement_move", amount=2, unit="working_days", reason="Board decision"
        )
        placement_move(worker, child)
        assert DueItem.objects.get(person=child, rule_code="oversight_placement_move").due_date == D(2025, 5, 29)

    def test_recording_oversight_closes_the_item_and_writes_the_chronology(self, worker, manager, child):
        event = placement_move(worker, child)
        entry = oversee(manager, event)
        item = DueItem.objects.get(person=child, rule_code="oversight_placement_move")
        assert item.completed_at is not None and item.completed_late is False
        assert (entry.key_event, entry.event_date) == ("placement_move", D(2025, 5, 27))
        line = ChronologyEvent.objects.get(child=child, event_type="oversight.recorded")
        assert describe(line).startswith("Management oversight of placement move on 27 May 2025 by Morgan Manager.")

    def test_late_oversight_is_recorded_as_late(self, worker, manager, child, clock):
        from children_in_need.testing import at

        event = placement_move(worker, child)
        clock.travel_to(at(D(2025, 6, 10), 12))
        oversee(manager, event, held_on=D(2025, 6, 10))
        assert DueItem.objects.get(person=child, rule_code="oversight_placement_move").completed_late is True

    def test_bad_input_is_refused_and_nothing_is_saved(self, worker, manager, child):
        event = placement_move(worker, child)
        with pytest.raises(ValidationError) as refused:
            oversee(manager, event, held_on=D(2025, 5, 20), decision="  ")
        assert set(refused.value.message_dict) == {"held_on", "decision"}
        with pytest.raises(ValidationError):
            oversee(manager, event, held_on=D(2025, 6, 9))  # in the future
        assert not OversightEntry.objects.exists()
        assert not ChronologyEvent.objects.filter(event_type="oversight.recorded").exists()

    def test_only_once_per_key_event(self, worker, manager, child):
        event = placement_move(worker, child)
        oversee(manager, event)
        with pytest.raises(ValidationError, match="already recorded"):
            oversee(manager, event)
        assert OversightEntry.objects.count() == 1

    def test_the_worker_may_not_record_a_managers_oversight(self, worker, manager, child):
        event = placement_move(worker, child)
        with pytest.raises(PermissionDenied):
            oversee(worker, event)

    def test_a_line_that_is_not_a_key_event_is_refused(self, worker, manager, child):
        line = ChronologyEvent.objects.get(child=child, event_type="person.created")
        with pytest.raises(ValidationError, match="not a key event"):
            oversee(manager, line)


class TestChallenge:
    def test_raising_addresses_the_informal_stage_with_a_response_due_in_10_working_days(
        self, iro, worker, manager, child
    ):
        challenge = raise_challenge(iro, child, worker, manager)
        stage = challenge.stages.get()
        assert (stage.stage, stage.addressed_to, stage.escalate_to, stage.due_date) == (
            Stage.INFORMAL,
            worker,
            manager,
            D(2025, 6, 16),
        )
        assert challenge.team == child.current_team
        assert [s.challenge for s in selectors.challenges_waiting_for(user=worker)] == [challenge]
        assert list(selectors.challenges_waiting_for(user=manager)) == []
        assert ChronologyEvent.objects.filter(child=child, event_type="challenge.raised").exists()

    def test_someone_without_the_stages_role_is_refused_with_a_clear_error(
        self, iro, worker, manager, child, service_manager
    ):
        with pytest.raises(ValidationError) as refused:
            raise_challenge(iro, child, worker, service_manager)
        assert refused.value.message_dict["escalate_to"] == [
            "Sian Service is a service manager: stage 1: team manager goes to a team manager"
        ]
        challenge = raise_challenge(iro, child, worker, manager)
        with pytest.raises(ValidationError) as refused:
            services.challenge_escalate(
                actor=iro,
                challenge=challenge,
                raised_on=D(2025, 6, 2),
                addressed_to=service_manager,
                escalate_to=manager,
            )
        assert set(refused.value.message_dict) == {"addressed_to", "escalate_to"}
        assert ChallengeStage.objects.count() == 1

    def test_a_manager_of_another_team_cannot_be_named(self, iro, worker, child, make_staff, other_team):
        from workforce.roles import Role

        elsewhere = make_staff(Role.TEAM_MANAGER, team=other_team, first_name="Otto", last_name="Other")
        other_team.manager = elsewhere
        other_team.save()
        with pytest.raises(ValidationError, match="does not work with Jay Smith"):
            raise_challenge(iro, child, worker, elsewhere)

    def test_an_unanswered_stage_escalates_itself_to_the_next_person(self, iro, worker, manager, child, clock):
        from children_in_need.testing import at

        challenge = raise_challenge(iro, child, worker, manager)
        clock.travel_to(at(D(2025, 6, 16), 17))  # the due date itself: not yet
        assert list(selectors.challenges_waiting_for(user=manager)) == []
        clock.travel_to(at(D(2025, 6, 17), 9))
        [stage] = selectors.challenges_waiting_for(user=manager)
        assert stage.escalated and stage.challenge == challenge
        # The worker may no longer answer it; the manager answers at stage 1.
        with pytest.raises(PermissionDenied):
            services.challenge_respond(actor=iro, challenge=challenge, response="x", responded_on=D(2025, 6, 17))
        answered = services.challenge_respond(
            actor=manager, challenge=challenge, response="A new worker is allocated.", responded_on=D(2025, 6, 17)
        )
        assert (answered.stage, answered.unanswered_before, answered.raised_on) == (
            Stage.TEAM_MANAGER,
            True,
            D(2025, 6, 17),
        )
        assert list(selectors.challenges_waiting_for(user=manager)) == []
        assert ChronologyEvent.objects.filter(child=child, event_type="challenge.escalated").count() == 1

    def test_the_iro_escalates_up_the_line_and_refers_to_cafcass(
        self, iro, worker, manager, child, service_manager, head, director
    ):
        challenge = raise_challenge(iro, child, worker, manager)
        services.challenge_respond(
            actor=worker, challenge=challenge, response="We disagree.", responded_on=D(2025, 6, 2)
        )
        services.challenge_escalate(
            actor=iro, challenge=challenge, raised_on=D(2025, 6, 2), addressed_to=manager, escalate_to=service_manager
        )
        services.challenge_escalate(
            actor=iro, challenge=challenge, raised_on=D(2025, 6, 2), addressed_to=service_manager, escalate_to=head
        )
        services.challenge_escalate(
            actor=iro, challenge=challenge, raised_on=D(2025, 6, 2), addressed_to=head, escalate_to=director
        )
        services.challenge_escalate(actor=iro, challenge=challenge, raised_on=D(2025, 6, 2), addressed_to=director)
        assert list(challenge.stages.values_list("stage", flat=True)) == [0, 1, 2, 3, 4]
        # Only the current stage waits: the earlier unanswered ones are history.
        assert list(selectors.challenges_waiting_for(user=manager)) == []
        assert [s.stage for s in selectors.challenges_waiting_for(user=director)] == [4]
        with pytest.raises(ValidationError, match="last stage"):
            services.challenge_escalate(actor=iro, challenge=challenge, raised_on=D(2025, 6, 2), addressed_to=director)
        services.challenge_close(
            actor=iro,
            challenge=challenge,
            outcome="cafcass",
            closed_on=D(2025, 6, 2),
            child_told=True,
            advocate_offered=False,
        )
        challenge.refresh_from_db()
        assert (challenge.outcome, challenge.child_told, challenge.advocate_offered) == ("cafcass", True, False)
        assert list(selectors.challenges_waiting_for(user=director)) == []
        with pytest.raises(ValidationError, match="closed"):
            services.challenge_respond(actor=director, challenge=challenge, response="x", responded_on=D(2025, 6, 2))

    def test_closing_needs_whether_the_child_was_told_and_offered_an_advocate(self, iro, worker, manager, child):
        challenge = raise_challenge(iro, child, worker, manager)
        with pytest.raises(ValidationError) as refused:
            services.challenge_close(
                actor=iro,
                challenge=challenge,
                outcome="resolved",
                closed_on=D(2025, 6, 2),
                child_told=None,
                advocate_offered=None,
            )
        assert set(refused.value.message_dict) == {"child_told", "advocate_offered"}
        assert Challenge.objects.get().is_open

    def test_only_an_iro_raises(self, worker, manager, child):
        with pytest.raises(PermissionDenied):
            raise_challenge(manager, child, worker, manager)


class TestReport:
    def test_counts_by_stage_theme_team_and_the_median_days_to_resolve(self, iro, worker, manager, child, stranger):
        first = raise_challenge(iro, child, worker, manager, raised_on=D(2025, 5, 1))
        services.challenge_close(
            actor=iro,
            challenge=first,
            outcome="resolved",
            closed_on=D(2025, 5, 11),
            child_told=True,
            advocate_offered=True,
        )
        second = raise_challenge(iro, child, worker, manager, raised_on=D(2025, 5, 2), category="participation")
        third = raise_challenge(iro, child, worker, manager, raised_on=D(2025, 5, 5))
        services.challenge_close(
            actor=iro,
            challenge=third,
            outcome="resolved",
            closed_on=D(2025, 5, 25),
            child_told=False,
            advocate_offered=True,
        )
        figures = selectors.report_figures(user=iro, start=D(2025, 4, 1), end=D(2026, 3, 31))
        assert (figures.total, figures.open, figures.resolved, figures.median_days) == (3, 1, 2, 15.0)
        assert dict((v, n) for v, _, n in figures.by_theme)["drift_and_delay"] == 2
        assert dict((v, n) for v, _, n in figures.by_stage)[Stage.INFORMAL] == 3
        assert [(name, n) for _, name, n in figures.by_team] == [(child.current_team.name, 3)]
        rows = selectors.report_list(user=iro, start=D(2025, 4, 1), end=D(2026, 3, 31), category="participation")
        assert list(rows) == [second]
        # Through the visibility rule: a worker of another team counts none of them.
        assert selectors.report_figures(user=stranger, start=D(2025, 4, 1), end=D(2026, 3, 31)).total == 0


def test_data_quality_flags_a_key_event_without_oversight_past_its_timescale(worker, manager, child, clock):
    """Past the due date, the next save (or the nightly run) finds it; the oversight puts it right."""
    from children_in_need.testing import at
    from data_quality.models import Problem
    from data_quality.services import refresh_child

    event = placement_move(worker, child, started=D(2025, 5, 27), moved=D(2025, 5, 28))
    assert not Problem.objects.filter(person=child, check_id="OVS-LATE").exists()
    clock.travel_to(at(D(2025, 6, 5), 9))
    refresh_child(child)
    problems = Problem.objects.filter(person=child, check_id="OVS-LATE").order_by("message")
    assert [p.message for p in problems] == [
        "No manager’s oversight is recorded for a key event: became looked after on 27 May 2025, due by 3 June 2025.",
        "No manager’s oversight is recorded for a key event: placement move on 28 May 2025, due by 4 June 2025.",
    ]
    oversee(manager, event, held_on=D(2025, 6, 5))
    assert [p.message for p in problems.all()] == [problems[0].message]
