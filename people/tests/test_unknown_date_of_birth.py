"""Issue 13, hand-off 5: a contact about a child whose date of birth nobody knows could not be
recorded, because a child could not be added without one. The date may now be unknown or an
estimate; the record says so everywhere it shows the date, and it is put right later."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from front_door.models import Contact
from people.models import Person
from workforce.roles import Role
from workforce.services import team_create


@pytest.fixture
def mash(make_staff):
    return make_staff(Role.MASH_WORKER, team=team_create(name="MASH"), first_name="Mo", last_name="Front")


def _add(client, known, day="", month="", year=""):
    return client.post(
        reverse("people:child_new") + "?purpose=contact",
        {
            "given_name": "Baby",
            "family_name": "Doe",
            "date_of_birth_known": known,
            "date_of_birth_0": day,
            "date_of_birth_1": month,
            "date_of_birth_2": year,
            "sex": "U",
        },
    )


def test_a_child_with_an_unknown_date_of_birth_is_added_and_the_contact_recorded(client, mash):
    client.force_login(mash)
    response = _add(client, "unknown")
    child = Person.objects.get(family_name="Doe")
    assert child.date_of_birth is None and response.url == reverse("front_door:contact_new", args=[child.pk])
    now = timezone.localtime()
    response = client.post(
        response.url,
        {
            "received_date_0": str(now.day),
            "received_date_1": str(now.month),
            "received_date_2": str(now.year),
            "received_time": "00:01",
            "source": "1A",
            "concerns": "A neighbour heard a baby crying for hours.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Contact.objects.filter(child=child).count() == 1
    summary = client.get(reverse("people:summary", args=[child.pk])).content.decode()
    assert "Date of birth not known" in summary


def test_an_estimated_date_of_birth_is_shown_as_an_estimate(client, mash):
    client.force_login(mash)
    _add(client, "estimated", "1", "1", "2019")
    child = Person.objects.get(family_name="Doe")
    assert child.date_of_birth == datetime.date(2019, 1, 1) and child.date_of_birth_estimated
    summary = client.get(reverse("people:summary", args=[child.pk])).content.decode()
    assert "Born about 1 Jan 2019 (estimated)" in summary


def test_a_date_of_birth_is_still_needed_unless_it_is_said_to_be_unknown(client, mash):
    client.force_login(mash)
    body = _add(client, "known").content.decode()
    assert "Enter the date of birth, or the expected date of birth" in body
    assert not Person.objects.filter(family_name="Doe").exists()
