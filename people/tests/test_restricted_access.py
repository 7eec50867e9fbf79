"""The restricted-access page: administrators manage who may see a restricted record without
reading it, and nobody gives access to themselves."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from access.models import RecordRead, RestrictedAccessGrant
from access.services import restricted_access_grant
from people import services
from people.models import Person
from workforce.roles import Role


@pytest.fixture
def child(make_staff, team):
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    child = services.person_create(
        actor=worker,
        given_name="Jonathan",
        family_name="Smith",
        nhs_number="9434765919",
        date_of_birth=datetime.date(2015, 3, 27),
        sex="M",
    )
    services.warning_add(
        actor=worker,
        person=child,
        kind="risk_to_staff",
        details="Dog behind the door",
        review_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    Person.objects.filter(pk=child.pk).update(restricted=True)
    return Person.objects.get(pk=child.pk)


def test_the_page_shows_who_the_child_is_and_nothing_of_the_case(client, make_staff, child):
    administrator = make_staff(Role.SYSTEM_ADMIN)
    client.force_login(administrator)
    response = client.get(reverse("people:restricted_access", args=[child.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Jonathan Smith" in body and child.la_id in body and "27 March 2015" in body
    assert "Dog behind the door" not in body and "943 476 5919" not in body and "9434765919" not in body
    assert 'data-testid="identity-bar"' not in body and "moj-sub-navigation" not in body
    assert RecordRead.objects.get(person_id=child.pk, user=administrator).reason == "Access administration"


def test_nobody_gives_access_to_themselves(client, make_staff, child):
    administrator = make_staff(Role.SYSTEM_ADMIN)
    with pytest.raises(ValidationError):
        restricted_access_grant(
            actor=administrator,
            person=child,
            user=administrator,
            reason="I need to look",
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )
    client.force_login(administrator)
    in_a_week = datetime.date.today() + datetime.timedelta(days=7)
    response = client.post(
        reverse("people:restricted_access", args=[child.pk]),
        {
            "username": administrator.username,
            "reason": "I need to look",
            "expires_on_0": in_a_week.day,
            "expires_on_1": in_a_week.month,
            "expires_on_2": in_a_week.year,
        },
    )
    body = response.content.decode()
    assert "There is a problem" in body and "You cannot give access to yourself" in body
    assert not RestrictedAccessGrant.objects.exists()
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 404


def test_an_administrator_finds_the_access_page_by_la_id(client, make_staff, child):
    client.force_login(make_staff(Role.SYSTEM_ADMIN))
    response = client.post(reverse("access:manage"), {"la_id": child.la_id})
    assert response.status_code == 302 and response["Location"] == reverse("people:restricted_access", args=[child.pk])
    body = client.post(reverse("access:manage"), {"la_id": "nonsense"}).content.decode()
    assert "There is no record with that LA ID" in body
