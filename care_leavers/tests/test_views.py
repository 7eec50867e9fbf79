"""Leaving care pages: they render, 404 for a young person the user may not see, 403 for a role
that only reads; a personal adviser opens their young person's record; refusals on the form."""

import datetime

import pytest
from django.urls import reverse

from care_leavers.models import CareLeaver, PathwayPlan
from care_leavers.tests.factories import make_care_leaver, make_plan
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def test_the_pages_render_and_are_404_for_another_team(client, worker, stranger, young_person, adviser):
    care_leaver = make_care_leaver(worker, young_person, personal_adviser=adviser)
    plan = make_plan(worker, care_leaver, D(2025, 4, 1))
    urls = [
        reverse(f"care_leavers:{name}", args=[young_person.pk])
        for name in ("record", "category", "adviser", "needs_assessment_new", "pathway_plan_new", "contact_new", "end")
    ]
    urls.append(reverse("care_leavers:pathway_plan_review_new", args=[young_person.pk, plan.pk]))
    for user in (worker, adviser):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in [*urls, reverse("care_leavers:start", args=[young_person.pk])]:
        assert client.get(url).status_code == 404, url


def test_pages_about_a_care_leaver_are_404_before_there_is_one(client, worker, young_person):
    client.force_login(worker)
    assert client.get(reverse("care_leavers:start", args=[young_person.pk])).status_code == 200
    assert client.get(reverse("care_leavers:contact_new", args=[young_person.pk])).status_code == 404
    body = client.get(reverse("care_leavers:record", args=[young_person.pk])).content.decode()
    # Issue 13: a birthday in the past is told in the past ("They are 16 on" a date gone by).
    assert "is not supported as a care leaver" in body and "They turned 16 on 10 September 2024" in body


def test_a_reader_cannot_record(client, make_staff, worker, young_person):
    make_care_leaver(worker, young_person)
    client.force_login(make_staff(Role.IRO))
    assert client.get(reverse("care_leavers:record", args=[young_person.pk])).status_code == 200
    assert client.get(reverse("care_leavers:contact_new", args=[young_person.pk])).status_code == 403


def test_starting_support_from_the_form(client, worker, young_person, adviser):
    client.force_login(worker)
    response = client.post(
        reverse("care_leavers:start", args=[young_person.pk]),
        {
            "category": "relevant",
            **date("category_since", D(2025, 3, 1)),
            **date("eligible_from", D(2024, 10, 1)),
            "personal_adviser": str(adviser.pk),
        },
    )
    assert response.status_code == 302
    assert CareLeaver.objects.get().personal_adviser == adviser


def test_a_pathway_plan_before_16_is_refused_on_the_form(client, worker, young_person):
    care_leaver = make_care_leaver(
        worker, young_person, category="eligible", category_since=D(2024, 9, 10), eligible_from=D(2024, 9, 10)
    )
    client.force_login(worker)
    response = client.post(
        reverse("care_leavers:pathway_plan_new", args=[young_person.pk]), date("started_on", D(2024, 9, 1))
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "A pathway plan cannot be before Tyler Brown is 16, on 10 September 2024" in body
    assert not PathwayPlan.objects.filter(care_leaver=care_leaver).exists()


def test_the_adviser_form_shows_service_errors_beside_its_fields(client, worker, young_person, adviser, other_adviser):
    make_care_leaver(worker, young_person, personal_adviser=adviser)
    client.force_login(worker)
    response = client.post(
        reverse("care_leavers:adviser", args=[young_person.pk]),
        {"adviser": str(other_adviser.pk), **date("since", D(2025, 1, 1))},
    )
    assert 'href="#id_since_0"' in response.content.decode()


def test_the_personal_advisers_home_lists_their_young_people_and_what_is_due(
    client, worker, young_person, adviser, clock, django_assert_max_num_queries
):
    make_care_leaver(worker, young_person, personal_adviser=adviser)  # the plan was due 10 December 2024
    client.force_login(adviser)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("personal_adviser_home"))
    body = response.content.decode()
    assert response.status_code == 200 and "My young people" in body and "Tyler Brown" in body
    assert "Needs assessment completed and pathway plan prepared" in body and "Overdue" in body
    assert client.get(reverse("care_leavers:record", args=[young_person.pk])).status_code == 200


def test_the_home_page_is_only_for_personal_advisers(client, worker):
    client.force_login(worker)
    assert client.get(reverse("personal_adviser_home")).status_code == 403
