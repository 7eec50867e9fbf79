"""Child protection pages: render, 404 for another team's worker, refusals shown on the form."""

import datetime

import pytest
from django.urls import reverse

from child_protection.models import ChildProtectionPlan, Conference
from child_protection.services import section47_start
from children_in_need.testing import decide_referral, make_cp_plan, make_referral, make_strategy_discussion

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def test_the_pages_render_and_are_404_for_another_team(client, worker, stranger, child):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    discussion = make_strategy_discussion(worker, child, held_on=D(2025, 5, 20))
    enquiry = section47_start(actor=worker, discussion=discussion, start_date=D(2025, 5, 20))
    urls = [
        reverse("child_protection:strategy_discussion_new", args=[child.pk]),
        reverse("child_protection:section47_new", args=[child.pk, discussion.pk]),
        reverse("child_protection:section47_conclude", args=[child.pk, enquiry.pk]),
        reverse("child_protection:initial_conference_new", args=[child.pk, enquiry.pk]),
        reverse("child_protection:transfer_in_conference_new", args=[child.pk]),
        reverse("child_protection:review_conference_new", args=[child.pk, plan.pk]),
        reverse("child_protection:core_group_new", args=[child.pk, plan.pk]),
        reverse("child_protection:plan_end", args=[child.pk, plan.pk]),
    ]
    client.force_login(worker)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_an_overlapping_plan_is_refused_on_the_form(client, worker, child):
    make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    client.force_login(worker)
    response = client.post(
        reverse("child_protection:transfer_in_conference_new", args=[child.pk]),
        {
            "held_on_0": "20",
            "held_on_1": "5",
            "held_on_2": "2025",
            "previous_authority": "Southshire",
            "category": "NEG",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Plans cannot overlap" in body and 'href="#id_held_on_0"' in body
    assert ChildProtectionPlan.objects.count() == 1 and Conference.objects.count() == 1


def test_the_initial_conference_form_starts_a_plan(client, worker, child):
    decide_referral(worker, make_referral(worker, child), next_step="strategy_discussion")
    discussion = make_strategy_discussion(worker, child)
    enquiry = section47_start(actor=worker, discussion=discussion, start_date=discussion.held_on)
    client.force_login(worker)
    response = client.post(
        reverse("child_protection:initial_conference_new", args=[child.pk, enquiry.pk]),
        {
            "held_on_0": "2",
            "held_on_1": "6",
            "held_on_2": "2025",
            "outcome": "plan",
            "category": "SAB",
        },
    )
    assert response.status_code == 302
    assert ChildProtectionPlan.objects.get().initial_category == "SAB"
