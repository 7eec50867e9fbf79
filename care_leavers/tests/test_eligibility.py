"""Issue 13: the care leaver category worked out from the care history (13 weeks looked after
since 14, ending after 16), with the reasoning shown on the leaving care page. Tyler was born on
10 September 2008: 14 on 10 September 2022, 16 on 10 September 2024, 18 on 10 September 2026."""

import datetime

import pytest
from django.urls import reverse

from care_leavers.choices import Eligibility
from care_leavers.eligibility import eligibility_on
from care_leavers.services import care_leaver_start
from looked_after import services as looked_after
from looked_after.tests.factories import start_care

D = datetime.date


@pytest.fixture
def on(clock):
    from children_in_need.testing import at

    return lambda day: clock.travel_to(at(day, 17))


def test_looked_after_13_weeks_including_the_16th_birthday_is_an_eligible_child(worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2024, 7, 1))
    found = eligibility_on(young_person, D(2025, 6, 2))
    assert found.category == Eligibility.ELIGIBLE
    assert found.eligible_on == D(2024, 9, 29)  # 13 weeks from 1 July 2024
    assert any("13 weeks" in reason for reason in found.reasons)


def test_twelve_weeks_is_not_enough(worker, young_person, on):
    on(D(2024, 11, 1))
    start_care(worker, young_person, D(2024, 8, 9))
    found = eligibility_on(young_person, D(2024, 10, 31))  # 12 weeks in care
    assert found.category is None
    assert "once the 13 weeks are met" in " ".join(found.reasons)


def test_leaving_care_at_17_after_becoming_eligible_is_a_relevant_child(worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2024, 7, 1))
    looked_after.period_end(actor=worker, child=young_person, end_date=D(2025, 3, 1), reason_ceased="E4A")
    found = eligibility_on(young_person, D(2025, 6, 2))
    assert found.category == Eligibility.RELEVANT
    assert "1 March 2025" in " ".join(found.reasons)


def test_after_18_an_eligible_child_who_left_care_is_former_relevant(worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2024, 7, 1))
    looked_after.period_end(actor=worker, child=young_person, end_date=D(2025, 3, 1), reason_ceased="E4A")
    assert eligibility_on(young_person, D(2026, 10, 1)).category == Eligibility.FORMER_RELEVANT


def test_care_that_ended_before_16_does_not_make_a_care_leaver(worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2023, 1, 1))
    looked_after.period_end(actor=worker, child=young_person, end_date=D(2024, 1, 1), reason_ceased="E4A")
    found = eligibility_on(young_person, D(2025, 6, 2))
    assert found.category is None and "not been looked after since they turned 16" in " ".join(found.reasons)


def test_the_page_shows_the_reasoning_and_warns_when_the_recorded_category_differs(client, worker, young_person, on):
    on(D(2025, 6, 2))
    start_care(worker, young_person, D(2024, 7, 1))
    care_leaver_start(
        actor=worker,
        person=young_person,
        category=Eligibility.RELEVANT,
        category_since=D(2025, 1, 1),
        eligible_from=D(2024, 9, 29),
    )
    client.force_login(worker)
    body = client.get(reverse("care_leavers:record", args=[young_person.pk])).content.decode()
    card = body.split('data-testid="eligibility-from-history"')[1]
    assert "Eligible child" in card and "13 weeks" in card
    assert "is not what the care history gives" in card


def test_a_category_refusal_says_an_eligible_child(worker, young_person, on):
    from django.core.exceptions import ValidationError

    on(D(2027, 6, 2))
    with pytest.raises(ValidationError) as refused:
        care_leaver_start(
            actor=worker,
            person=young_person,
            category=Eligibility.ELIGIBLE,
            category_since=D(2027, 1, 1),
            eligible_from=D(2025, 1, 1),
        )
    assert "an eligible child is 16 to 17" in str(refused.value)
