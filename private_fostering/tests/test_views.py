"""Private fostering pages: they render, 404 for a child the user may not see, 403 for a role
that only reads, and a refusal is shown on the form with nothing saved."""

import datetime

import pytest
from django.urls import reverse

from private_fostering.models import PrivateFostering
from private_fostering.tests.factories import notify
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def test_the_pages_render_and_are_404_for_another_team(client, officer, worker, stranger, child):
    arrangement = notify(officer, child, D(2025, 5, 1), kind="proposed")
    urls = [
        reverse("private_fostering:record", args=[child.pk]),
        reverse("private_fostering:notification_new", args=[child.pk]),
        reverse("private_fostering:start", args=[child.pk, arrangement.pk]),
        reverse("private_fostering:end", args=[child.pk, arrangement.pk]),
    ]
    for user in (officer, worker):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_a_reader_cannot_record(client, make_staff, child):
    client.force_login(make_staff(Role.IRO))
    assert client.get(reverse("private_fostering:record", args=[child.pk])).status_code == 200
    assert client.get(reverse("private_fostering:notification_new", args=[child.pk])).status_code == 403


def test_a_notification_from_the_form(client, officer, child):
    client.force_login(officer)
    data = {
        **date("notified_on", D(2025, 6, 2)),
        "notification_kind": "started",
        **date("started_on", D(2025, 5, 1)),
        "notified_by": "carer",
        "carer_name": "Grace Okafor",
        "carer_address": "12 Elm Road",
    }
    response = client.post(reverse("private_fostering:notification_new", args=[child.pk]), data)
    assert response.status_code == 302
    body = client.get(reverse("private_fostering:record", args=[child.pk])).content.decode()
    assert "With Grace Okafor, notified 2 June 2025" in body and "Privately fostered" in body
    assert "Visit the private fostering arrangement" in body


def test_a_start_after_the_notification_is_refused_on_the_form(client, officer, child):
    client.force_login(officer)
    data = {
        **date("notified_on", D(2025, 6, 1)),
        "notification_kind": "started",
        **date("started_on", D(2025, 6, 2)),
        "notified_by": "carer",
        "carer_name": "Grace Okafor",
        "carer_address": "12 Elm Road",
    }
    response = client.post(reverse("private_fostering:notification_new", args=[child.pk]), data)
    body = response.content.decode()
    assert response.status_code == 200 and 'href="#id_started_on_0"' in body
    assert not PrivateFostering.objects.exists()


def test_the_officers_home_lists_open_arrangements_with_the_next_visit(
    client, officer, child, django_assert_max_num_queries
):
    notify(officer, child, D(2025, 5, 1))
    client.force_login(officer)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("private_fostering_home"))
    body = response.content.decode()
    assert response.status_code == 200 and child.full_name in body and "Grace Okafor" in body
    assert "13 May 2025" in body and "Overdue" in body  # 7 working days after 1 May, over the 5 May bank holiday
