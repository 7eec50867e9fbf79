"""Administrators do not read case files. When support truly needs to open one, they break the
glass: one unrestricted record, for an hour, with a reason that senior leaders see."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from access.models import BreakGlassAccess, RecordRead
from access.selectors import people_visible_to, person_get_for_user
from access.services import break_glass_open
from people import services as people_services
from people.models import Person
from workforce.roles import Role


@pytest.fixture
def worker(make_staff, team):
    return make_staff(Role.SOCIAL_WORKER, team=team)


@pytest.fixture
def child(worker):
    return people_services.person_create(
        actor=worker, given_name="Maya", family_name="Patel", date_of_birth=datetime.date(2016, 5, 1), sex="F"
    )


@pytest.fixture
def administrator(make_staff):
    return make_staff(Role.SYSTEM_ADMIN, first_name="Hanna", last_name="Kowalska")


def test_an_administrator_does_not_read_any_childs_record(client, administrator, child):
    assert not people_visible_to(administrator).exists()
    client.force_login(administrator)
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 404
    found = client.get(reverse("people:search"), {"name": "Maya Patel"}).content.decode()
    assert reverse("people:summary", args=[child.pk]) not in found


def test_break_glass_needs_a_reason(client, administrator, child):
    with pytest.raises(ValidationError):
        break_glass_open(actor=administrator, la_id=child.la_id, reason="  ")
    client.force_login(administrator)
    response = client.post(reverse("access:break_glass"), {"la_id": child.la_id, "reason": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body and "Enter why you need to open this record" in body
    assert not BreakGlassAccess.objects.exists()


def test_only_administrators_break_the_glass(client, worker, child):
    with pytest.raises(PermissionError):
        break_glass_open(actor=worker, la_id=child.la_id, reason="Curious")
    client.force_login(worker)
    assert client.get(reverse("access:break_glass")).status_code == 403


def test_break_glass_opens_that_one_record_for_an_hour_and_logs_every_read(client, administrator, child, worker, clock):
    other = people_services.person_create(
        actor=worker, given_name="Sam", family_name="Jones", date_of_birth=datetime.date(2014, 1, 1), sex="M"
    )
    client.force_login(administrator)
    response = client.post(
        reverse("access:break_glass"),
        {"la_id": child.la_id.lower(), "reason": "Ticket 4411: the summary will not load"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("people:summary", args=[child.pk])
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 200
    assert client.get(reverse("people:summary", args=[other.pk])).status_code == 404
    read = RecordRead.objects.get(person_id=child.pk, user=administrator)
    assert read.reason == "Break-glass: Ticket 4411: the summary will not load"
    clock.advance(minutes=61)
    assert client.get(reverse("people:summary", args=[child.pk])).status_code == 404
    with pytest.raises(Http404):
        person_get_for_user(administrator, child.pk)


def test_break_glass_cannot_open_a_restricted_record(client, administrator, child):
    Person.objects.filter(pk=child.pk).update(restricted=True)
    with pytest.raises(ValidationError):
        break_glass_open(actor=administrator, la_id=child.la_id, reason="Support ticket")
    client.force_login(administrator)
    body = client.post(
        reverse("access:break_glass"), {"la_id": child.la_id, "reason": "Support ticket"}
    ).content.decode()
    assert "There is a problem" in body
    assert not BreakGlassAccess.objects.exists()


def test_a_record_restricted_after_the_glass_is_broken_is_closed_again(administrator, child):
    break_glass_open(actor=administrator, la_id=child.la_id, reason="Support ticket")
    assert child in set(people_visible_to(administrator))
    Person.objects.filter(pk=child.pk).update(restricted=True)
    assert child not in set(people_visible_to(administrator))


def test_an_unknown_la_id_is_an_error_not_a_crash(client, administrator):
    client.force_login(administrator)
    body = client.post(reverse("access:break_glass"), {"la_id": "C0000000", "reason": "Support"}).content.decode()
    assert "There is no record with that LA ID" in body


def test_senior_leaders_see_every_break_glass_access(client, administrator, child, make_staff):
    break_glass_open(actor=administrator, la_id=child.la_id, reason="Ticket 4411")
    senior = make_staff(Role.SENIOR_LEADER)
    client.force_login(senior)
    home = client.get(reverse("performance_home")).content.decode()
    assert reverse("access:break_glass_log") in home
    body = client.get(reverse("access:break_glass_log")).content.decode()
    for shown in ("Hanna Kowalska", "Maya Patel", child.la_id, "Ticket 4411"):
        assert shown in body, shown
    for role in (Role.SOCIAL_WORKER, Role.SYSTEM_ADMIN):
        client.force_login(make_staff(role))
        assert client.get(reverse("access:break_glass_log")).status_code == 403


def test_the_childs_who_has_viewed_page_shows_the_break_glass(client, administrator, child, make_staff):
    break_glass_open(actor=administrator, la_id=child.la_id, reason="Ticket 4411")
    client.force_login(make_staff(Role.SENIOR_LEADER))
    body = client.get(reverse("people:viewed", args=[child.pk])).content.decode()
    assert "break-glass" in body.lower() and "Hanna Kowalska" in body and "Ticket 4411" in body
