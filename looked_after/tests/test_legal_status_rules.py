"""Issue 13, hand-off 5: a full care order was accepted for a young person aged 17½. Section 31(3)
of the Children Act 1989 forbids a care order (and so an interim one) at 17 or over; the other
legal statuses are checked against the law the same way, and nothing is saved when refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from looked_after import services
from looked_after.models import Episode, PeriodOfCare
from looked_after.tests.factories import start_care
from people.services import person_create

D = datetime.date


@pytest.fixture
def young_person(worker):
    # 17 on 1 December 2024: 17½ by June 2025.
    return person_create(actor=worker, given_name="Riley", family_name="Stone", date_of_birth=D(2007, 12, 1))


@pytest.mark.parametrize("status", ["C2", "C1"])
def test_no_care_order_at_17_or_over(worker, young_person, on, status):
    on(D(2025, 6, 2))
    with pytest.raises(ValidationError) as refused:
        start_care(worker, young_person, D(2025, 6, 2), legal_status=status)
    assert "cannot be made for a young person aged 17 or over" in str(refused.value.message_dict["legal_status"])
    assert "1 December 2024" in str(refused.value.message_dict["legal_status"])
    assert not PeriodOfCare.objects.filter(child=young_person).exists()


def test_a_care_order_the_day_before_the_17th_birthday_is_accepted(worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2024, 11, 30), legal_status="C2")
    assert Episode.objects.get(child=young_person).legal_status == "C2"


def test_section_20_at_17_is_accepted_but_a_change_to_a_care_order_is_refused(worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2025, 3, 1), legal_status="V2")
    with pytest.raises(ValidationError) as refused:
        services.episode_change(actor=worker, child=young_person, change_date=D(2025, 5, 1), legal_status="C2")
    assert "aged 17 or over" in str(refused.value.message_dict["legal_status"])
    assert Episode.objects.filter(child=young_person).count() == 1


def test_a_remand_is_refused_below_the_age_of_criminal_responsibility(worker, child, on):
    on(D(2025, 6, 2))  # Jay Smith, born 27 March 2015: 10 on 27 March 2025
    with pytest.raises(ValidationError) as refused:
        start_care(worker, child, D(2025, 3, 26), legal_status="J1")
    assert "age of criminal responsibility" in str(refused.value.message_dict["legal_status"])
    start_care(worker, child, D(2025, 3, 27), legal_status="J1")


def test_a_freeing_order_cannot_start_after_they_were_abolished(worker, child, on):
    on(D(2025, 6, 2))
    with pytest.raises(ValidationError) as refused:
        start_care(worker, child, D(2025, 5, 1), legal_status="D1")
    assert "Freeing orders were abolished on 30 December 2005" in str(refused.value.message_dict["legal_status"])


def test_no_one_starts_to_be_looked_after_at_18(worker, on):
    on(D(2025, 6, 2))
    adult = person_create(actor=worker, given_name="Sky", family_name="Old", date_of_birth=D(2007, 1, 1))
    with pytest.raises(ValidationError) as refused:
        start_care(worker, adult, D(2025, 2, 1), legal_status="V2")
    assert "not looked after" in str(refused.value.message_dict["legal_status"])


def test_correcting_an_episode_to_a_care_order_at_17_is_refused(worker, young_person, on):
    from looked_after.services.corrections import episode_correct

    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2025, 3, 1), legal_status="V2")
    episode = Episode.objects.get(child=young_person)
    with pytest.raises(ValidationError) as refused:
        episode_correct(
            actor=worker,
            child=young_person,
            episode=episode,
            start_date=episode.start_date,
            legal_status="C2",
            category_of_need=episode.category_of_need,
            home_postcode=episode.home_postcode or "",
            reason="Typed the wrong status",
        )
    assert "aged 17 or over" in str(refused.value.message_dict["legal_status"])
