"""Reads: a personal adviser's caseload with the latest picture and what is due (a fixed number
of queries however many young people), and the Annex A list 9 and OC3 rows."""

import datetime

import pytest

from care_leavers import selectors, services
from care_leavers.models import CareLeaver
from care_leavers.tests.factories import in_touch, make_care_leaver, make_plan
from people.services import person_create

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def test_the_caseload_shows_the_latest_picture_and_what_is_due(worker, young_person, adviser):
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    in_touch(adviser, care_leaver, D(2025, 5, 1), accommodation="E1", activity="F5")
    services.keeping_in_touch_record(actor=adviser, care_leaver=care_leaver, contact_on=D(2025, 5, 20), in_touch="NO")
    caseload = selectors.caseload_for_adviser(user=adviser)
    [row] = caseload.young_people
    assert (row.latest_in_touch, row.latest_contact_on, row.latest_accommodation) == ("NO", D(2025, 5, 1), "")
    assert [item.rule_code for item in caseload.due] == ["pathway_plan_3m"]


def test_the_caseload_is_a_fixed_number_of_queries(worker, adviser, django_assert_num_queries):
    for n in range(4):
        person = person_create(actor=worker, given_name=f"Young{n}", family_name="Person", date_of_birth=D(2008, 9, 10))
        care_leaver = make_care_leaver(worker, person, personal_adviser=adviser)
        make_plan(worker, care_leaver, D(2025, 4, 1))
        in_touch(adviser, care_leaver, D(2025, 5, 1))
    with django_assert_num_queries(2):
        caseload = selectors.caseload_for_adviser(user=adviser)
        assert len(caseload.young_people) == 4 and [i.person.full_name for i in caseload.due]


def test_another_advisers_young_people_are_not_in_the_caseload(worker, young_person, adviser, other_adviser):
    make_care_leaver(worker, young_person, personal_adviser=adviser)
    assert selectors.caseload_for_adviser(user=other_adviser).young_people == []


def test_annex_a_list_9(worker, young_person, adviser):
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    plan = make_plan(worker, care_leaver, D(2025, 3, 10))
    services.pathway_plan_review_record(actor=worker, plan=plan, reviewed_on=D(2025, 5, 10))
    in_touch(adviser, care_leaver, D(2025, 5, 12), accommodation="W2", activity="G5")
    [row] = selectors.annex_a_list_9_rows(CareLeaver.objects.all())
    assert row == {
        "Child Unique ID": young_person.la_id,
        "Allocated Personal Advisor": str(adviser),
        "Eligibility Category": "a) Relevant",
        "Latest Pathway Plan Review Date": D(2025, 5, 10),
        "LA in Touch": "YES",
        "Latest Date of Contact": D(2025, 5, 12),
        "Type of Accommodation": "W",
        "Suitability of Accommodation": "Unsuitable",
        "Activity Status": "G5",
    }


def test_oc3_takes_the_answers_nearest_the_birthday(worker, young_person, adviser, clock):
    care_leaver = make_care_leaver(worker, young_person)
    clock.travel_to(D(2025, 10, 1))
    in_touch(worker, care_leaver, D(2025, 6, 1), activity="P2")  # outside the 3 months before
    in_touch(worker, care_leaver, D(2025, 9, 1), activity="F4")
    in_touch(worker, care_leaver, D(2025, 9, 20), activity="F5")
    row = selectors.oc3_row(care_leaver, D(2025, 9, 10))
    assert row == {
        "CHILD": young_person.la_id,
        "DOB": young_person.date_of_birth,
        "IN_TOUCH": "YES",
        "ACTIV": "F4",
        "ACCOM": "D1",
    }
    assert selectors.oc3_row(care_leaver, D(2024, 9, 10)) is None
