"""Permanence pages: they render, they are 404 for a child the user may not see and 403 for a
role that only reads, refusals are shown on the form, and the pages' queries are bounded."""

import datetime

import pytest
from django.urls import reverse

from people.services import person_create
from permanence import services
from permanence.models import PermanenceDecision
from permanence.tests.factories import make_decision, make_placed
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def test_the_pages_render_and_are_404_for_another_team(client, worker, stranger, child):
    decision, placement = make_placed(worker, child, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    order = decision.orders.get()
    proceedings = services.care_proceedings_start(actor=worker, child=child, kind="care", issued_on=D(2025, 1, 6))
    urls = [
        reverse("permanence:record", args=[child.pk]),
        reverse("permanence:meeting_new", args=[child.pk]),
        reverse("permanence:decision_new", args=[child.pk]),
        reverse("permanence:decision_reverse", args=[child.pk, decision.pk]),
        reverse("permanence:step_new", args=[child.pk, decision.pk]),
        reverse("permanence:match_new", args=[child.pk, decision.pk]),
        reverse("permanence:placement_new", args=[child.pk, decision.pk]),
        reverse("permanence:review_new", args=[child.pk, decision.pk]),
        reverse("permanence:placement_end", args=[child.pk, placement.pk]),
        reverse("permanence:order_new", args=[child.pk, "adoption"]),
        reverse("permanence:order_new", args=[child.pk, "sgo"]),
        reverse("permanence:order_revoke", args=[child.pk, order.pk]),
        reverse("permanence:proceedings_new", args=[child.pk]),
        reverse("permanence:proceedings_extend", args=[child.pk, proceedings.pk]),
        reverse("permanence:proceedings_conclude", args=[child.pk, proceedings.pk]),
        reverse("permanence:previous_new", args=[child.pk]),
    ]
    client.force_login(worker)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_the_record_shows_the_decision_its_steps_and_what_is_due(client, worker, child):
    make_placed(worker, child, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    client.force_login(worker)
    response = client.get(reverse("permanence:record", args=[child.pk]))
    body = response.content.decode()
    assert "Adoption: decided 1 March 2025" in body and "Placed for adoption" in body
    assert "Review: child placed for adoption" in body  # the due item
    assert 'aria-current="page" href="/people/%d/permanence/"' % child.pk in body


def test_a_reader_sees_the_record_but_cannot_record(client, make_staff, worker, child):
    make_decision(worker, child)
    iro = make_staff(Role.IRO)
    client.force_login(iro)
    response = client.get(reverse("permanence:record", args=[child.pk]))
    assert response.status_code == 200 and "Record a permanence decision" not in response.content.decode()
    assert client.get(reverse("permanence:decision_new", args=[child.pk])).status_code == 403


def test_a_decision_is_recorded_from_the_form(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("permanence:decision_new", args=[child.pk]),
        {
            "option": "adoption",
            **date("decided_on", D(2025, 5, 1)),
            "decision_maker": "Alex Moore",
        },
    )
    assert response.status_code == 302 and response.url == reverse("permanence:record", args=[child.pk])
    assert PermanenceDecision.objects.get().decided_on == D(2025, 5, 1)


def test_a_refusal_is_shown_beside_its_field_and_nothing_is_saved(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("permanence:decision_new", args=[child.pk]),
        {
            "option": "adoption",
            **date("decided_on", D(2015, 1, 1)),
            "decision_maker": "Alex Moore",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body and 'href="#id_decided_on_0"' in body
    assert "must be on or after the child’s date of birth" in body
    assert not PermanenceDecision.objects.exists()


def test_an_unreal_date_is_a_message_not_a_500(client, worker, child):
    client.force_login(worker)
    response = client.post(
        reverse("permanence:decision_new", args=[child.pk]),
        {
            "option": "adoption",
            "decided_on_0": "31",
            "decided_on_1": "2",
            "decided_on_2": "2025",
            "decision_maker": "A",
        },
    )
    assert response.status_code == 200 and "The date of the decision must be a real date" in response.content.decode()


def test_the_order_form_checks_the_adopters_consent(client, worker, child):
    decision, _ = make_placed(worker, child, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    client.force_login(worker)
    url = reverse("permanence:order_new", args=[child.pk, "adoption"])
    response = client.post(url, {**date("made_on", D(2025, 6, 2)), "decision": str(decision.pk)})
    assert "Select whether the court dispensed with consent" in response.content.decode()
    response = client.post(
        url, {**date("made_on", D(2025, 6, 2)), "decision": str(decision.pk), "consent_dispensed": "no"}
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.achieved_on == D(2025, 6, 2)


def test_an_unknown_order_kind_is_404(client, worker, child):
    client.force_login(worker)
    assert client.get(f"/people/{child.pk}/permanence/orders/new/parking/").status_code == 404


def test_the_tracker_lists_decisions_without_a_step_and_marks_drift(client, worker, child, manager):
    make_decision(worker, child, decided_on=D(2025, 1, 2))
    client.force_login(manager)
    response = client.get(reverse("permanence_tracker:decisions"))
    body = response.content.decode()
    assert response.status_code == 200 and child.full_name in body
    assert 'data-testid="decision-drifting"' in body and "No step for 90+ days" in body


def test_the_record_page_queries_are_bounded(client, worker, child, django_assert_max_num_queries):
    for n in range(3):
        decision, _ = make_placed(
            worker,
            person_create(actor=worker, given_name=f"S{n}", family_name="Smith", date_of_birth=D(2016, 1, 1)),
            decided_on=D(2025, 3, 1),
            placed_on=D(2025, 5, 1),
        )
    decision, _ = make_placed(worker, child, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    services.permanence_step_record(actor=worker, decision=decision, kind="family_finding", taken_on=D(2025, 3, 2))
    client.force_login(worker)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("permanence:record", args=[child.pk])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("permanence_tracker:decisions")).status_code == 200


def test_a_step_of_another_childs_record_is_404_through_this_childs_page(client, worker, child):
    """The pages fetch what they are about through the child in the URL: a decision, order or
    placement of another child the worker may see is not found here, and nothing is recorded."""
    sibling = person_create(actor=worker, given_name="Noah", family_name="Clarke", date_of_birth=D(2020, 1, 5))
    decision, placement = make_placed(worker, sibling, decided_on=D(2025, 3, 1), placed_on=D(2025, 5, 1))
    client.force_login(worker)
    for url in (
        reverse("permanence:step_new", args=[child.pk, decision.pk]),
        reverse("permanence:order_revoke", args=[child.pk, decision.orders.get().pk]),
        reverse("permanence:placement_end", args=[child.pk, placement.pk]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("permanence:decision_reverse", args=[child.pk, decision.pk]),
        {**date("reversed_on", D(2025, 6, 1)), "reason": "Changed"},
    )
    assert response.status_code == 404
    assert PermanenceDecision.objects.get(pk=decision.pk).reversed_on is None
