"""The looked-after plans with content: the care plan's sections (placement, health, PEP, contact,
permanence) and the placement with parents agreement, complete only when its required sections are
written; a care plan replaced by a newer version is changed no more and its actions are due no more."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from looked_after import services as lac
from looked_after.tests.factories import WITH_PARENTS, start_care
from plans import services
from plans.testing import action, outcome
from timescales.models import DueItem

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.fixture
def care_plan(worker, child):
    start_care(worker, child, D(2025, 3, 1))
    return lac.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 3, 10))


def _page(client, kind, plan, child):
    return client.get(reverse("plans:detail", args=[child.pk, kind, plan.pk])).content.decode()


def test_the_care_plan_is_complete_when_its_five_sections_are_written(client, worker, child, care_plan):
    client.force_login(worker)
    page = _page(client, "care", care_plan, child)
    assert "Incomplete" in page and "personal education plan (pep)" in page
    for key in ("placement", "health", "education", "contact"):
        services.section_set(actor=worker, plan=care_plan, section=key, text=f"The {key} part.")
    assert "Still to write: permanence." in _page(client, "care", care_plan, child)
    url = reverse("plans:section", args=[child.pk, "care", care_plan.pk, "permanence"])
    refused = client.post(url, {"text": "  "}).content.decode()
    assert "govuk-error-summary" in refused and "Enter the permanence" in refused
    assert client.post(url, {"text": "Long-term fostering with Mr and Mrs Patel."}).status_code == 302
    page = _page(client, "care", care_plan, child)
    assert "Every required section is written." in page and "Long-term fostering with Mr and Mrs Patel." in page
    assert client.get(reverse("plans:section", args=[child.pk, "care", care_plan.pk, "hobbies"])).status_code == 404


def test_a_newer_care_plan_replaces_the_old_ones_content_and_actions(worker, child, care_plan):
    task = action(worker, outcome(worker, care_plan), owner=worker, due_on=D(2025, 5, 1))
    assert DueItem.objects.open().filter(person=child, key=f"plan-action-{task.pk}").exists()
    newer = lac.care_plan_record(actor=worker, child=child, agreed_on=D(2025, 6, 1))
    assert not DueItem.objects.open().filter(person=child, key=f"plan-action-{task.pk}").exists()
    with pytest.raises(ValidationError, match="no longer current"):
        services.section_set(actor=worker, plan=care_plan, section="health", text="Seen by the dentist.")
    services.section_set(actor=worker, plan=newer, section="health", text="Seen by the dentist.")


def test_the_placement_with_parents_agreement_is_complete_without_its_optional_section(client, worker, child):
    start_care(worker, child, D(2025, 3, 1), legal_status="C2", placement=WITH_PARENTS)
    agreement = lac.pwp_agreement_record(
        actor=worker, child=child, parent_name="Ms Smith", agreement_signed_on=D(2025, 3, 1)
    )
    client.force_login(worker)
    assert "Incomplete" in _page(client, "pwp", agreement, child)
    for key in ("support", "care", "contact", "visits", "ending"):
        services.section_set(actor=worker, plan=agreement, section=key, text=f"The {key} part.")
    page = _page(client, "pwp", agreement, child)
    assert "Every required section is written." in page and "Health and education (optional)" in page
    goal = outcome(worker, agreement)
    action(worker, goal, name="Ms Smith", kind="family", due_on=D(2025, 5, 1))
    assert DueItem.objects.overdue().filter(person=child, rule_code="plan_action_chase", worker=worker).exists()


def test_another_teams_worker_cannot_see_a_looked_after_plan(client, stranger, worker, child, care_plan):
    client.force_login(stranger)
    assert client.get(reverse("plans:detail", args=[child.pk, "care", care_plan.pk])).status_code == 404
    assert client.get(reverse("plans:section", args=[child.pk, "care", care_plan.pk, "health"])).status_code == 404


def test_a_looked_after_review_records_progress_on_the_care_plans_actions(client, worker, child, care_plan):
    task = action(worker, outcome(worker, care_plan), text="Book the dentist", owner=worker, due_on=D(2025, 5, 1))
    client.force_login(worker)
    url = reverse("looked_after:review_new", args=[child.pk])
    assert "Progress on: Book the dentist" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "held_on_0": "20",
            "held_on_1": "5",
            "held_on_2": "2025",
            "participation": "PN1",
            "summary": "",
            f"progress_{task.pk}": "done",
            f"note_{task.pk}": "Seen on 12 May.",
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "done" and task.done_on == D(2025, 5, 20)
    assert not DueItem.objects.open().filter(person=child, key=f"plan-action-{task.pk}").exists()
