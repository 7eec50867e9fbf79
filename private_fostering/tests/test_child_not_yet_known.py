"""Issue 13, hand-off 2: most private fostering notifications are about a child the service does
not know yet; the private fostering officer adds the child and goes on to the notification."""

import pytest
from django.urls import reverse

from people.models import Person
from private_fostering.models import PrivateFostering
from workforce.roles import Role


@pytest.fixture
def officer(make_staff):
    return make_staff(Role.PRIVATE_FOSTERING_OFFICER, first_name="Megan", last_name="Harris")


def test_the_officers_home_offers_a_new_notification(client, officer):
    client.force_login(officer)
    body = client.get(reverse("private_fostering_home")).content.decode()
    assert "New notification" in body and reverse("people:search") + "?purpose=private_fostering" in body
    search = client.get(
        reverse("people:search"), {"name": "Nobody Known", "purpose": "private_fostering"}
    ).content.decode()
    assert reverse("people:child_new") + "?purpose=private_fostering" in search


def test_the_officer_adds_a_child_not_yet_known_and_records_the_notification(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("people:child_new") + "?purpose=private_fostering",
        {
            "given_name": "Tomas",
            "family_name": "Novak",
            "date_of_birth_0": "9",
            "date_of_birth_1": "9",
            "date_of_birth_2": "2012",
            "sex": "M",
        },
    )
    child = Person.objects.get(family_name="Novak")
    assert response.status_code == 302
    assert response.url == reverse("private_fostering:notification_new", args=[child.pk])
    assert client.get(response.url).status_code == 200
    assert PrivateFostering.objects.filter(child=child).count() == 0
