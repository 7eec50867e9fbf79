"""Every looked-after child is a child in need (issue 13, hand-off 4; issue 16 finding 5): a
period of care belongs to the child's child in need episode, and opens one when none is open,
so the child is in the CIN census as well as the SSDA903."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from children_in_need.models import CINEpisode
from children_in_need.testing import decide_referral, make_referral
from looked_after.models import PeriodOfCare
from looked_after.tests.factories import at, start_care

D = datetime.date


def test_starting_care_with_no_episode_open_opens_one_on_the_day_care_began(worker, child, on):
    on(D(2025, 6, 2))
    start_care(worker, child, D(2025, 5, 30), category_of_need="N2")
    [episode] = CINEpisode.objects.filter(child=child)
    assert (episode.start_date, episode.end_date, episode.primary_need) == (D(2025, 5, 30), None, "N2")
    # Who referred is not known yet: the census's own "Unknown", decided as an assessment of needs.
    referral = episode.referral
    assert (referral.referral_date, referral.source, referral.next_step) == (D(2025, 5, 30), "10", "assessment")
    assert "opened with the period of care" in referral.concerns


def test_starting_care_during_an_open_episode_keeps_it(worker, manager, child, on, clock):
    clock.travel_to(at(D(2025, 5, 1), 10))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 1), 9), source="2A", primary_need="N1")
    decide_referral(manager, referral)
    on(D(2025, 6, 2))
    start_care(worker, child, D(2025, 5, 30))
    assert list(CINEpisode.objects.filter(child=child).values_list("referral__source", flat=True)) == ["2A"]


def test_care_cannot_start_before_the_child_in_need_episode_that_closed_after_it(worker, manager, child, on, clock):
    from children_in_need.services import episode_close

    clock.travel_to(at(D(2025, 5, 1), 10))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 1), 9), source="2A", primary_need="N1")
    episode = referral.episode
    clock.travel_to(at(D(2025, 5, 20), 10))
    episode_close(actor=manager, episode=episode, closure_date=D(2025, 5, 20), reason="RC7")
    on(D(2025, 6, 2))
    with pytest.raises(ValidationError) as refused:
        start_care(worker, child, D(2025, 5, 10))
    assert "start_date" in refused.value.message_dict
    assert "every looked-after child is a child in need" in refused.value.message_dict["start_date"][0]
    assert not PeriodOfCare.objects.filter(child=child).exists()  # nothing half-saved
