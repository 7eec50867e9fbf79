"""Writes: child in need plans with reviews, and closing the episode with a census reason."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assessments.services import assessment_authorise
from casework.chronology import describe
from casework.models import ChronologyEvent
from children_in_need import services
from children_in_need.models import CINEpisode, CINPlan, CINPlanReview
from children_in_need.testing import (
    TODAY,
    at,
    decide_referral,
    make_assessment,
    make_cp_plan,
    make_referral,
    submit_assessment,
)
from people.record import badges_for

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.fixture
def episode(worker, child):
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 1), 9))
    decide_referral(worker, referral)
    return referral.episode


def test_a_cin_plan_starts_and_is_reviewed(worker, child, episode):
    plan = services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 12))
    review = services.cin_plan_review_record(actor=worker, plan=plan, held_on=D(2025, 5, 30), notes="Going well.")
    assert plan.episode == episode and review.plan == plan
    assert (
        ChronologyEvent.objects.filter(child=child, event_type__in=["cin_plan.started", "cin_plan.reviewed"]).count()
        == 2
    )


@pytest.mark.parametrize(
    ("start", "message"),
    [(D(2025, 4, 30), "before the referral on 1 May 2025"), (D(2025, 6, 3), "today or in the past")],
)
def test_a_cin_plan_cannot_start_before_the_referral_or_in_the_future(worker, child, episode, start, message):
    with pytest.raises(ValidationError) as error:
        services.cin_plan_start(actor=worker, child=child, start_date=start)
    assert message in error.value.message_dict["start_date"][0]
    assert not CINPlan.objects.exists()


def test_one_cin_plan_at_a_time_and_not_beside_a_cp_plan(worker, child, episode):
    services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 12))
    with pytest.raises(ValidationError, match="already has a child in need plan"):
        services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 13))
    assert CINPlan.objects.count() == 1


def test_no_cin_plan_while_on_a_child_protection_plan(worker, child, make_staff):
    make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    with pytest.raises(ValidationError, match="is on a child protection plan"):
        services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 12))


def test_reviews_and_ends_keep_their_dates_in_order(worker, child, episode):
    plan = services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 12))
    with pytest.raises(ValidationError, match="before the plan started on 12 May 2025"):
        services.cin_plan_review_record(actor=worker, plan=plan, held_on=D(2025, 5, 11))
    services.cin_plan_review_record(actor=worker, plan=plan, held_on=D(2025, 5, 20))
    with pytest.raises(ValidationError, match="before its last review on 20 May 2025"):
        services.cin_plan_end(actor=worker, plan=plan, end_date=D(2025, 5, 19))
    services.cin_plan_end(actor=worker, plan=plan, end_date=D(2025, 5, 21), reason="Needs met")
    with pytest.raises(ValidationError, match="ended on 21 May 2025"):
        services.cin_plan_review_record(actor=worker, plan=plan, held_on=D(2025, 5, 22))
    assert CINPlanReview.objects.count() == 1


def test_closing_the_case_ends_the_cin_plan_and_removes_the_badge(worker, manager, child, episode):
    submit = submit_assessment(worker, make_assessment(worker, child, start_date=D(2025, 5, 2)))
    assessment_authorise(actor=manager, assessment=submit, authorised_on=D(2025, 5, 9), rationale="Needs are clear.")
    plan = services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 12))
    assert [b.text for b in badges_for(child)] == ["Child in need"]
    services.episode_close(actor=worker, episode=episode, closure_date=TODAY, reason="RC7")
    episode.refresh_from_db()
    plan.refresh_from_db()
    assert episode.end_date == TODAY and episode.closure_reason == "RC7" and episode.closed_by == worker
    assert plan.end_date == TODAY
    assert badges_for(child) == []
    event = ChronologyEvent.objects.get(child=child, event_type="cin_episode.closed")
    assert (
        describe(event)
        == "Child in need episode closed: Services ceased for any other reason, including child no longer in need."
    )


def test_the_case_does_not_close_before_the_referral_or_without_a_reason(worker, child, episode):
    with pytest.raises(ValidationError) as error:
        services.episode_close(actor=worker, episode=episode, closure_date=D(2025, 4, 30), reason="")
    assert {"closure_date", "closure_reason"} <= set(error.value.message_dict)
    assert CINEpisode.objects.get().is_open


def test_the_case_does_not_close_with_a_plan_or_an_assessment_open(worker, child):
    make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    make_assessment(worker, child, start_date=D(2025, 5, 2))
    episode = CINEpisode.objects.get()
    with pytest.raises(ValidationError) as error:
        services.episode_close(actor=worker, episode=episode, closure_date=TODAY, reason="RC7")
    assert any("End the child protection plan" in m for m in error.value.messages)
    assert any("must be authorised" in m for m in error.value.messages)
    assert CINEpisode.objects.get().is_open


def test_the_case_does_not_close_before_the_last_date_in_it(worker, manager, child, episode):
    assessment = submit_assessment(worker, make_assessment(worker, child, start_date=D(2025, 5, 2)))
    assessment_authorise(
        actor=manager, assessment=assessment, authorised_on=D(2025, 5, 20), rationale="Needs are clear."
    )
    with pytest.raises(ValidationError, match="on or after 20 May 2025"):
        services.episode_close(actor=worker, episode=episode, closure_date=D(2025, 5, 19), reason="RC8")


def test_a_closed_episode_is_not_closed_again(worker, child, episode):
    services.episode_close(actor=worker, episode=episode, closure_date=TODAY, reason="RC8")
    with pytest.raises(ValidationError, match="closed on 2 June 2025"):
        services.episode_close(actor=worker, episode=episode, closure_date=TODAY, reason="RC8")
