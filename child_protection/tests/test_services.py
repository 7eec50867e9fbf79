"""Writes: strategy discussion, section 47, conferences, plans and core groups. Dates out of order
and overlapping plans are refused with a message, and nothing partial is saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from casework.chronology import describe
from casework.models import ChronologyEvent
from child_protection import services
from child_protection.models import ChildProtectionPlan, Conference, CoreGroup, Section47Enquiry, StrategyDiscussion
from children_in_need.testing import TODAY, at, decide_referral, make_cp_plan, make_referral, make_strategy_discussion
from people.record import badges_for
from timescales.models import DueItem

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.fixture
def episode(worker, child):
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 1), 9))
    decide_referral(worker, referral, next_step="strategy_discussion")
    return referral.episode


@pytest.fixture
def enquiry(worker, child, episode):
    discussion = make_strategy_discussion(worker, child, held_on=D(2025, 5, 2))
    return services.section47_start(actor=worker, discussion=discussion, start_date=D(2025, 5, 2))


def events(child, event_type):
    return ChronologyEvent.objects.filter(child=child, event_type=event_type)


def test_a_strategy_discussion_is_recorded_with_its_event(worker, child, episode):
    discussion = make_strategy_discussion(worker, child, held_on=D(2025, 5, 2))
    assert discussion.episode == episode and discussion.agencies == ["police", "health"]
    assert describe(events(child, "strategy_discussion.held").get()) == (
        "Strategy discussion with Police, Health. Decision: Start a section 47 enquiry."
    )


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"held_on": D(2025, 4, 30)}, "held_on", "before the referral on 1 May 2025"),
        ({"held_on": D(2025, 6, 3)}, "held_on", "today or in the past"),
        ({"agencies": []}, "agencies", "Select the agencies"),
        ({"decision": "maybe"}, "decision", "Select the decision"),
    ],
)
def test_bad_strategy_discussions_are_refused(worker, child, episode, kwargs, field, message):
    values = {"held_on": D(2025, 5, 2), "agencies": ["police"], "decision": "s47"} | kwargs
    with pytest.raises(ValidationError) as error:
        services.strategy_discussion_record(actor=worker, child=child, **values)
    assert message in error.value.message_dict[field][0]
    assert not StrategyDiscussion.objects.exists()


def test_the_enquiry_starts_from_its_discussion_with_the_icpc_target(worker, child, enquiry):
    # 15 working days after Friday 2 May 2025, skipping the bank holidays on 5 and 26 May.
    assert enquiry.icpc_target_date == D(2025, 5, 27)
    assert "Initial conference due by 27 May 2025" in describe(events(child, "section47.started").get())


def test_an_enquiry_cannot_start_before_its_strategy_discussion(worker, child, episode):
    discussion = make_strategy_discussion(worker, child, held_on=D(2025, 5, 6))
    with pytest.raises(ValidationError) as error:
        services.section47_start(actor=worker, discussion=discussion, start_date=D(2025, 5, 5))
    assert "before the strategy discussion on 6 May 2025" in error.value.message_dict["start_date"][0]
    assert not Section47Enquiry.objects.exists()


def test_no_enquiry_from_a_discussion_that_decided_against_one(worker, child, episode):
    discussion = make_strategy_discussion(worker, child, held_on=D(2025, 5, 2), decision="no_s47")
    with pytest.raises(ValidationError, match="decided not to start"):
        services.section47_start(actor=worker, discussion=discussion, start_date=D(2025, 5, 2))


def test_a_conference_before_the_enquiry_is_refused_and_nothing_saved(worker, child, enquiry):
    with pytest.raises(ValidationError) as error:
        services.initial_conference_record(
            actor=worker, enquiry=enquiry, held_on=D(2025, 5, 1), outcome="plan", category="NEG"
        )
    assert "before the section 47 enquiry started on 2 May 2025" in error.value.message_dict["held_on"][0]
    assert not Conference.objects.exists() and not ChildProtectionPlan.objects.exists()
    assert Section47Enquiry.objects.get().end_date is None


def test_the_initial_conference_starts_the_plan_and_concludes_the_enquiry(worker, child, enquiry):
    conference = services.initial_conference_record(
        actor=worker, enquiry=enquiry, held_on=D(2025, 5, 20), outcome="plan", category="EMO"
    )
    plan = conference.plan_started
    assert plan.start_date == D(2025, 5, 20) and plan.initial_category == plan.latest_category == "EMO"
    enquiry.refresh_from_db()
    assert enquiry.outcome == "conference" and enquiry.end_date == D(2025, 5, 20) and enquiry.icpc_not_required is False
    assert [b.text for b in badges_for(child)] == ["Child in need", "Child protection plan: emotional abuse"]


def test_a_plan_needs_a_category(worker, child, enquiry):
    with pytest.raises(ValidationError) as error:
        services.initial_conference_record(actor=worker, enquiry=enquiry, held_on=D(2025, 5, 20), outcome="plan")
    assert "category" in error.value.message_dict


def test_an_enquiry_that_needs_no_conference_sets_the_census_flag(worker, child, enquiry):
    services.section47_conclude(actor=worker, enquiry=enquiry, end_date=D(2025, 5, 9), outcome="no_conference")
    enquiry.refresh_from_db()
    assert enquiry.icpc_not_required is True
    assert not DueItem.objects.filter(person=child, rule_code="icpc_15wd").exists()
    with pytest.raises(ValidationError, match="not required"):
        services.initial_conference_record(actor=worker, enquiry=enquiry, held_on=D(2025, 5, 20), outcome="no_plan")


def test_an_overlapping_plan_is_refused_and_nothing_saved(worker, child, clock):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    with pytest.raises(ValidationError) as error:
        services.transfer_in_conference_record(
            actor=worker, child=child, held_on=D(2025, 5, 20), category="NEG", previous_authority="Southshire"
        )
    assert "that is still open. Plans cannot overlap" in error.value.message_dict["held_on"][0]
    assert Conference.objects.count() == 1 and ChildProtectionPlan.objects.get() == plan


def test_a_plan_starting_before_an_ended_plan_ended_is_refused(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    services.cp_plan_end(actor=worker, plan=plan, end_date=D(2025, 5, 20), reason="no_longer_at_risk")
    with pytest.raises(ValidationError, match="ended on 20 May 2025"):
        services.transfer_in_conference_record(
            actor=worker, child=child, held_on=D(2025, 5, 19), category="NEG", previous_authority="Southshire"
        )
    conference = services.transfer_in_conference_record(
        actor=worker, child=child, held_on=D(2025, 5, 20), category="PHY", previous_authority="Southshire"
    )
    assert conference.plan_started.start_date == D(2025, 5, 20)


def test_the_database_refuses_overlapping_plans(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    conference = Conference.objects.create(
        child=child,
        episode=plan.episode,
        kind="transfer_in",
        held_on=D(2025, 5, 10),
        outcome="plan",
        recorded_by=worker,
    )
    with pytest.raises(IntegrityError, match="cpplan_no_overlap"), transaction.atomic():
        ChildProtectionPlan.objects.create(
            child=child,
            episode=plan.episode,
            conference=conference,
            start_date=D(2025, 5, 10),
            initial_category="NEG",
            latest_category="NEG",
        )


def test_a_review_records_the_latest_category_and_can_end_the_plan(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    services.review_conference_record(
        actor=worker, plan=plan, held_on=D(2025, 5, 20), outcome="continue", category="MUL"
    )
    plan.refresh_from_db()
    assert plan.latest_category == "MUL" and plan.initial_category == "NEG" and plan.is_open
    with pytest.raises(ValidationError) as error:
        services.review_conference_record(
            actor=worker,
            plan=plan,
            held_on=D(2025, 5, 19),
            outcome="end",
            category="MUL",
            end_reason="no_longer_at_risk",
        )
    assert "before the last review on 20 May 2025" in error.value.message_dict["held_on"][0]
    services.review_conference_record(
        actor=worker, plan=plan, held_on=D(2025, 5, 30), outcome="end", category="MUL", end_reason="no_longer_at_risk"
    )
    plan.refresh_from_db()
    assert plan.end_date == D(2025, 5, 30) and plan.end_reason == "no_longer_at_risk"
    assert [b.text for b in badges_for(child)] == ["Child in need"]


def test_ending_a_plan_needs_a_reason(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    with pytest.raises(ValidationError) as error:
        services.review_conference_record(
            actor=worker, plan=plan, held_on=D(2025, 5, 30), outcome="end", category="NEG"
        )
    assert "end_reason" in error.value.message_dict
    assert ChildProtectionPlan.objects.get().is_open and Conference.objects.filter(kind="review").count() == 0


def test_a_plan_cannot_end_before_it_started_or_before_its_last_meeting(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1), icpc_on=D(2025, 5, 9))
    services.core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, 16))
    for end, message in [
        (D(2025, 5, 8), "before it started on 9 May 2025"),
        (D(2025, 5, 15), "before the meeting on 16 May 2025"),
    ]:
        with pytest.raises(ValidationError) as error:
            services.cp_plan_end(actor=worker, plan=plan, end_date=end, reason="moved_away")
        assert message in error.value.message_dict["end_date"][0]
    assert ChildProtectionPlan.objects.get().is_open


def test_a_core_group_cannot_be_before_the_plan(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1), icpc_on=D(2025, 5, 9))
    with pytest.raises(ValidationError, match="before the plan started on 9 May 2025"):
        services.core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, 8))
    assert not CoreGroup.objects.exists()


def test_nothing_is_recorded_on_an_ended_plan(worker, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    services.cp_plan_end(actor=worker, plan=plan, end_date=TODAY, reason="looked_after")
    with pytest.raises(ValidationError, match="ended on 2 June 2025"):
        services.core_group_record(actor=worker, plan=plan, held_on=TODAY)
