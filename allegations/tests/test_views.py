"""LADO pages: the LADO records and reads; senior leaders and administrators read; everyone else
gets 404 for every allegation page, and no trace of an allegation on a child's record."""

import datetime

import pytest
from django.urls import reverse

from allegations import services
from allegations.models import Allegation, AllegationChild
from allegations.tests.factories import make_allegation
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def pages(allegation, child):
    return [
        reverse("allegations:new"),
        reverse("allegations:detail", args=[allegation.pk]),
        reverse("allegations:child_add", args=[allegation.pk]),
        reverse("allegations:meeting_new", args=[allegation.pk]),
        reverse("allegations:outcome", args=[allegation.pk]),
        reverse("allegations:close", args=[allegation.pk]),
        reverse("allegations_record:for_child", args=[child.pk]),
    ]


@pytest.fixture
def allegation(lado, child):
    allegation = make_allegation(lado)
    services.allegation_child_add(actor=lado, allegation=allegation, child=child)
    return allegation


def test_the_lado_opens_every_page(client, lado, allegation, child):
    client.force_login(lado)
    for url in pages(allegation, child):
        assert client.get(url).status_code == 200, url
    body = client.get(reverse("lado_home")).content.decode()
    assert allegation.reference in body and "Chris Taylor" in body


@pytest.mark.parametrize(
    "role",
    [
        Role.SOCIAL_WORKER,
        Role.TEAM_MANAGER,
        Role.IRO,
        Role.MASH_WORKER,
        Role.QA_OFFICER,
        Role.PRIVATE_FOSTERING_OFFICER,
    ],
)
def test_everyone_outside_the_lado_service_gets_404(client, make_staff, team, allegation, child, role):
    client.force_login(make_staff(role, team=team))
    for url in pages(allegation, child):
        assert client.get(url).status_code == 404, url


def test_the_childs_social_worker_sees_no_trace_of_the_allegation(client, worker, allegation, child):
    client.force_login(worker)
    for name in ("people:summary", "casework:chronology", "children_in_need:journey"):
        body = client.get(reverse(name, args=[child.pk])).content.decode()
        assert "LADO" not in body and "Chris Taylor" not in body and "allegation" not in body.lower(), name


def test_senior_leaders_read_but_do_not_record(client, make_staff, allegation, child):
    client.force_login(make_staff(Role.SENIOR_LEADER))
    assert client.get(reverse("allegations:detail", args=[allegation.pk])).status_code == 200
    assert client.get(reverse("allegations:new")).status_code == 403
    # Recording pages of an allegation answer 404 to a reader, as for one that does not exist, so
    # that they cannot tell which allegation ids are real (issue 12, finding 5).
    missing = allegation.pk + 1000
    for name in ("child_add", "meeting_new", "outcome", "close"):
        for pk in (allegation.pk, missing):
            assert client.get(reverse(f"allegations:{name}", args=[pk])).status_code == 404, (name, pk)
            assert client.post(reverse(f"allegations:{name}", args=[pk]), {}).status_code == 404, (name, pk)
    assert client.get(reverse("allegations:detail", args=[missing])).status_code == 404
    body = client.get(reverse("people:summary", args=[child.pk])).content.decode()
    assert "Allegations (LADO)" in body  # the tab


def test_administrators_do_not_read_allegations(client, make_staff, allegation):
    client.force_login(make_staff(Role.SYSTEM_ADMIN))
    assert client.get(reverse("allegations:detail", args=[allegation.pk])).status_code == 404


def test_recording_an_allegation_and_its_child_from_the_forms(client, lado, child):
    client.force_login(lado)
    response = client.post(
        reverse("allegations:new"),
        {
            **date("received_on", D(2025, 5, 30)),
            **date("referred_on", D(2025, 6, 2)),
            "referrer_name": "Head teacher",
            "subject_name": "Chris Taylor",
            "subject_role": "Coach",
            "subject_employer": "Northtown FC",
            "subject_sector": "sport",
            "criteria": ["harmed", "risk"],
            "category": "physical",
            "details": "Pushed a player.",
        },
    )
    allegation = Allegation.objects.get()
    assert response.status_code == 302 and response.url == reverse("allegations:detail", args=[allegation.pk])
    assert allegation.criteria == ["harmed", "risk"]
    # Issue 13: the child is found by searching, not by typing an ID, and added from the results.
    found = client.get(
        reverse("allegations:child_add", args=[allegation.pk]), {"name": child.full_name}
    ).content.decode()
    assert child.full_name in found and f'name="person" value="{child.pk}"' in found
    response = client.post(reverse("allegations:child_add", args=[allegation.pk]), {"person": str(child.pk)})
    assert response.status_code == 302 and AllegationChild.objects.get().child == child
    response = client.post(reverse("allegations:child_add", args=[allegation.pk]), {"person": "987654"})
    assert "Search for the child, then select them" in response.content.decode()
    body = client.get(reverse("allegations:detail", args=[allegation.pk])).content.decode()
    assert "Within 1 working day" in body and child.full_name in body  # 30 May (Fri) to 2 June (Mon)


def test_a_referral_before_the_employer_knew_is_refused_on_the_form(client, lado):
    client.force_login(lado)
    response = client.post(
        reverse("allegations:new"),
        {
            **date("received_on", D(2025, 6, 2)),
            **date("referred_on", D(2025, 6, 1)),
            "referrer_name": "Head teacher",
            "subject_name": "Chris Taylor",
            "subject_role": "Coach",
            "subject_employer": "Northtown FC",
            "subject_sector": "sport",
            "criteria": ["harmed"],
            "category": "physical",
            "details": "Pushed a player.",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'href="#id_referred_on_0"' in body and not Allegation.objects.exists()


def test_an_outcome_before_the_allegation_is_refused_on_the_form(client, lado, allegation):
    client.force_login(lado)
    response = client.post(
        reverse("allegations:outcome", args=[allegation.pk]), {"outcome": "false", **date("outcome_on", D(2025, 5, 1))}
    )
    assert "The outcome cannot be before the allegation was referred" in response.content.decode()
    allegation.refresh_from_db()
    assert allegation.outcome == ""


def test_the_lado_home_page_queries_are_bounded(client, lado, django_assert_max_num_queries):
    for n in range(5):
        make_allegation(lado, received_on=D(2025, 5, 1) + datetime.timedelta(days=n))
    client.force_login(lado)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("lado_home")).status_code == 200
