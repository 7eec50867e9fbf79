"""Corrections after saving: an episode's or a placement's wrong date or code put right, with a
reason. What the record and the chronology then say, and every refusal, after which nothing at
all has changed (no row, no event, no due item)."""

import contextlib
import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from casework.chronology import describe
from casework.models import ChronologyEvent
from looked_after import services
from looked_after.models import Episode, PeriodOfCare, Placement
from looked_after.tests.factories import NEW_FOSTER, move, start_care
from timescales.models import DueItem
from workforce.roles import Role

D = datetime.date


def _snapshot():
    rows = lambda model: sorted(model.objects.values_list())  # noqa: E731
    return (
        rows(Episode),
        rows(Placement),
        rows(PeriodOfCare),
        sorted(ChronologyEvent.objects.values_list("id", "occurred_at", "data")),
        rows(DueItem),
    )


@contextlib.contextmanager
def refused(*messages):
    """The block raises a ValidationError naming each message, and nothing has changed."""
    before = _snapshot()
    with pytest.raises(ValidationError) as caught:
        yield
    text = " ".join(caught.value.messages)
    for message in messages:
        assert message in text, text
    assert _snapshot() == before


@pytest.fixture
def moved(worker, child, today):
    """Looked after from 2 May 2025 (V2, Mr and Mrs Patel), moved on 12 May (Ms Okafor), a care
    order on 20 May: three episodes S, P, L."""
    start_care(worker, child, D(2025, 5, 2))
    move(worker, child, D(2025, 5, 12))
    services.episode_change(actor=worker, child=child, change_date=D(2025, 5, 20), legal_status="C2")
    return list(Episode.objects.filter(child=child).order_by("start_date"))


def correct(worker, child, episode, **changes):
    values = {
        "start_date": episode.start_date,
        "legal_status": episode.legal_status,
        "category_of_need": episode.category_of_need,
        "home_postcode": episode.home_postcode,
        "reason": "Typed the wrong date from the placement notice",
    }
    return services.episode_correct(actor=worker, child=child, episode=episode, **(values | changes))


def dates(child):
    return [(e.start_date, e.end_date) for e in Episode.objects.filter(child=child).order_by("start_date")]


def test_moving_a_move_earlier_moves_the_end_of_the_episode_and_placement_before(worker, child, moved):
    first, move_episode, _ = moved
    correct(worker, child, move_episode, start_date=D(2025, 5, 9))
    assert dates(child) == [(D(2025, 5, 2), D(2025, 5, 9)), (D(2025, 5, 9), D(2025, 5, 20)), (D(2025, 5, 20), None)]
    placements = [
        (p.carer_name, p.start_date, p.end_date) for p in Placement.objects.filter(child=child).order_by("start_date")
    ]
    assert placements == [("Mr and Mrs Patel", D(2025, 5, 2), D(2025, 5, 9)), ("Ms Okafor", D(2025, 5, 9), None)]


def test_moving_a_change_of_legal_status_later_leaves_the_placement_alone(worker, child, moved):
    _, _, care_order = moved
    correct(worker, child, care_order, start_date=D(2025, 5, 22))
    assert dates(child)[1:] == [(D(2025, 5, 12), D(2025, 5, 22)), (D(2025, 5, 22), None)]
    assert Placement.objects.get(child=child, carer_name="Ms Okafor").start_date == D(2025, 5, 12)


def test_correcting_the_first_episode_moves_the_start_of_the_period_and_its_due_items(worker, child, moved):
    first = moved[0]
    review = DueItem.objects.get(person=child, rule_code="la_review")
    correct(worker, child, first, start_date=D(2025, 5, 6))
    assert PeriodOfCare.objects.get(child=child).start_date == D(2025, 5, 6)
    assert Placement.objects.get(child=child, carer_name="Mr and Mrs Patel").start_date == D(2025, 5, 6)
    # 20 working days from 6 May (the bank holiday of 26 May between) rather than from 2 May.
    assert DueItem.objects.get(person=child, rule_code="la_review").due_date == D(2025, 6, 4) != review.due_date


def test_the_chronology_says_what_was_corrected_and_why_and_the_original_line_moves(worker, child, moved):
    _, move_episode, _ = moved
    correct(worker, child, move_episode, start_date=D(2025, 5, 9), home_postcode="ne6 2bb")
    correction = ChronologyEvent.objects.get(child=child, event_type="looked_after.corrected")
    assert describe(correction) == (
        "Correction to the episode from 12 May 2025: start date 12 May 2025 to 9 May 2025; home postcode NE6 1AA to "
        "NE6 2BB. Reason: Typed the wrong date from the placement notice"
    )
    original = ChronologyEvent.objects.get(
        child=child, event_type="looked_after.episode_changed", source_id=move_episode.pk
    )
    assert original.occurred_at.date() == D(2025, 5, 9)


def test_a_legal_status_corrected_follows_into_the_chronology_and_the_short_break_mark(worker, child, today):
    start_care(worker, child, D(2025, 5, 2))
    episode = Episode.objects.get(child=child)
    correct(worker, child, episode, legal_status="V3", reason="Agreed as a series of short breaks, not V2")
    assert Episode.objects.get(pk=episode.pk).short_break is True
    started = ChronologyEvent.objects.get(child=child, event_type="looked_after.started")
    assert "Legal status: V3" in describe(started)


def test_a_placement_corrected_keeps_its_dates_and_says_what_changed(worker, child, moved):
    placement = Placement.objects.get(child=child, carer_name="Ms Okafor")
    services.placement_correct(
        actor=worker,
        child=child,
        placement=placement,
        placement_type="U6",
        provider="PR4",
        postcode="NE3 2AD",
        ofsted_urn="1234568",
        carer_name="Ms Okafor",
        reason="URN and postcode copied wrongly from the referral",
    )
    placement.refresh_from_db()
    assert (placement.postcode, placement.ofsted_urn, placement.start_date) == ("NE3 2AD", "1234568", D(2025, 5, 12))
    text = describe(ChronologyEvent.objects.get(child=child, event_type="looked_after.corrected"))
    assert "postcode NE3 2AB to NE3 2AD; Ofsted URN 1234567 to 1234568" in text


# --- Refusals: a clear message, and nothing changed -----------------------------------------------------


def test_a_move_cannot_be_corrected_to_before_the_episode_before_started(worker, child, moved):
    with refused("must be after 2 May 2025, when the episode before started"):
        correct(worker, child, moved[1], start_date=D(2025, 5, 2))


def test_an_episode_cannot_be_corrected_to_start_on_or_after_the_next(worker, child, moved):
    with refused("must be before 20 May 2025, when the next episode started"):
        correct(worker, child, moved[1], start_date=D(2025, 5, 20))


def test_the_first_episode_cannot_be_corrected_into_the_last_period_of_care(worker, child, today):
    start_care(worker, child, D(2025, 1, 6))
    services.period_end(actor=worker, child=child, end_date=D(2025, 2, 1), reason_ceased="E13")
    start_care(worker, child, D(2025, 5, 2))
    episode = Episode.objects.get(child=child, end_date__isnull=True)
    with refused("must be after 1 February 2025, when the last period of care ended"):
        correct(worker, child, episode, start_date=D(2025, 1, 30))


def test_a_correction_needs_a_reason_and_a_change(worker, child, moved):
    with refused("Enter why the record is being corrected"):
        correct(worker, child, moved[1], start_date=D(2025, 5, 9), reason="  ")
    with refused("Nothing has been changed"):
        correct(worker, child, moved[1])


def test_a_change_of_legal_status_cannot_be_corrected_into_no_change(worker, child, moved):
    with refused("The episode before already has legal status V2"):
        correct(worker, child, moved[2], legal_status="V2")
    with refused("this episode's status must be a different one"):
        correct(worker, child, moved[1], legal_status="C2")


def test_an_episode_cannot_lose_its_legal_status_or_take_a_future_date(worker, child, moved):
    with refused("a child cannot be placed without one", "must be today or in the past"):
        correct(worker, child, moved[2], legal_status="", start_date=D(2025, 6, 9))


def test_a_placement_correction_is_checked_like_the_placement(worker, child, moved):
    placement = Placement.objects.get(child=child, carer_name="Ms Okafor")
    with refused("Leave the Ofsted URN blank"):
        services.placement_correct(
            actor=worker,
            child=child,
            placement=placement,
            placement_type="P1",
            provider="PR0",
            postcode="NE3 2AB",
            ofsted_urn="1234567",
            carer_name="Ms Okafor",
            reason="Wrong type",
        )
    with refused("same as the child's home postcode"):
        services.placement_correct(
            actor=worker,
            child=child,
            placement=placement,
            placement_type="U6",
            provider="PR4",
            postcode="NE6 1AA",
            ofsted_urn="",
            carer_name="Ms Okafor",
            reason="Wrong postcode",
        )


def test_a_role_that_only_reads_cannot_correct(make_staff, child, moved):
    with pytest.raises(PermissionDenied):
        correct(make_staff(Role.QA_OFFICER), child, moved[1], start_date=D(2025, 5, 9))


def test_an_episode_cannot_be_corrected_to_start_after_the_period_ended(worker, child, today):
    start_care(worker, child, D(2025, 5, 2))
    services.period_end(actor=worker, child=child, end_date=D(2025, 5, 30), reason_ceased="E13")
    episode = Episode.objects.get(child=child)
    with refused("must be on or before 30 May 2025, when the period of care ended"):
        correct(worker, child, episode, start_date=D(2025, 5, 31))


def test_the_period_cannot_be_corrected_to_start_after_what_was_recorded_in_it(worker, iro, child, moved):
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 6))
    with refused("cannot start after the IRO's appointment on 6 May 2025"):
        correct(worker, child, moved[0], start_date=D(2025, 5, 8))
    correct(worker, child, moved[0], start_date=D(2025, 5, 6))  # on the day of the appointment: fine
    assert PeriodOfCare.objects.get(child=child).start_date == D(2025, 5, 6)


@pytest.fixture
def ended(worker, iro, child, today):
    """Looked after from 2 May 2025, the IRO from 6 May, ceased on 30 May (E13)."""
    period = start_care(worker, child, D(2025, 5, 2))
    services.iro_assign(actor=worker, child=child, iro=iro, start_date=D(2025, 5, 6))
    services.period_end(actor=worker, child=child, end_date=D(2025, 5, 30), reason_ceased="E13")
    return period


def correct_end(worker, child, period, **changes):
    values = {
        "end_date": D(2025, 5, 30),
        "reason_ceased": "E13",
        "reason": "The end date was the day the decision was made",
    }
    return services.period_end_correct(actor=worker, child=child, period=period, **(values | changes))


def test_the_end_of_a_period_is_corrected_with_its_episode_placement_and_iro(worker, child, ended):
    correct_end(worker, child, ended, end_date=D(2025, 6, 1), reason_ceased="E4A")
    episode = Episode.objects.get(child=child)
    assert (episode.end_date, episode.reason_ceased) == (D(2025, 6, 1), "E4A")
    assert PeriodOfCare.objects.get(pk=ended.pk).end_date == D(2025, 6, 1)
    assert Placement.objects.get(child=child).end_date == D(2025, 6, 1)
    assert ended.iro_assignments.get().end_date == D(2025, 6, 1)
    original = ChronologyEvent.objects.get(child=child, event_type="looked_after.ended")
    assert original.occurred_at.date() == D(2025, 6, 1) and "(E4A)" in describe(original)
    correction = describe(ChronologyEvent.objects.get(child=child, event_type="looked_after.corrected"))
    assert correction.startswith(
        "Correction to the end of the period of care from 2 May 2025: end date 30 May 2025 to "
        "1 June 2025; reason ceased E13 to E4A."
    )


def test_the_end_of_a_period_is_refused_where_it_would_break_the_record(worker, iro, child, ended, on):
    with refused("must be on or after 2 May 2025, when the last episode started"):
        correct_end(worker, child, ended, end_date=D(2025, 5, 1))
    with refused("cannot end before the IRO's appointment on 6 May 2025"):
        correct_end(worker, child, ended, end_date=D(2025, 5, 5))
    with refused("X1 is for an episode followed by another the same day"):
        correct_end(worker, child, ended, reason_ceased="X1")
    with refused("Nothing has been changed"):
        correct_end(worker, child, ended)
    on(D(2025, 6, 20))
    start_care(worker, child, D(2025, 6, 10))
    with refused("must be before 10 June 2025, when the next period of care started"):
        correct_end(worker, child, ended, end_date=D(2025, 6, 10))


def test_an_open_period_has_no_end_to_correct(worker, child, moved):
    with refused("is still looked after"):
        correct_end(worker, child, PeriodOfCare.objects.get(child=child))
