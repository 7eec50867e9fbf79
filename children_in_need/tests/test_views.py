"""The journey tab and the CIN plan and closure pages: render, 404 for another team's worker,
403 for roles that only read, bounded queries, and refusals shown on the form."""

import datetime

import pytest
from django.urls import reverse

from child_protection.services import core_group_record, review_conference_record
from children_in_need import services
from children_in_need.models import CINEpisode
from children_in_need.testing import at, decide_referral, make_contact, make_cp_plan, make_referral, make_visit
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.fixture
def episode(worker, child):
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 1), 9))
    decide_referral(worker, referral)
    return referral.episode


@pytest.fixture
def cin_plan(worker, child, episode):
    return services.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 12))


def pages(child, episode, plan):
    return [
        reverse("children_in_need:journey", args=[child.pk]),
        reverse("children_in_need:cin_plan_new", args=[child.pk]),
        reverse("children_in_need:cin_plan_review_new", args=[child.pk, plan.pk]),
        reverse("children_in_need:cin_plan_end", args=[child.pk, plan.pk]),
        reverse("children_in_need:episode_close", args=[child.pk, episode.pk]),
    ]


def test_every_page_renders_for_the_allocated_worker(client, worker, child, episode, cin_plan):
    client.force_login(worker)
    for url in pages(child, episode, cin_plan):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Jay Smith" in response.content.decode()


def test_another_teams_worker_gets_404_and_a_reader_gets_403_on_forms(
    client, stranger, make_staff, child, episode, cin_plan
):
    client.force_login(stranger)
    for url in pages(child, episode, cin_plan):
        assert client.get(url).status_code == 404, url
    client.force_login(make_staff(Role.QA_OFFICER))
    urls = pages(child, episode, cin_plan)
    assert client.get(urls[0]).status_code == 200
    for url in urls[1:]:
        assert client.get(url).status_code == 403, url


def test_the_journey_shows_status_history_due_items_and_next_actions(client, worker, child):
    make_contact(worker, child, received_at=at(D(2025, 4, 30), 9))
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1), icpc_on=D(2025, 5, 9), category="PHY")
    client.force_login(worker)
    body = client.get(reverse("children_in_need:journey", args=[child.pk])).content.decode()
    assert "Child protection plan: physical abuse" in body  # the badge
    assert "Since 9 May 2025. Physical abuse." in body  # the summary block
    assert "Hold the first core group meeting" in body and "Overdue" in body
    assert "Initial child protection conference" in body and "Section 47 enquiry started" in body
    assert reverse("child_protection:review_conference_new", args=[child.pk, plan.pk]) in body
    assert "Screen the contact received on 30 April 2025" in body


def test_the_journey_page_query_count_does_not_grow_with_the_record(
    client, worker, child, django_assert_max_num_queries
):
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1), icpc_on=D(2025, 5, 2))
    url = reverse("children_in_need:journey", args=[child.pk])
    client.force_login(worker)
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    for day in (5, 12, 19, 26):
        core_group_record(actor=worker, plan=plan, held_on=D(2025, 5, day))
        make_visit(worker, child, at(D(2025, 5, day), 14))
    review_conference_record(actor=worker, plan=plan, held_on=D(2025, 5, 30), outcome="continue", category="NEG")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_closing_the_case_from_the_page(client, worker, child, episode):
    client.force_login(worker)
    url = reverse("children_in_need:episode_close", args=[child.pk, episode.pk])
    response = client.post(
        url, {"closure_date_0": "2", "closure_date_1": "6", "closure_date_2": "2025", "closure_reason": "RC8"}
    )
    assert response.status_code == 302
    assert CINEpisode.objects.get().closure_reason == "RC8"


def test_a_refused_closure_shows_the_message_and_saves_nothing(client, worker, child, episode):
    client.force_login(worker)
    url = reverse("children_in_need:episode_close", args=[child.pk, episode.pk])
    response = client.post(
        url, {"closure_date_0": "30", "closure_date_1": "4", "closure_date_2": "2025", "closure_reason": "RC8"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "The closure date must be on or after the referral date, 1 May 2025" in body
    assert CINEpisode.objects.get().is_open


# --- Work trays (trays.views.my_work and my_team) --------------------------------------------


def test_my_work_shows_overdue_due_soon_and_returned_with_links_to_the_child(
    client, worker, manager, child, clock, django_assert_max_num_queries
):
    from assessments.services import assessment_return
    from children_in_need.testing import make_assessment, submit_assessment

    clock.travel_to(at(D(2025, 6, 2), 17))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    assessment = submit_assessment(worker, make_assessment(worker, child))
    assessment_return(actor=manager, assessment=assessment, comments="More detail.")
    clock.travel_to(at(D(2025, 6, 17), 9))
    client.force_login(worker)
    client.get(reverse("my_work"))
    # 12 until My work also showed the worker's own supervision (when next due, its actions) and
    # the IRO's challenges addressed to them: a fixed number of queries, whatever their number;
    # 16 since it shows the worker's own induction items and mandatory training (staff); 17 with
    # their improvement plan actions (one query: improvement.selectors.tray_for).
    with django_assert_max_num_queries(17):
        response = client.get(reverse("my_work"))
    body = response.content.decode()
    assert "Overdue (2)" in body and "Due in the next 7 days (" in body
    assert reverse("children_in_need:journey", args=[child.pk]) in body
    assert reverse("assessments:edit", args=[child.pk, assessment.pk]) in body


def test_my_team_shows_the_overdue_visit_and_filters(
    client, worker, manager, child, clock, django_assert_max_num_queries
):
    clock.travel_to(at(D(2025, 6, 2), 17))
    make_cp_plan(worker, child, referral_on=D(2025, 6, 2))
    clock.travel_to(at(D(2025, 6, 17), 9))
    client.force_login(manager)
    client.get(reverse("my_team"))
    # 14 until My team showed the weighted caseloads and the staff's induction and training
    # (caseloads, staff) and the team's unallocated tray with last seen (issue 13): fixed numbers;
    # 27 with the manager's own improvement plan actions (one query).
    with django_assert_max_num_queries(27):
        response = client.get(reverse("my_team"))
    body = response.content.decode()
    assert "Children not seen within their visiting standard (1)" in body
    assert "Visit the child on a child protection plan" in body
    assert "Overdue items by worker (2)" in body
    filtered = client.get(reverse("my_team"), {"worker": worker.pk, "what": "cp_visit"}).content.decode()
    assert "Overdue items by worker (1)" in filtered
    ignored = client.get(reverse("my_team"), {"worker": "abc", "what": "<script>"})
    assert ignored.status_code == 200 and "Overdue items by worker (2)" in ignored.content.decode()
