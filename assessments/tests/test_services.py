"""Writes: start, save, submit, authorise (never by its author) and return. All or nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from assessments import sections, services
from assessments.framework import SECTIONS
from assessments.models import Assessment
from casework.chronology import describe
from casework.models import ChronologyEvent
from children_in_need.testing import TODAY, at, decide_referral, make_assessment, make_referral, submit_assessment
from timescales.models import DueItem
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")

RATIONALE = "The analysis shows Jay's needs are met with support at home; a CIN plan is right."


@pytest.fixture
def episode(worker, child):
    referral = make_referral(worker, child)
    decide_referral(worker, referral)
    return referral.episode


def events(child, event_type):
    return ChronologyEvent.objects.filter(child=child, event_type=event_type)


def test_an_assessment_starts_in_the_open_episode(worker, child, episode):
    assessment = make_assessment(worker, child)
    assert assessment.episode == episode and assessment.author == worker and assessment.status == "in_progress"
    assert describe(events(child, "assessment.started").get()) == "Assessment started on 2 June 2025."


def test_an_assessment_cannot_start_before_the_referral_or_in_the_future(worker, child, episode):
    for start, message in [
        (TODAY - datetime.timedelta(days=1), "before the referral on 2 June 2025"),
        (TODAY + datetime.timedelta(days=1), "today or in the past"),
    ]:
        with pytest.raises(ValidationError) as error:
            make_assessment(worker, child, start_date=start)
        assert message in error.value.message_dict["start_date"][0]
    assert not Assessment.objects.exists()


def test_an_assessment_needs_an_open_episode(worker, child):
    with pytest.raises(ValidationError, match="no open child in need episode"):
        make_assessment(worker, child)


def test_one_assessment_in_hand_per_episode(worker, child, episode):
    make_assessment(worker, child)
    with pytest.raises(ValidationError, match="not authorised yet"):
        make_assessment(worker, child)
    assert Assessment.objects.count() == 1


def test_submitting_needs_every_section_completed(worker, child, episode):
    assessment = make_assessment(worker, child)
    with pytest.raises(ValidationError) as error:
        services.assessment_submit(actor=worker, assessment=assessment)
    assert list(error.value.message_dict) == [section.slug for section in SECTIONS]
    assert error.value.message_dict["childs-voice"] == ["Complete ‘The child's voice’"]
    assert Assessment.objects.get().status == "in_progress"


def test_no_factors_identified_goes_on_its_own(worker, child, episode):
    assessment = make_assessment(worker, child)
    with pytest.raises(ValidationError) as error:
        submit_assessment(worker, assessment, factors=["21", "3A"])
    assert "on its own" in error.value.message_dict["factors"][0]
    with pytest.raises(ValidationError):
        submit_assessment(worker, assessment, factors=["99Z"])


def test_a_draft_is_saved_without_submitting(worker, child, episode):
    assessment = make_assessment(worker, child)
    services.assessment_section_save(
        actor=worker, assessment=assessment, section="analysis", analysis="So far...", factors=["4B"]
    )
    saved = Assessment.objects.get()
    assert saved.analysis == "So far..." and saved.factors == ["4B"] and saved.status == "in_progress"
    assert sections.status(saved, "analysis") == "In progress" and saved.completed_sections == []


def test_the_manager_authorises_and_the_45_day_item_is_met(worker, manager, child, episode):
    assessment = submit_assessment(worker, make_assessment(worker, child))
    services.assessment_authorise(actor=manager, assessment=assessment, rationale=RATIONALE)
    saved = Assessment.objects.get()
    assert saved.status == "authorised" and saved.authorised_on == TODAY and saved.authorised_by == manager
    item = DueItem.objects.get(person=child, rule_code="assessment_45wd")
    assert item.completed_at is not None and item.completed_late is False
    assert "after 0 working days from the referral" in describe(events(child, "assessment.authorised").get())


def test_an_author_cannot_authorise_their_own_assessment(make_staff, team, child, episode, manager):
    """A manager who wrote the assessment is refused with a message; nothing changes."""
    assessment = submit_assessment(manager, make_assessment(manager, child))
    with pytest.raises(ValidationError, match="cannot authorise an assessment you wrote"):
        services.assessment_authorise(actor=manager, assessment=assessment, rationale=RATIONALE)
    assert Assessment.objects.get().status == "submitted"
    assert not events(child, "assessment.authorised").exists()


def test_the_database_refuses_self_authorisation_too(worker, child, episode):
    assessment = make_assessment(worker, child)
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.filter(pk=assessment.pk).update(
            status="authorised", authorised_by=worker, authorised_on=TODAY, authorised_at=at(TODAY)
        )


def test_a_social_worker_or_another_teams_manager_cannot_authorise(worker, child, episode, make_staff, other_team):
    assessment = submit_assessment(worker, make_assessment(worker, child))
    colleague = make_staff(Role.SOCIAL_WORKER, team=worker.team)
    other_manager = make_staff(Role.TEAM_MANAGER, team=other_team)
    for actor in (colleague, other_manager):
        with pytest.raises(PermissionDenied):
            services.assessment_authorise(actor=actor, assessment=assessment, rationale=RATIONALE)
    assert Assessment.objects.get().status == "submitted"


def test_a_returned_assessment_goes_back_to_its_author_with_comments(worker, manager, child, episode):
    assessment = submit_assessment(worker, make_assessment(worker, child))
    with pytest.raises(ValidationError):
        services.assessment_return(actor=manager, assessment=assessment, comments=" ")
    services.assessment_return(actor=manager, assessment=assessment, comments="Add the father's view.")
    saved = Assessment.objects.get()
    assert saved.status == "returned" and saved.return_comments == "Add the father's view."
    submit_assessment(worker, saved, analysis="With the father's view.")
    assert Assessment.objects.get().status == "submitted"


def test_an_authorised_assessment_cannot_be_changed(worker, manager, child, episode):
    assessment = submit_assessment(worker, make_assessment(worker, child))
    services.assessment_authorise(actor=manager, assessment=assessment, rationale=RATIONALE)
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.assessment_section_save(actor=worker, assessment=assessment, section="analysis", analysis="Rewritten")


def test_past_45_working_days_the_reason_is_required_to_submit(worker, manager, child, episode, clock):
    assessment = make_assessment(worker, child)
    clock.travel_to(at(datetime.date(2025, 8, 4), 12))  # the due date itself: not late
    services.assessment_section_save(actor=worker, assessment=assessment, section="analysis", analysis="Draft")
    clock.travel_to(at(datetime.date(2025, 8, 5), 12))  # the day after
    with pytest.raises(ValidationError) as error:
        submit_assessment(worker, assessment)
    assert "due by 4 August 2025" in error.value.message_dict["late_reason"][0]
    submit_assessment(worker, assessment, late_reason="The family were away for three weeks.")
    services.assessment_authorise(actor=manager, assessment=assessment, rationale=RATIONALE)
    item = DueItem.objects.get(person=child, rule_code="assessment_45wd")
    assert item.completed_late is True
    assert "Late because: The family were away" in describe(events(child, "assessment.authorised").get())


def test_submitted_on_time_but_authorised_late_needs_the_reason_from_the_manager(
    worker, manager, child, episode, clock
):
    assessment = submit_assessment(worker, make_assessment(worker, child))
    clock.travel_to(at(datetime.date(2025, 8, 5), 12))
    with pytest.raises(ValidationError) as error:
        services.assessment_authorise(actor=manager, assessment=assessment, rationale=RATIONALE)
    assert "late_reason" in error.value.message_dict
    services.assessment_authorise(
        actor=manager, assessment=assessment, rationale=RATIONALE, late_reason="Manager on leave."
    )
    assert Assessment.objects.get().late_reason == "Manager on leave."
