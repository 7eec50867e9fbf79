"""The looked-after and care-leaver checks: fire on the bad record, silent on the good one."""

import datetime

import pytest

from children_in_need.testing import TODAY, at
from data_quality.services import refresh_child
from data_quality.tests.conftest import D, found
from looked_after import services as la
from looked_after.tests.factories import start_care
from people.models import Person

pytestmark = pytest.mark.django_db

OC2 = {"186", "191-HA", "191-TEETH", "191-IMMS"}


@pytest.fixture
def in_care_13_months(today, worker, complete):
    start_care(worker, complete, D(2024, 5, 1))
    return complete


class TestLookedAfterForAYear:
    def test_each_oc2_item_shows_until_it_is_recorded(self, worker, in_care_13_months):
        child = in_care_13_months
        assert found(child) == OC2
        la.sdq_record(actor=worker, child=child, completed_on=D(2025, 5, 20), score=14)
        assert found(child) == OC2 - {"186"}
        la.health_check_record(actor=worker, child=child, kind="rha", done_on=D(2025, 1, 10))
        assert found(child) == {"191-TEETH", "191-IMMS"}
        la.health_check_record(actor=worker, child=child, kind="dental", done_on=D(2025, 4, 2))
        la.immunisation_record(actor=worker, child=child, checked_on=D(2025, 4, 2), up_to_date=True)
        assert found(child) == set()

    def test_a_reason_for_no_sdq_is_enough(self, worker, in_care_13_months):
        la.sdq_record(actor=worker, child=in_care_13_months, completed_on=D(2025, 5, 20), reason="SDQ2")
        assert "186" not in found(in_care_13_months)

    def test_items_older_than_12_months_do_not_count(self, worker, in_care_13_months):
        la.sdq_record(actor=worker, child=in_care_13_months, completed_on=D(2024, 5, 20), score=14)
        assert "186" in found(in_care_13_months)

    def test_no_sdq_is_asked_of_a_child_under_4(self, worker, in_care_13_months):
        Person.objects.filter(pk=in_care_13_months.pk).update(date_of_birth=D(2022, 1, 1))
        refresh_child(in_care_13_months)
        assert found(in_care_13_months) == OC2 - {"186"}

    def test_a_child_on_short_breaks_is_not_in_oc2(self, today, worker, complete):
        start_care(worker, complete, D(2024, 5, 1), legal_status="V3")
        assert found(complete) == set()

    def test_nothing_is_due_before_12_months_in_care(self, today, worker, complete):
        start_care(worker, complete, D(2024, 7, 1))
        assert found(complete) == set()

    def test_the_problem_links_to_where_it_is_fixed(self, worker, in_care_13_months):
        problem = in_care_13_months.data_problems.get(check_id="186")
        assert problem.fix_url == f"/people/{in_care_13_months.pk}/looked-after/sdq/new/"
        assert "aged 10" in problem.message


@pytest.fixture
def in_care(today, worker, complete):
    start_care(worker, complete, D(2025, 4, 10))
    assert found(complete) == set()
    return complete


class TestPlacementsAndMissing:
    def test_a_placement_without_a_postcode(self, in_care):
        from looked_after.models import Placement

        Placement.objects.filter(child=in_care).update(postcode="")
        refresh_child(in_care)
        assert found(in_care) == {"392b"}

    def test_a_return_interview_is_due_72_hours_after_return(self, worker, in_care, clock):
        episode = la.missing_start(
            actor=worker, child=in_care, kind="M", started_at=at(D(2025, 5, 28), 20), returned_at=at(D(2025, 5, 30), 9)
        )
        assert found(in_care) == {"RHI"}
        problem = in_care.data_problems.get()
        assert problem.fix_url == f"/people/{in_care.pk}/looked-after/missing/{episode.pk}/return-interview/"
        la.return_interview_record(actor=worker, episode=episode, offered_at=at(D(2025, 5, 30), 15), accepted=False)
        assert found(in_care) == set()

    def test_no_problem_within_the_72_hours(self, worker, in_care):
        la.missing_start(
            actor=worker, child=in_care, kind="M", started_at=at(D(2025, 6, 1), 8), returned_at=at(D(2025, 6, 1), 20)
        )
        assert found(in_care) == set()

    def test_left_care_while_missing(self, worker, in_care):
        from looked_after.models import MissingEpisode, PeriodOfCare

        episode = la.missing_start(actor=worker, child=in_care, kind="M", started_at=at(D(2025, 5, 28), 20))
        assert found(in_care) == set()
        PeriodOfCare.objects.filter(child=in_care).update(end_date=TODAY)
        refresh_child(in_care)
        assert found(in_care) == {"577"}
        MissingEpisode.objects.filter(pk=episode.pk).update(returned_at=at(D(2025, 5, 29), 10))
        refresh_child(in_care)
        assert "577" not in found(in_care)


@pytest.fixture
def care_leaver(today, worker, complete):
    from care_leavers.tests.factories import make_care_leaver

    # Born 15 April 2006: their 19th birthday fell in this collection year, seven weeks ago.
    Person.objects.filter(pk=complete.pk).update(date_of_birth=D(2006, 4, 15))
    complete.refresh_from_db()
    return make_care_leaver(
        worker, complete, category="former_relevant", category_since=D(2024, 4, 15), eligible_from=D(2022, 6, 1)
    )


class TestCareLeavers:
    def test_no_contact_this_year_after_the_birthday(self, care_leaver):
        assert found(care_leaver.person) == {"131"}

    def test_a_contact_this_year_clears_it(self, worker, care_leaver):
        from care_leavers.tests.factories import in_touch

        in_touch(worker, care_leaver, D(2025, 4, 20))
        assert found(care_leaver.person) == set()

    def test_within_a_month_of_the_birthday_it_is_not_yet_a_problem(self, worker, care_leaver):
        Person.objects.filter(pk=care_leaver.person_id).update(date_of_birth=D(2006, 5, 20))
        refresh_child(care_leaver.person)
        assert found(care_leaver.person) == set()

    def test_in_touch_without_accommodation_or_activity(self, worker, care_leaver):
        from care_leavers.models import KeepingInTouch
        from care_leavers.tests.factories import in_touch

        contact = in_touch(worker, care_leaver, D(2025, 4, 20))
        assert found(care_leaver.person) == set()
        KeepingInTouch.objects.filter(pk=contact.pk).update(activity="")  # as imported: the service refuses it
        refresh_child(care_leaver.person)
        assert found(care_leaver.person) == {"345"}


class TestReviews:
    def test_a_gap_between_reviews_shows_on_the_later_one(self, worker, in_care):
        from looked_after.models import LAReview, PeriodOfCare

        period = PeriodOfCare.objects.get(child=in_care)
        for held_on in (D(2024, 5, 1), D(2024, 7, 20), D(2025, 3, 1)):  # as imported, with a gap
            LAReview.objects.create(
                child=in_care, period=period, held_on=held_on, participation="PN1", recorded_by=worker
            )
        PeriodOfCare.objects.filter(pk=period.pk).update(start_date=D(2024, 4, 10))
        refresh_child(in_care)
        late = LAReview.objects.get(held_on=D(2025, 3, 1))
        assert set(in_care.data_problems.filter(check_id="LAR-GAP").values_list("record_id", flat=True)) == {late.pk}

    def test_reviews_on_time_are_fine(self, worker, in_care):
        from looked_after.models import LAReview, PeriodOfCare

        period = PeriodOfCare.objects.get(child=in_care)
        for held_on in (D(2025, 4, 30), D(2025, 5, 30)):
            LAReview.objects.create(
                child=in_care, period=period, held_on=held_on, participation="PN1", recorded_by=worker
            )
        refresh_child(in_care)
        assert "LAR-GAP" not in found(in_care)
