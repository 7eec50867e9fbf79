"""Contact and referral pages: render, 404 for another team's worker, posts go through the
services, refusals are shown on the form; the front door queue is one query."""

import pytest
from django.urls import reverse

from children_in_need.testing import TODAY, at, make_contact, make_referral
from front_door.models import Contact, Referral
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")


def date_and_time(prefix, day, time):
    return {
        f"{prefix}_date_0": day.day,
        f"{prefix}_date_1": day.month,
        f"{prefix}_date_2": day.year,
        f"{prefix}_time": time,
    }


def record_pages(worker, child):
    contact = make_contact(worker, child)
    referral = make_referral(worker, child)
    return [
        reverse("front_door:contact_new", args=[child.pk]),
        reverse("front_door:contact_decide", args=[child.pk, contact.pk]),
        reverse("front_door:referral_new", args=[child.pk]),
        reverse("front_door:referral_decide", args=[child.pk, referral.pk]),
    ]


def test_the_pages_render_for_the_worker_and_are_404_for_another_team(client, worker, stranger, child):
    urls = record_pages(worker, child)
    client.force_login(worker)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_a_contact_screened_as_a_referral_leads_to_the_referral_form_filled_in(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:contact_new", args=[child.pk]),
        {
            **date_and_time("received", TODAY, "09:15"),
            "source": "2A",
            "concerns": "Bruising.",
            "source_detail": "",
        },
    )
    contact = Contact.objects.get()
    assert response.status_code == 302 and contact.received_at == at(TODAY, 9, 15)
    response = client.post(reverse("front_door:contact_decide", args=[child.pk, contact.pk]), {"decision": "referral"})
    assert response.url == reverse("front_door:referral_new", args=[child.pk]) + f"?contact={contact.pk}"
    form = client.get(response.url).content.decode()
    assert "Bruising." in form and 'value="2A" selected' in form


def test_a_refused_referral_shows_why_and_saves_nothing(client, worker, child):
    make_referral(worker, child)
    client.force_login(worker)
    response = client.post(
        reverse("front_door:referral_new", args=[child.pk]),
        {
            **date_and_time("received", TODAY, "10:00"),
            "source": "6",
            "primary_need": "N1",
            "concerns": "Again.",
        },
    )
    assert response.status_code == 200
    assert "already has an open child in need episode" in response.content.decode()
    assert Referral.objects.count() == 1


def test_a_future_time_is_shown_beside_the_date(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("front_door:contact_new", args=[child.pk]),
        {
            **date_and_time("received", TODAY, "18:00"),
            "source": "2A",
            "concerns": "x",
        },
    )
    assert 'href="#id_received_date_0"' in response.content.decode()


def test_the_queue_lists_waiting_contacts_in_bounded_queries(
    client, make_staff, worker, child, django_assert_max_num_queries
):
    for hour in (8, 9, 10):
        make_contact(worker, child, received_at=at(TODAY, hour))
    make_referral(worker, child)
    mash = make_staff(Role.MASH_WORKER)
    client.force_login(mash)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("front_door_queue:queue"))
    body = response.content.decode()
    assert body.count(reverse("front_door:contact_decide", args=[child.pk, Contact.objects.first().pk])) == 1
    assert "3 June 2025" not in body and "3 Jun 2025" in body
    client.force_login(worker)
    assert client.get(reverse("front_door_queue:queue")).status_code == 403
