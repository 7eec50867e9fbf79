"""The looked-after services: what each saves, and every refusal, after which nothing at all is
saved (no rows, no chronology event, no due item)."""

import contextlib
import datetime

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError

from casework.chronology import describe
from casework.models import ChronologyEvent
from codelists.ssda903 import ReasonEpisodeCeased
from looked_after import services
from looked_after.models import (
    Episode,
    IROAssignment,
    IROContact,
    LAReview,
    MissingEpisode,
    PeriodOfCare,
    Placement,
    ReturnInterview,
    SchoolPlacement,
)
from looked_after.services import PlacementDetails
from looked_after.tests.factories import FOSTER, HOME, NEW_FOSTER, WITH_PARENTS, at, move, start_care
from people.models import Person
from timescales.models import DueItem
from workforce.roles import Role

D = datetime.date


def _counts():
    models = [m for m in apps.get_app_config("looked_after").get_models() if not m._meta.label.endswith("Event")]
    return {m._meta.label: m.objects.count() for m in models} | {
        "chronology": ChronologyEvent.objects.count(),
        "due": DueItem.objects.count(),
    }


@contextlib.contextmanager
def refused(*messages):
    """The block raises a ValidationError naming each message, and nothing is saved."""
    before = _counts()
    with pytest.raises(ValidationError) as caught:
        yield caught
    text = " ".join(caught.value.messages)
    for message in messages:
        assert message in text, text
    assert _counts() == before


# --- Starting to be looked after ------------------------------------------------------------------


def test_a_child_starts_to_be_looked_after_with_a_period_a_placement_and_an_episode(worker, child, today):
    period = start_care(worker, child, D(2025, 6, 2))
    episode = Episode.objects.get(period=period)
    assert (episode.start_date, episode.reason_new_episode, episode.legal_status, episode.end_date) == (
        D(2025, 6, 2),
        "S",
        "V2",
        None,
    )
    assert episode.placement.placement_type == "U6" and episode.placement.postcode == "NE1 4XF"
    assert episode.home_postcode == "NE6 1AA" and episode.short_break is False
    assert ChronologyEvent.objects.filter(child=child, event_type="looked_after.started").count() == 1
    assert DueItem.objects.filter(person=child, rule_code="la_review").exists()


def test_postcodes_are_tidied_and_urns_capitalised(worker, child, today):
    details = PlacementDetails(placement_type="K2", provider="PR4", postcode="dh13le", ofsted_urn="sc123456")
    period = start_care(worker, child, D(2025, 6, 2), placement=details, home_postcode="ne61aa")
    placement = Placement.objects.get(period=period)
    assert (placement.postcode, placement.ofsted_urn) == ("DH1 3LE", "SC123456")
    assert Episode.objects.get(period=period).home_postcode == "NE6 1AA"


def test_short_breaks_are_marked_on_the_episode(worker, child, today):
    period = start_care(worker, child, D(2025, 6, 2), legal_status="V3")
    assert Episode.objects.get(period=period).short_break is True


def test_a_placement_without_a_legal_status_is_refused(worker, child, today):
    with refused("Select the legal status: a child cannot be placed without one"):
        start_care(worker, child, D(2025, 6, 2), legal_status="")


@pytest.mark.parametrize(
    "details, message",
    [
        (PlacementDetails("U6", "PR0", "NE1 4XF"), "Parents (PR0) can only provide a placement with parents (P1)"),
        (PlacementDetails("P1", "PR1", "NE1 4XF"), "cannot be provided by"),
        (PlacementDetails("R2", "PR2", "NE1 4XF"), "cannot be provided by"),
        (PlacementDetails("U6", "PR1", "not a postcode"), "postcode"),
        (PlacementDetails("U6", "PR1", ""), "Enter the placement postcode"),
        (PlacementDetails("P1", "PR0", "NE1 4XF", ofsted_urn="123456"), "Leave the Ofsted URN blank"),
        (PlacementDetails("K2", "PR4", "NE1 4XF", ofsted_urn="12AB"), "Enter the Ofsted URN as 6 or 7 digits"),
        (
            PlacementDetails("K2", "PR4", "NE1 4XF", temporary_approval=True),
            "Only a foster placement with relatives or friends",
        ),
        (PlacementDetails("", "PR4", "NE1 4XF"), "Select the placement type"),
        (PlacementDetails("U6", "PR4", "NE6 1AA"), "same as the child's home postcode"),
        (
            PlacementDetails("U6", "PR4", "NE1 4XF", local_authority="XYZ"),
            "Select the local authority the placement is in",
        ),
        # Own provision outside the authority's own area (rule 1015), for a type that must be inside.
        (PlacementDetails("K2", "PR1", "B91 1XJ", local_authority="334"), "own provision (PR1) of this type is inside"),
    ],
)
def test_placement_codes_that_would_fail_the_return_are_refused(worker, child, today, details, message):
    with refused(message):
        start_care(worker, child, D(2025, 6, 2), placement=details)


def test_own_foster_carers_may_live_in_another_authority(worker, child, today, settings):
    settings.OPENCSC_LA_CODE = "391"
    start_care(worker, child, D(2025, 6, 2), placement=PlacementDetails("U6", "PR1", "B91 1XJ", local_authority="334"))
    assert Placement.objects.get().local_authority == "334"


def test_placed_with_parents_may_share_the_home_postcode(worker, child, today):
    start_care(worker, child, D(2025, 6, 2), legal_status="C1", placement=WITH_PARENTS)
    assert Placement.objects.get().with_parents


@pytest.mark.parametrize(
    "day, message",
    [
        (None, "Enter the date the child started to be looked after"),
        (D(2025, 6, 3), "must be today or in the past"),
        (D(2015, 3, 26), "on or after the child's date of birth"),
    ],
)
def test_start_dates_are_checked(worker, child, today, day, message):
    with refused(message):
        start_care(worker, child, day)


def test_a_child_already_looked_after_cannot_start_again(worker, child, today):
    start_care(worker, child, D(2025, 5, 1))
    with refused("is already looked after, since 1 May 2025"):
        start_care(worker, child, D(2025, 6, 1))


def test_a_new_period_starts_after_the_last_one_ended_never_the_same_day(worker, child, today):
    start_care(worker, child, D(2025, 3, 1))
    services.period_end(actor=worker, child=child, end_date=D(2025, 4, 1), reason_ceased="E4A")
    with refused("must be after 1 April 2025, when the last period of care ended"):
        start_care(worker, child, D(2025, 4, 1))
    start_care(worker, child, D(2025, 4, 2))
    assert PeriodOfCare.objects.filter(child=child).count() == 2


def test_roles_that_only_read_cannot_record(make_staff, child, today):
    leader = make_staff(Role.SENIOR_LEADER)
    before = _counts()
    with pytest.raises(PermissionDenied):
        start_care(leader, child, D(2025, 6, 2))
    assert _counts() == before


def test_an_adult_cannot_be_looked_after(worker, today):
    from people.services import person_create

    mother = person_create(actor=worker, is_child=False, given_name="Sarah", family_name="Smith")
    with refused("child's own record"):
        start_care(worker, mother, D(2025, 6, 2))


# --- Changes: one service, the episodes always end to end -----------------------------------------


def test_a_move_ends_the_episode_and_placement_and_starts_the_next_the_same_day(worker, child, today):
    period = start_care(worker, child, D(2025, 5, 1))
    episode = move(worker, child, D(2025, 5, 20))
    first, second = Episode.objects.filter(period=period).order_by("start_date")
    assert (first.end_date, first.reason_ceased, first.reason_place_change) == (D(2025, 5, 20), "X1", "CARPL")
    assert (second.start_date, second.reason_new_episode, second.legal_status) == (D(2025, 5, 20), "P", "V2")
    assert second == episode and second.placement != first.placement
    assert first.placement.end_date == D(2025, 5, 20) and second.placement.end_date is None
    assert second.category_of_need == first.category_of_need and second.home_postcode == first.home_postcode


@pytest.mark.parametrize(
    "legal_status, placement, same_carers, rne",
    [
        ("C1", None, False, "L"),
        (None, NEW_FOSTER, False, "P"),
        (None, NEW_FOSTER, True, "T"),
        ("C1", NEW_FOSTER, False, "B"),
        ("C1", NEW_FOSTER, True, "U"),
    ],
)
def test_the_reason_for_the_new_episode_follows_from_what_changed(
    worker, child, today, legal_status, placement, same_carers, rne
):
    start_care(worker, child, D(2025, 5, 1))
    if placement is not None:
        placement = PlacementDetails(**{**placement.__dict__, "same_carers": same_carers})
    episode = services.episode_change(
        actor=worker,
        child=child,
        change_date=D(2025, 5, 20),
        legal_status=legal_status,
        placement=placement,
        reason_place_change="CARPL" if placement else "",
    )
    assert episode.reason_new_episode == rne
    # A change of legal status alone keeps the child in the same placement.
    assert (Placement.objects.filter(child=child).count() == 1) == (placement is None)


def test_a_change_of_legal_status_to_a_care_order(worker, child, today):
    start_care(worker, child, D(2025, 5, 1))
    episode = services.episode_change(actor=worker, child=child, change_date=D(2025, 5, 20), legal_status="C2")
    assert (episode.legal_status, episode.reason_new_episode) == ("C2", "L")
    event = ChronologyEvent.objects.get(event_type="looked_after.episode_changed")
    assert describe(event) == "Change of legal status only. Legal status: C2, Full care order."


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"change_date": D(2025, 5, 1)}, "must be after 1 May 2025, when the current episode started"),
        ({"change_date": D(2025, 4, 1)}, "must be after 1 May 2025"),
        ({"change_date": D(2025, 6, 3)}, "must be today or in the past"),
        ({"change_date": None}, "Enter the date of the change"),
        ({"change_date": D(2025, 5, 20), "legal_status": "V2"}, "The legal status is already V2"),
        ({"change_date": D(2025, 5, 20), "legal_status": "XX"}, "Select the legal status"),
        ({"change_date": D(2025, 5, 20), "placement": NEW_FOSTER}, "Select the reason for the change of placement"),
    ],
)
def test_changes_are_refused_with_a_clear_message_and_nothing_saved(worker, child, today, kwargs, message):
    start_care(worker, child, D(2025, 5, 1))
    with refused(message):
        services.episode_change(actor=worker, child=child, **kwargs)


def test_an_episode_after_the_period_ended_is_refused(worker, child, today):
    start_care(worker, child, D(2025, 5, 1))
    services.period_end(actor=worker, child=child, end_date=D(2025, 5, 10), reason_ceased="E4A")
    with refused("Jay Smith is not looked after: start a period of care first"):
        move(worker, child, D(2025, 5, 20))


def test_the_database_refuses_overlapping_episodes_even_if_a_service_did_not(worker, child, today):
    from django.db import IntegrityError, transaction

    period = start_care(worker, child, D(2025, 5, 1))
    current = Episode.objects.get(period=period)
    with pytest.raises(IntegrityError), transaction.atomic():
        Episode.objects.create(
            child=child,
            period=period,
            placement=current.placement,
            start_date=D(2025, 5, 10),
            reason_new_episode="L",
            legal_status="C1",
            category_of_need="N1",
            home_postcode="NE6 1AA",
            recorded_by=worker,
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        PeriodOfCare.objects.create(child=child, start_date=D(2025, 5, 20), started_by=worker)


# --- Ceasing to be looked after -----------------------------------------------------------------------


def test_ceasing_to_be_looked_after_ends_the_episode_placement_period_and_iro(worker, child, iro, today):
    period = start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    services.period_end(actor=worker, child=child, end_date=D(2025, 5, 30), reason_ceased="E4A")
    period.refresh_from_db()
    episode = Episode.objects.get(period=period)
    assert (period.end_date, episode.end_date, episode.reason_ceased) == (D(2025, 5, 30), D(2025, 5, 30), "E4A")
    assert Placement.objects.get().end_date == D(2025, 5, 30)
    assert IROAssignment.objects.get().end_date == D(2025, 5, 30)
    assert not DueItem.objects.open().filter(person=child, rule_code__in=["la_review", "reg28_visit"]).exists()


@pytest.mark.parametrize(
    "end_date, reason, message",
    [
        (D(2025, 4, 30), "E4A", "must be on or after 1 May 2025"),
        (D(2025, 5, 30), "X1", "X1 is for an episode followed by another the same day"),
        (D(2025, 5, 30), "", "Select the reason the child ceased to be looked after"),
        (D(2025, 6, 3), "E4A", "must be today or in the past"),
    ],
)
def test_ending_is_refused_with_a_clear_message(worker, child, today, end_date, reason, message):
    start_care(worker, child, D(2025, 5, 1))
    with refused(message):
        services.period_end(actor=worker, child=child, end_date=end_date, reason_ceased=reason)


def test_a_one_day_period_of_care_is_allowed(worker, child, today):
    start_care(worker, child, D(2025, 6, 2))
    services.period_end(actor=worker, child=child, end_date=D(2025, 6, 2), reason_ceased=ReasonEpisodeCeased.E4A)
    assert Episode.objects.get().end_date == D(2025, 6, 2)


# --- UASC --------------------------------------------------------------------------------------------


def test_uasc_status_and_the_date_it_ceased_keep_the_persons_flag(worker, child, today):
    services.uasc_record(actor=worker, child=child, uasc_from=D(2025, 1, 5))
    assert Person.objects.get(pk=child.pk).uasc is True
    services.uasc_record(actor=worker, child=child, uasc_from=D(2025, 1, 5), ceased_on=D(2025, 5, 1))
    person = Person.objects.get(pk=child.pk)
    assert person.uasc is False and person.uasc_status.ceased_on == D(2025, 5, 1)
    with refused("must be on or after the date it started"):
        services.uasc_record(actor=worker, child=child, uasc_from=D(2025, 1, 5), ceased_on=D(2025, 1, 1))


# --- Placed with parents ---------------------------------------------------------------------------


def test_the_placed_with_parents_agreement_belongs_to_the_current_p1_placement(worker, child, today):
    start_care(worker, child, D(2025, 3, 1), legal_status="C2")
    with refused("Jay Smith is not placed with parents"):
        services.pwp_agreement_record(actor=worker, child=child, parent_name="Ms Smith")
    move(worker, child, D(2025, 4, 1), WITH_PARENTS)
    agreement = services.pwp_agreement_record(
        actor=worker,
        child=child,
        parent_name="Ms Smith",
        agreement_signed_on=D(2025, 4, 1),
        discharge_plan="Apply to discharge the order after 6 months of stability",
        discharge_target_date=D(2025, 10, 1),
    )
    again = services.pwp_agreement_record(
        actor=worker, child=child, parent_name="Ms Smith and Mr Smith", discharge_target_date=D(2025, 11, 1)
    )
    assert again.pk == agreement.pk and again.placement.placement_type == "P1"
    with refused("Enter who the child is placed with"):
        services.pwp_agreement_record(actor=worker, child=child, parent_name=" ")


# --- IRO, reviews, actions, contact, care plan -------------------------------------------------------


def test_an_iro_is_appointed_and_handed_over(worker, child, iro, make_staff, today):
    start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    second = make_staff(Role.IRO)
    services.iro_assign(actor=worker, child=child, iro=second, start_date=D(2025, 5, 20))
    first, now = IROAssignment.objects.order_by("start_date")
    assert (first.end_date, now.iro, now.end_date) == (D(2025, 5, 20), second, None)
    with refused("is already the IRO for this child"):
        services.iro_assign(actor=worker, child=child, iro=second, start_date=D(2025, 5, 21))
    with refused("Select an independent reviewing officer"):
        services.iro_assign(actor=worker, child=child, iro=worker, start_date=D(2025, 5, 21))
    with refused("on or after 20 May 2025, when the current IRO was appointed"):
        services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 19))


def test_a_review_is_chaired_by_the_iro_of_the_day_and_records_their_contact(worker, child, iro, today):
    start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    review = services.review_record(
        actor=iro,
        child=child,
        held_on=D(2025, 5, 28),
        participation="PN1",
        summary="Settled; contact with mother weekly.",
        iro_contact_on=D(2025, 5, 27),
    )
    assert review.chaired_by == iro and review.period.start_date == D(2025, 5, 1)
    assert IROContact.objects.get().contact_on == D(2025, 5, 27)
    action = services.review_action_add(
        actor=iro, review=review, action="Arrange a dental check", owner="Social worker", due_date=D(2025, 6, 30)
    )
    services.review_action_complete(actor=worker, action=action, completed_on=D(2025, 6, 2))
    action.refresh_from_db()
    assert action.completed_on == D(2025, 6, 2) and action.completed_by == worker
    with refused("This action was done on 2 June 2025"):
        services.review_action_complete(actor=worker, action=action, completed_on=D(2025, 6, 2))


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"held_on": D(2025, 4, 30)}, "The child was not looked after on that date"),
        ({"held_on": D(2025, 6, 3)}, "must be today or in the past"),
        ({"participation": "PN9"}, "Select how the child took part in the review"),
        ({"participation": "PN0"}, "PN0 is for a child under 4"),
        ({"iro_contact_on": D(2025, 5, 29)}, "must be on or before the review"),
    ],
)
def test_reviews_are_refused_with_a_clear_message(worker, child, iro, today, kwargs, message):
    start_care(worker, child, D(2025, 5, 1))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 2))
    with refused(message):
        services.review_record(actor=iro, child=child, **({"held_on": D(2025, 5, 28), "participation": "PN1"} | kwargs))


def test_two_reviews_on_one_day_are_refused(worker, child, iro, today):
    start_care(worker, child, D(2025, 5, 1))
    services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    with refused("A review on 28 May 2025 is already recorded"):
        services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")


def test_review_actions_need_an_action_an_owner_and_a_date_on_or_after_the_review(worker, child, iro, today):
    start_care(worker, child, D(2025, 5, 1))
    review = services.review_record(actor=iro, child=child, held_on=D(2025, 5, 28), participation="PN1")
    with refused("Enter the action", "Enter who will do it", "on or after the date of the review"):
        services.review_action_add(actor=iro, review=review, action="", owner="", due_date=D(2025, 5, 1))


def test_iro_contact_is_recorded_by_an_iro_while_the_child_is_looked_after(worker, child, iro, today):
    start_care(worker, child, D(2025, 5, 1))
    services.iro_contact_record(actor=iro, child=child, contact_on=D(2025, 5, 5), method="video")
    assert IROContact.objects.get().iro == iro
    with refused("Only an independent reviewing officer's contact"):
        services.iro_contact_record(actor=worker, child=child, contact_on=D(2025, 5, 5), method="video")
    with refused("The child was not looked after on that date"):
        services.iro_contact_record(actor=iro, child=child, contact_on=D(2025, 4, 5), method="video")


def test_a_care_plan_belongs_to_the_open_period(worker, child, today):
    with refused("is not looked after"):
        services.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 5, 1))
    start_care(worker, child, D(2025, 5, 1))
    services.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 4, 28))
    with refused("a care plan belongs to the period of care it plans"):
        services.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 1, 1))


# --- Health and education --------------------------------------------------------------------------


def test_health_records(worker, child, today):
    services.health_check_record(actor=worker, child=child, kind="iha", done_on=D(2025, 5, 10))
    services.immunisation_record(actor=worker, child=child, checked_on=D(2025, 5, 10), up_to_date=True)
    services.sdq_record(actor=worker, child=child, completed_on=D(2025, 5, 10), score=14)
    services.sdq_record(actor=worker, child=child, completed_on=D(2025, 5, 11), reason="SDQ2")
    services.substance_misuse_record(
        actor=worker, child=child, identified_on=D(2025, 5, 10), intervention_offered=True, intervention_received=False
    )
    services.conviction_record(actor=worker, child=child, convicted_on=D(2025, 5, 10))
    assert ChronologyEvent.objects.filter(child=child, event_type__startswith="health.").count() == 6


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda w, c: services.health_check_record(actor=w, child=c, kind="xray", done_on=D(2025, 5, 1)),
            "Select what was done",
        ),
        (
            lambda w, c: services.health_check_record(actor=w, child=c, kind="iha", done_on=D(2025, 6, 3)),
            "today or in the past",
        ),
        (
            lambda w, c: services.sdq_record(actor=w, child=c, completed_on=D(2025, 5, 1)),
            "Enter the score, or select the reason",
        ),
        (lambda w, c: services.sdq_record(actor=w, child=c, completed_on=D(2025, 5, 1), score=41), "between 0 and 40"),
        (
            lambda w, c: services.sdq_record(actor=w, child=c, completed_on=D(2025, 5, 1), score=3, reason="SDQ1"),
            "Leave the reason blank",
        ),
        (
            lambda w, c: services.substance_misuse_record(
                actor=w, child=c, identified_on=D(2025, 5, 1), intervention_offered=False, intervention_received=True
            ),
            "cannot have been received if none was offered",
        ),
        (lambda w, c: services.conviction_record(actor=w, child=c, convicted_on=D(2024, 5, 1)), "10 or over"),
        (
            lambda w, c: services.immunisation_record(actor=w, child=c, checked_on=D(2025, 5, 1), up_to_date=None),
            "Select whether",
        ),
    ],
)
def test_health_records_are_refused_with_a_clear_message(worker, child, today, call, message):
    with refused(message):
        call(worker, child)


def test_peps_and_schools(worker, child, today):
    services.pep_record(actor=worker, child=child, held_on=D(2025, 5, 10))
    with refused("A PEP meeting on 10 May 2025 is already recorded"):
        services.pep_record(actor=worker, child=child, held_on=D(2025, 5, 10))
    services.school_change(
        actor=worker, child=child, school_name="St Mary's Primary", school_urn="123456", start_date=D(2024, 9, 4)
    )
    services.school_change(actor=worker, child=child, school_name="Heaton Manor", start_date=D(2025, 5, 1))
    old, new = SchoolPlacement.objects.order_by("start_date")
    assert (old.end_date, new.end_date, new.school_name) == (D(2025, 5, 1), None, "Heaton Manor")
    with refused("must be after 1 May 2025, when the child started at Heaton Manor"):
        services.school_change(actor=worker, child=child, school_name="Elsewhere", start_date=D(2025, 5, 1))
    with refused("Enter the name of the school", "6 digits"):
        services.school_change(actor=worker, child=child, school_name="", school_urn="12", start_date=D(2025, 5, 20))


# --- Missing ---------------------------------------------------------------------------------------------


def test_a_missing_episode_its_return_and_the_return_home_interview(worker, child, today):
    period = start_care(worker, child, D(2025, 5, 1))
    episode = services.missing_start(
        actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22), reported_to_police=True
    )
    assert episode.period == period and episode.is_open
    services.missing_return(actor=worker, episode=episode, returned_at=at(D(2025, 5, 31), 14, 30))
    interview = services.return_interview_record(
        actor=worker,
        episode=episode,
        offered_at=at(D(2025, 6, 1), 10),
        accepted=True,
        held_on=D(2025, 6, 2),
        interviewer="Missing People",
        learned="Went to see friends in Gateshead; felt unheard at the placement.",
    )
    assert interview.accepted and ReturnInterview.objects.get().missing_episode == episode
    events = list(
        ChronologyEvent.objects.filter(child=child, event_type__startswith="missing.").values_list(
            "event_type", flat=True
        )
    )
    assert sorted(events) == ["missing.return_interview", "missing.returned", "missing.started"]


def test_a_missing_episode_ending_before_it_started_is_refused(worker, child, today):
    with refused("The time the child returned must be after the time they went missing"):
        services.missing_start(
            actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22), returned_at=at(D(2025, 5, 30), 21)
        )
    episode = services.missing_start(actor=worker, child=child, kind="A", started_at=at(D(2025, 5, 30), 22))
    with refused("must be after the time they went missing, 30 May 2025 at 22:00"):
        services.missing_return(actor=worker, episode=episode, returned_at=at(D(2025, 5, 30), 22))


def test_a_child_cannot_go_missing_twice_at_once(worker, child, today):
    services.missing_start(actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22))
    with refused("has been missing since 30 May 2025 at 22:00: record their return first"):
        services.missing_start(actor=worker, child=child, kind="M", started_at=at(D(2025, 6, 1), 9))


def test_overlapping_missing_episodes_are_refused(worker, child, today):
    services.missing_start(
        actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 1), 22), returned_at=at(D(2025, 5, 3), 10)
    )
    with refused("overlaps the missing episode from 1 May 2025 at 22:00 to 3 May 2025 at 10:00"):
        services.missing_start(
            actor=worker, child=child, kind="A", started_at=at(D(2025, 4, 30), 22), returned_at=at(D(2025, 5, 2), 10)
        )
    # Back at 10:00 and gone again at 10:00 is two episodes end to end, not an overlap.
    services.missing_start(
        actor=worker, child=child, kind="A", started_at=at(D(2025, 5, 3), 10), returned_at=at(D(2025, 5, 3), 18)
    )
    assert MissingEpisode.objects.count() == 2


def test_a_return_home_interview_before_the_return_is_refused(worker, child, today):
    episode = services.missing_start(actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22))
    with refused("Record the child's return before the return home interview"):
        services.return_interview_record(
            actor=worker, episode=episode, offered_at=at(D(2025, 5, 31), 9), accepted=False
        )
    services.missing_return(actor=worker, episode=episode, returned_at=at(D(2025, 5, 31), 14))
    with refused("The interview cannot be offered before the child returned, 31 May 2025 at 14:00"):
        services.return_interview_record(
            actor=worker, episode=episode, offered_at=at(D(2025, 5, 31), 13), accepted=False
        )
    with refused("Leave the date of the interview blank: the child declined it"):
        services.return_interview_record(
            actor=worker, episode=episode, offered_at=at(D(2025, 5, 31), 15), accepted=False, held_on=D(2025, 6, 1)
        )
    services.return_interview_record(actor=worker, episode=episode, offered_at=at(D(2025, 5, 31), 15), accepted=False)
    with refused("already recorded"):
        services.return_interview_record(
            actor=worker, episode=episode, offered_at=at(D(2025, 5, 31), 16), accepted=True
        )


def test_a_missing_episode_of_a_child_not_in_care_has_no_period(worker, child, today):
    episode = services.missing_start(actor=worker, child=child, kind="M", started_at=at(D(2025, 5, 30), 22))
    assert episode.period is None


def test_everything_is_in_one_transaction_a_failure_after_the_write_leaves_nothing(worker, child, today, monkeypatch):
    from looked_after.services import common

    def broken(*args, **kwargs):
        raise RuntimeError("the engine failed")

    monkeypatch.setattr(common, "refresh_due_items", broken)
    before = _counts()
    with pytest.raises(RuntimeError):
        start_care(worker, child, D(2025, 6, 2))
    assert _counts() == before
    assert not LAReview.objects.exists()
