import datetime
import re

import pytest
from django.urls import reverse

from access.models import RecordRead
from people import services
from people.models import Person
from workforce.roles import Role
from workforce.services import team_create


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team)


@pytest.fixture
def child(worker):
    return services.person_create(
        actor=worker, given_name="Jonathan", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27), sex="M"
    )


RECORD_PAGES = [
    "summary",
    "details",
    "family",
    "family_member_new",
    "family_member_link",
    "professional_new",
    "address_new",
    "warning_new",
]


@pytest.mark.parametrize("page", RECORD_PAGES)
def test_the_allocated_worker_opens_every_page_and_each_opening_is_logged(client, worker, child, page):
    client.force_login(worker)
    response = client.get(reverse(f"people:{page}", args=[child.pk]))
    assert response.status_code == 200
    assert "Jonathan Smith" in response.content.decode()  # the identity bar
    assert RecordRead.objects.filter(person_id=child.pk, user=worker).count() == 1


@pytest.mark.parametrize("page", RECORD_PAGES)
def test_a_worker_in_another_team_gets_the_same_404_as_for_a_missing_record(client, make_staff, child, page):
    stranger = make_staff(Role.SOCIAL_WORKER, team=team_create(name="Other team"))
    client.force_login(stranger)
    hidden = client.get(reverse(f"people:{page}", args=[child.pk]))
    missing = client.get(reverse(f"people:{page}", args=[999999]))
    assert hidden.status_code == missing.status_code == 404

    def normalise(body, person_id):  # the CSP nonce and the CSRF and form tokens differ on every response
        text = re.sub(r'nonce="[^"]+"', "", body.decode())
        text = re.sub(r'name="(csrfmiddlewaretoken|form_token)" value="[^"]+"', "", text)
        return text.replace(f"/people/{person_id}/", "/people/X/")

    assert normalise(hidden.content, child.pk) == normalise(missing.content, 999999)
    assert not RecordRead.objects.exists()


def test_the_team_manager_sees_the_child_and_who_has_viewed(client, worker, child, make_staff, team):
    manager = make_staff(Role.TEAM_MANAGER, team=team)
    team.manager = manager
    team.save()
    client.force_login(worker)
    client.get(reverse("people:summary", args=[child.pk]))
    assert client.get(reverse("people:viewed", args=[child.pk])).status_code == 403
    client.force_login(manager)
    response = client.get(reverse("people:viewed", args=[child.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert str(worker) in body and str(manager) in body


def test_search_page_finds_a_misspelt_name(client, worker, child):
    client.force_login(worker)
    response = client.get(reverse("people:search"), {"name": "Jonathon Smyth"})
    assert response.status_code == 200
    assert "1 person found" in response.content.decode()
    assert reverse("people:summary", args=[child.pk]) in response.content.decode()


def test_search_with_nothing_asks_for_something(client, worker):
    client.force_login(worker)
    response = client.get(reverse("people:search"), {"name": ""})
    assert "Enter a name, a date of birth or an identifier" in response.content.decode()


def test_search_query_count_is_bounded(client, worker, django_assert_max_num_queries):
    for i in range(25):
        services.person_create(
            actor=worker,
            given_name="Amy",
            family_name="Jones",
            date_of_birth=datetime.date(2012, 1, 1) + datetime.timedelta(days=i),
            sex="F",
        )
    client.force_login(worker)
    # 11 since the page's ids are read with the count (one query, not two).
    with django_assert_max_num_queries(11):
        response = client.get(reverse("people:search"), {"name": "Amy Jones"})
    assert "25 people found" in response.content.decode()


def _create_post(**extra):
    data = {
        "given_name": "Jonathon",
        "family_name": "Smyth",
        "date_of_birth_0": "27",
        "date_of_birth_1": "3",
        "date_of_birth_2": "2015",
        "sex": "M",
        "nhs_number": "",
    }
    return data | extra


def test_creating_a_near_duplicate_shows_the_likely_match_first(client, worker, child):
    client.force_login(worker)
    response = client.post(reverse("people:child_new"), _create_post())
    assert response.status_code == 200
    body = response.content.decode()
    assert "This child may already have a record" in body and child.la_id in body
    assert Person.objects.count() == 1
    response = client.post(reverse("people:child_new"), _create_post(confirm_new="yes"))
    assert response.status_code == 302
    assert Person.objects.count() == 2


@pytest.mark.parametrize(
    "extra, message",
    [
        ({"nhs_number": "943 476 5910"}, "NHS number"),
        (
            {"date_of_birth_0": "27", "date_of_birth_1": "3", "date_of_birth_2": "2999"},
            "Date of birth must be today or in the past",
        ),
        (
            {"date_of_birth_0": "31", "date_of_birth_1": "2", "date_of_birth_2": "2015"},
            "Date of birth must be a real date",
        ),
        ({"family_name": ""}, "Enter the last name"),
    ],
)
def test_bad_input_is_explained_kept_and_not_saved(client, worker, extra, message):
    client.force_login(worker)
    response = client.post(reverse("people:child_new"), _create_post(**extra))
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body and message in body
    assert 'value="Jonathon"' in body  # what was typed is kept
    assert not Person.objects.exists()


def test_a_stale_edit_is_refused_with_what_changed(client, worker, child, make_staff, team):
    colleague = make_staff(Role.SOCIAL_WORKER, team=team)
    client.force_login(worker)
    form_page = client.get(reverse("people:details", args=[child.pk]))
    version = form_page.context["form"].initial["version"]
    services.person_update(
        actor=colleague, person=child, expected_version=version, original={"religion": ""}, religion="Christian"
    )
    data = {
        "version": version,
        "given_name": "Jonathan",
        "family_name": "Smith",
        "sex": "M",
        "date_of_birth_0": "27",
        "date_of_birth_1": "3",
        "date_of_birth_2": "2015",
        "first_language": "English",
    }
    response = client.post(reverse("people:details", args=[child.pk]), data)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Someone else changed this record while you were editing it" in body and "Christian" in body
    child.refresh_from_db()
    assert child.first_language == "" and child.religion == "Christian"


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("upn", "A12345678901Z", "UPN"),
        ("nhs_number", "12345", "NHS number"),
    ],
)
def test_identifier_checks_on_the_details_page(client, worker, child, field, value, message):
    client.force_login(worker)
    data = {
        "version": child.version,
        "given_name": "Jonathan",
        "family_name": "Smith",
        "sex": "M",
        "date_of_birth_0": "27",
        "date_of_birth_1": "3",
        "date_of_birth_2": "2015",
        field: value,
    }
    response = client.post(reverse("people:details", args=[child.pk]), data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert message in response.content.decode()


def test_a_bad_postcode_is_refused(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("people:address_new", args=[child.pk]),
        {
            "line_1": "1 High Street",
            "postcode": "NOT A POSTCODE",
            "start_date_0": "1",
            "start_date_1": "1",
            "start_date_2": "2024",
        },
    )
    assert "postcode" in response.content.decode().lower() and "There is a problem" in response.content.decode()
    assert not child.addresses.exists()


def test_restricted_record_is_invisible_until_access_is_granted(client, worker, child, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    senior = make_staff(Role.SENIOR_LEADER, username="senior.one")
    client.force_login(admin)
    client.post(reverse("people:restricted_access", args=[child.pk]), {"restricted": "yes"})
    # Not even the administrator sees it now, until named.
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 404
    client.force_login(senior)
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 404
    from django.utils import timezone

    from access.services import restricted_access_grant

    restricted_access_grant(
        actor=admin,
        person=child,
        user=senior,
        reason="Case audit",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 200


def test_a_previous_name_is_recorded_and_found_by_search(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("people:other_name_new", args=[child.pk]),
        {"kind": "previous", "given_name": "Jonathan", "family_name": "Kowalski"},
    )
    assert response.status_code == 302
    assert "Kowalski" in client.get(reverse("people:details", args=[child.pk])).content.decode()
    found = client.get(reverse("people:search"), {"name": "Jonathan Kowalsky"}).content.decode()
    assert reverse("people:summary", args=[child.pk]) in found


def test_an_administrator_merges_two_records_from_the_page(client, worker, child, make_staff):
    admin = make_staff(Role.SYSTEM_ADMIN)
    duplicate = services.person_create(
        actor=worker, given_name="Jon", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27), sex="M"
    )
    client.force_login(worker)
    assert client.get(reverse("people:merge")).status_code == 403
    client.force_login(admin)
    response = client.post(
        reverse("people:merge"), {"keep": child.la_id, "merge": duplicate.la_id.lower(), "confirm": "on"}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == child.pk
    response = client.post(reverse("people:merge"), {"keep": child.la_id, "merge": "C9999999", "confirm": "on"})
    assert "There is no record with that LA ID" in response.content.decode()


def test_searches_one_after_another_each_find_their_own_people(
    client, worker, make_staff, django_assert_max_num_queries
):
    """The search page's query is compiled once per kind of user and kept (people.search_sql):
    the next search, of another name, finds that name's people, and another user's search is
    limited to what that user may see."""
    amy = services.person_create(
        actor=worker, given_name="Amy", family_name="Jones", date_of_birth=datetime.date(2012, 1, 1), sex="F"
    )
    priya = services.person_create(
        actor=worker, given_name="Priya", family_name="Kaur", date_of_birth=datetime.date(2013, 1, 1), sex="F"
    )
    stranger = make_staff(Role.SOCIAL_WORKER, team=team_create(name="Another team"))
    client.force_login(worker)
    for name, found, not_found in (
        ("Amy Jones", amy, priya),
        ("Priya Kaur", priya, amy),
        ("Amy Jnoes", amy, priya),
        ("Kuar", priya, amy),
    ):
        with django_assert_max_num_queries(10):
            body = client.get(reverse("people:search"), {"name": name}).content.decode()
        assert "1 person found" in body, name
        assert reverse("people:summary", args=[found.pk]) in body
        assert reverse("people:summary", args=[not_found.pk]) not in body
    client.force_login(stranger)
    assert "0 people found" in client.get(reverse("people:search"), {"name": "Amy Jones"}).content.decode()
