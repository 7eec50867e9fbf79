"""Oversight pages: they render for those who may see the child, 404 for a child the user may not
see, refuse bad input with the error summary and nothing saved, and the manager's page is a fixed
number of queries however many items it lists."""

import datetime

import pytest
from django.urls import reverse

from oversight.models import Challenge, OversightEntry
from oversight.tests.factories import placement_move, raise_challenge
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def test_the_record_pages_render_and_are_404_for_a_child_the_user_cannot_see(
    client, iro, worker, manager, child, stranger
):
    event = placement_move(worker, child)
    challenge = raise_challenge(iro, child, worker, manager)
    urls = [
        reverse("oversight:record", args=[child.pk]),
        reverse("oversight:challenge", args=[child.pk, challenge.pk]),
    ]
    for user in (worker, manager, iro):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 200, url
    client.force_login(manager)
    assert client.get(reverse("oversight:oversight_new", args=[child.pk, event.pk])).status_code == 200
    client.force_login(iro)
    for name in ("challenge_escalate", "challenge_close"):
        assert client.get(reverse(f"oversight:{name}", args=[child.pk, challenge.pk])).status_code == 200
    client.force_login(stranger)
    for url in [
        *urls,
        reverse("oversight:oversight_new", args=[child.pk, event.pk]),
        reverse("oversight:challenge_respond", args=[child.pk, challenge.pk]),
    ]:
        assert client.get(url).status_code == 404, url


def test_a_worker_cannot_record_oversight(client, worker, manager, child):
    event = placement_move(worker, child)
    client.force_login(worker)
    assert client.get(reverse("oversight:oversight_new", args=[child.pk, event.pk])).status_code == 403


def test_another_childs_key_event_is_404(client, worker, manager, child):
    from people.services import person_create

    other = person_create(actor=worker, given_name="Kim", family_name="Smith", date_of_birth=D(2014, 1, 1))
    event = placement_move(worker, other)
    client.force_login(manager)
    assert client.get(reverse("oversight:oversight_new", args=[child.pk, event.pk])).status_code == 404


def test_the_manager_records_oversight_from_their_page(client, worker, manager, child):
    event = placement_move(worker, child)
    client.force_login(manager)
    page = client.get(reverse("oversight_pages:team"))
    assert "Placement move on 27 May 2025" in page.content.decode()
    response = client.post(
        reverse("oversight:oversight_new", args=[child.pk, event.pk]),
        {
            **date("held_on", D(2025, 5, 29)),
            "decision": "Agreed.",
            "rationale": "Needs met better.",
            "direction": "",
        },
    )
    assert response.status_code == 302
    assert OversightEntry.objects.get().decision == "Agreed."
    assert "Placement move on 27 May 2025" not in client.get(reverse("oversight_pages:team")).content.decode()


def test_bad_input_shows_the_error_summary_and_saves_nothing(client, worker, manager, child):
    event = placement_move(worker, child)
    client.force_login(manager)
    url = reverse("oversight:oversight_new", args=[child.pk, event.pk])
    missing = client.post(
        url, {**date("held_on", D(2025, 5, 29)), "decision": "Agreed.", "rationale": ""}
    ).content.decode()
    assert "govuk-error-summary" in missing and "Enter the rationale for the decision" in missing
    early = client.post(
        url, {**date("held_on", D(2025, 5, 1)), "decision": "Agreed.", "rationale": "Why."}
    ).content.decode()
    assert (
        "govuk-error-summary" in early and "The oversight cannot be before the placement move on 27 May 2025" in early
    )
    assert not OversightEntry.objects.exists()


def test_an_escalation_to_someone_without_the_role_is_shown_on_the_form(
    client, iro, worker, manager, child, service_manager
):
    client.force_login(iro)
    response = client.post(
        reverse("oversight:challenge_new", args=[child.pk]),
        {
            "capacity": "iro",
            "category": "care_planning",
            "concern": "No plan.",
            **date("raised_on", D(2025, 6, 2)),
            "addressed_to": worker.pk,
            "escalate_to": service_manager.pk,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in body
    assert "Sian Service is a service manager: stage 1: team manager goes to a team manager" in body
    assert not Challenge.objects.exists()


def test_the_managers_page_is_a_fixed_number_of_queries(client, worker, manager, child, django_assert_max_num_queries):
    from people.services import person_create

    placement_move(worker, child)
    client.force_login(manager)
    client.get(reverse("oversight_pages:team"))  # warm the session and caches
    with django_assert_max_num_queries(10) as first:
        client.get(reverse("oversight_pages:team"))
    for name in ("Kim", "Lee", "Max"):
        placement_move(
            worker, person_create(actor=worker, given_name=name, family_name="Jones", date_of_birth=D(2014, 1, 1))
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        page = client.get(reverse("oversight_pages:team"))
    assert page.content.decode().count("Placement move on 27 May 2025") == 4


def test_the_challenges_tray_and_the_report_link_to_the_lists_behind_them(
    client, iro, worker, manager, child, make_staff
):
    raise_challenge(iro, child, worker, manager)
    client.force_login(worker)
    assert "challenge from Irene Reviewer waiting for your response" in client.get(reverse("my_work")).content.decode()
    client.force_login(iro)
    assert client.get(reverse("oversight_pages:challenges")).status_code == 200
    report = client.get(reverse("oversight_pages:report"), {"year": "2026"}).content.decode()
    assert reverse("oversight_pages:report_list") + "?year=2026&amp;theme=drift_and_delay" in report
    listed = client.get(reverse("oversight_pages:report_list"), {"year": "2026", "theme": "drift_and_delay"})
    assert "Jay Smith" in listed.content.decode()
    for junk in ({"year": "x", "stage": "-1", "team": "abc", "outcome": "?"}, {"stage": "0", "team": "0"}):
        assert client.get(reverse("oversight_pages:report_list"), junk).status_code == 200
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    assert client.get(reverse("oversight_pages:report")).status_code == 403
