"""Writes for care leavers: each with its chronology event; categories the age does not allow,
plans before 16 or before their needs assessment, and keeping-in-touch answers the SSDA903
validator rejects are refused, leaving nothing behind."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from access.selectors import people_visible_to
from care_leavers import services
from care_leavers.models import CareLeaver, KeepingInTouch, PathwayPlan, PathwayPlanReview
from care_leavers.tests.factories import in_touch, make_care_leaver, make_plan
from casework.chronology import describe
from casework.models import ChronologyEvent
from people.record import badges_for
from people.services import person_create
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")  # Monday 2 June 2025; the young person is 16
D = datetime.date


def events(person, event_type):
    return ChronologyEvent.objects.filter(child=person, event_type=event_type)


def refused(call, field=None):
    with pytest.raises(ValidationError) as error:
        call()
    if field is not None:
        assert field in error.value.message_dict, error.value
    return error.value


# --- Becoming a care leaver ---------------------------------------------------------------------


def test_a_young_person_becomes_a_care_leaver_with_a_personal_adviser(worker, young_person, adviser):
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    assert (care_leaver.personal_adviser, care_leaver.adviser_since) == (adviser, D(2025, 3, 1))
    assert describe(events(young_person, "care_leaver.started").get()) == (
        "Supported as a care leaver: Relevant child (16 or 17, left care)."
    )
    assert describe(events(young_person, "care_leaver.adviser").get()) == f"Personal adviser: {adviser}."
    assert [b.text for b in badges_for(young_person)] == ["Care leaver"]


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"category": "former_relevant"}, "category"),  # 16 on 1 March 2025: not 18 yet
        ({"category": "eligible", "category_since": D(2024, 9, 9), "eligible_from": D(2024, 9, 9)}, "category"),  # 15
        ({"eligible_from": D(2024, 9, 9)}, "eligible_from"),  # an eligible child is 16 or over
        ({"eligible_from": D(2025, 3, 2)}, "eligible_from"),  # after joining the category
        ({"eligible_from": None}, "eligible_from"),
        ({"category_since": D(2025, 6, 3)}, "category_since"),
        ({"category": "careless"}, "category"),
    ],
)
def test_bad_starts_are_refused(worker, young_person, overrides, field):
    refused(lambda: make_care_leaver(worker, young_person, **overrides), field)
    assert not CareLeaver.objects.exists() and not events(young_person, "care_leaver.started").exists()


def test_a_qualifying_care_leaver_needs_no_eligibility_date(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person, category="qualifying", eligible_from=D(2025, 1, 1))
    assert care_leaver.eligible_from is None


def test_the_adviser_must_be_a_personal_adviser(worker, young_person):
    refused(lambda: make_care_leaver(worker, young_person, personal_adviser=worker), "personal_adviser")


def test_a_young_person_without_a_date_of_birth_or_already_a_care_leaver_is_refused(worker, young_person):
    nobody = person_create(actor=worker, given_name="No", family_name="Birthday")
    refused(lambda: make_care_leaver(worker, nobody))
    make_care_leaver(worker, young_person)
    refused(lambda: make_care_leaver(worker, young_person))


@pytest.mark.parametrize("role", [Role.IRO, Role.QA_OFFICER, Role.LADO_OFFICER, Role.PRIVATE_FOSTERING_OFFICER])
def test_roles_that_only_read_cannot_record(make_staff, young_person, role):
    with pytest.raises(PermissionDenied):
        make_care_leaver(make_staff(role), young_person)


def test_a_personal_adviser_records_for_their_young_person(worker, young_person, adviser):
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    assert in_touch(adviser, care_leaver, D(2025, 6, 1)).recorded_by == adviser


# --- Who may see the record ---------------------------------------------------------------------


def test_a_personal_adviser_sees_only_the_young_people_they_advise(worker, young_person, adviser, other_adviser):
    sibling = person_create(actor=worker, given_name="Sam", family_name="Brown", date_of_birth=D(2012, 1, 1))
    assert not people_visible_to(adviser).exists()
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    assert list(people_visible_to(adviser)) == [young_person]
    assert not people_visible_to(other_adviser).exists() and sibling not in people_visible_to(adviser)
    services.personal_adviser_allocate(
        actor=worker, care_leaver=care_leaver, adviser=other_adviser, since=D(2025, 5, 1)
    )
    assert not people_visible_to(adviser).exists() and list(people_visible_to(other_adviser)) == [young_person]
    services.care_leaver_end(actor=worker, care_leaver=care_leaver, ended_on=D(2025, 6, 1), reason="transferred")
    assert not people_visible_to(other_adviser).exists()


def test_a_new_adviser_cannot_start_before_the_current_one(worker, young_person, adviser, other_adviser):
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    refused(
        lambda: services.personal_adviser_allocate(
            actor=worker, care_leaver=care_leaver, adviser=other_adviser, since=D(2025, 2, 28)
        ),
        "adviser_since",
    )
    refused(
        lambda: services.personal_adviser_allocate(
            actor=worker, care_leaver=care_leaver, adviser=None, since=D(2025, 5, 1)
        ),
        "adviser",
    )


# --- Needs assessment and pathway plan -----------------------------------------------------------


def test_a_pathway_plan_follows_its_needs_assessment(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person)
    refused(
        lambda: services.pathway_plan_record(actor=worker, care_leaver=care_leaver, started_on=D(2025, 4, 1)),
        "started_on",
    )
    services.needs_assessment_record(actor=worker, care_leaver=care_leaver, completed_on=D(2025, 4, 2))
    refused(
        lambda: services.pathway_plan_record(actor=worker, care_leaver=care_leaver, started_on=D(2025, 4, 1)),
        "started_on",
    )
    plan = services.pathway_plan_record(actor=worker, care_leaver=care_leaver, started_on=D(2025, 4, 2))
    assert describe(events(young_person, "care_leaver.pathway_plan").get()) == "Pathway plan prepared."
    assert PathwayPlan.objects.get() == plan


def test_no_needs_assessment_or_pathway_plan_before_the_16th_birthday(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person, category="eligible", category_since=D(2024, 9, 10))
    error = refused(
        lambda: services.needs_assessment_record(actor=worker, care_leaver=care_leaver, completed_on=D(2024, 9, 9)),
        "completed_on",
    )
    assert error.message_dict["completed_on"] == [
        "The needs assessment cannot be before Tyler Brown is 16, on 10 September 2024"
    ]
    services.needs_assessment_record(actor=worker, care_leaver=care_leaver, completed_on=D(2024, 9, 10))
    refused(
        lambda: services.pathway_plan_record(actor=worker, care_leaver=care_leaver, started_on=D(2024, 9, 9)),
        "started_on",
    )
    assert not PathwayPlan.objects.exists() and not events(young_person, "care_leaver.pathway_plan").exists()


def test_a_qualifying_care_leaver_has_no_pathway_plan(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person, category="qualifying")
    services.needs_assessment_record(actor=worker, care_leaver=care_leaver, completed_on=D(2025, 4, 1))
    refused(lambda: services.pathway_plan_record(actor=worker, care_leaver=care_leaver, started_on=D(2025, 4, 1)))


def test_a_review_is_not_before_its_plan(worker, young_person):
    plan = make_plan(worker, make_care_leaver(worker, young_person), D(2025, 4, 1))
    refused(
        lambda: services.pathway_plan_review_record(actor=worker, plan=plan, reviewed_on=D(2025, 3, 31)), "reviewed_on"
    )
    refused(
        lambda: services.pathway_plan_review_record(
            actor=worker, plan=plan, reviewed_on=D(2025, 5, 1), requested_by="x"
        ),
        "requested_by",
    )
    services.pathway_plan_review_record(actor=worker, plan=plan, reviewed_on=D(2025, 5, 1), requested_by="young_person")
    assert describe(events(young_person, "care_leaver.pathway_plan_review").get()) == (
        "Pathway plan reviewed (the young person asked for it)."
    )
    assert PathwayPlanReview.objects.count() == 1


# --- Keeping in touch ---------------------------------------------------------------------------


def test_keeping_in_touch_is_recorded_with_its_event(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person)
    contact = in_touch(worker, care_leaver, D(2025, 5, 30))
    assert contact.is_contact and contact.accommodation_suitable is True
    assert describe(events(young_person, "care_leaver.contact").get()).startswith(
        "Yes – in touch. Accommodation: Semi-independent"
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"in_touch": "YES", "accommodation": "", "activity": "F2"}, "accommodation"),  # rule 345
        ({"in_touch": "YES", "accommodation": "D1", "activity": "0"}, "activity"),  # rule 345
        ({"in_touch": "DIED", "accommodation": "", "activity": "F2"}, "in_touch"),  # rule 344
        ({"in_touch": "RHOM", "accommodation": "B1", "activity": ""}, "in_touch"),  # rule 344
        ({"in_touch": "YES", "accommodation": "T1", "activity": "F2"}, "accommodation"),  # rule 347: a foyer under 18
        ({"in_touch": "YES", "accommodation": "Z1", "activity": "F2"}, "accommodation"),  # rule 3001
        ({"in_touch": "MAYBE", "accommodation": "", "activity": ""}, "in_touch"),
        ({"in_touch": "NO", "accommodation": "Q9", "activity": ""}, "accommodation"),
    ],
)
def test_answers_the_return_would_reject_are_refused(worker, young_person, values, field):
    care_leaver = make_care_leaver(worker, young_person)
    refused(
        lambda: services.keeping_in_touch_record(
            actor=worker, care_leaver=care_leaver, contact_on=D(2025, 5, 30), **values
        ),
        field,
    )
    assert not KeepingInTouch.objects.exists() and not events(young_person, "care_leaver.contact").exists()


def test_not_in_touch_needs_nothing_more(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person)
    contact = services.keeping_in_touch_record(
        actor=worker, care_leaver=care_leaver, contact_on=D(2025, 5, 30), in_touch="NO"
    )
    assert not contact.is_contact and contact.accommodation_suitable is None


# --- Category changes and the end of support ----------------------------------------------------


def test_the_category_changes_as_the_young_person_grows_up(worker, young_person, clock):
    care_leaver = make_care_leaver(worker, young_person, category="eligible", category_since=D(2024, 9, 10))
    refused(
        lambda: services.care_leaver_category_change(
            actor=worker, care_leaver=care_leaver, category="former_relevant", since=D(2025, 5, 1)
        ),
        "category",
    )  # 16, not 18
    refused(
        lambda: services.care_leaver_category_change(
            actor=worker, care_leaver=care_leaver, category="relevant", since=D(2024, 9, 9)
        ),
        "since",
    )
    refused(
        lambda: services.care_leaver_category_change(
            actor=worker, care_leaver=care_leaver, category="eligible", since=D(2025, 5, 1)
        ),
        "category",
    )
    services.care_leaver_category_change(
        actor=worker, care_leaver=care_leaver, category="relevant", since=D(2025, 5, 1)
    )
    clock.travel_to(D(2026, 9, 11))
    services.care_leaver_category_change(
        actor=worker, care_leaver=care_leaver, category="former_relevant", since=D(2026, 9, 10)
    )
    assert (
        describe(events(young_person, "care_leaver.category").order_by("-occurred_at").first())
        == "Now a former relevant child."
    )


def test_after_support_ends_nothing_more_is_recorded(worker, young_person):
    care_leaver = make_care_leaver(worker, young_person)
    refused(
        lambda: services.care_leaver_end(
            actor=worker, care_leaver=care_leaver, ended_on=D(2025, 2, 28), reason="declined"
        ),
        "ended_on",
    )
    refused(
        lambda: services.care_leaver_end(actor=worker, care_leaver=care_leaver, ended_on=D(2025, 6, 1), reason=""),
        "reason",
    )
    services.care_leaver_end(actor=worker, care_leaver=care_leaver, ended_on=D(2025, 6, 1), reason="declined")
    assert badges_for(young_person) == []
    refused(lambda: in_touch(worker, care_leaver, D(2025, 6, 2)))
