"""Assessment pages: start, write and submit, a manager's decision, and the queue."""

import pytest
from django.urls import reverse

from assessments.models import Assessment
from children_in_need.testing import decide_referral, make_assessment, make_referral, submit_assessment

pytestmark = pytest.mark.usefixtures("today")


@pytest.fixture
def assessment(worker, child):
    decide_referral(worker, make_referral(worker, child))
    return make_assessment(worker, child)


def test_the_pages_render_and_are_404_for_another_team(client, worker, stranger, child, assessment):
    urls = [reverse("assessments:new", args=[child.pk]), reverse("assessments:detail", args=[child.pk, assessment.pk]),
            reverse("assessments:edit", args=[child.pk, assessment.pk])]
    client.force_login(worker)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_save_as_draft_then_submit(client, worker, child, assessment):
    client.force_login(worker)
    url = reverse("assessments:edit", args=[child.pk, assessment.pk])
    client.post(url, {"analysis": "Draft.", "factors": ["4B"], "save_draft": "1"})
    assert Assessment.objects.get().status == "in_progress"
    response = client.post(url, {"analysis": "Done.", "factors": ["4B", "3A"], "outcome": "cin_plan"})
    assert response.status_code == 302
    saved = Assessment.objects.get()
    assert saved.status == "submitted" and saved.factors == ["4B", "3A"]


def test_submitting_without_an_outcome_shows_the_error(client, worker, child, assessment):
    client.force_login(worker)
    response = client.post(reverse("assessments:edit", args=[child.pk, assessment.pk]), {"analysis": "Done.", "factors": ["4B"]})
    assert "Select the outcome" in response.content.decode()
    assert Assessment.objects.get().status == "in_progress"


def test_the_manager_authorises_from_the_queue(client, worker, manager, child, assessment, django_assert_max_num_queries):
    submit_assessment(worker, assessment)
    client.force_login(manager)
    with django_assert_max_num_queries(8):
        queue = client.get(reverse("assessments_queue:queue")).content.decode()
    url = reverse("assessments:authorise", args=[child.pk, assessment.pk])
    assert url in queue
    assert client.post(url, {"decision": "authorise"}).status_code == 302
    assert Assessment.objects.get().status == "authorised"


def test_a_manager_cannot_authorise_their_own_assessment_and_sees_why(client, manager, child):
    decide_referral(manager, make_referral(manager, child))
    assessment = submit_assessment(manager, make_assessment(manager, child))
    client.force_login(manager)
    response = client.post(reverse("assessments:authorise", args=[child.pk, assessment.pk]), {"decision": "authorise"})
    assert response.status_code == 200
    assert "You cannot authorise an assessment you wrote or submitted" in response.content.decode()
    assert Assessment.objects.get().status == "submitted"


def test_a_social_worker_cannot_open_the_authorisation_page(client, worker, child, assessment):
    client.force_login(worker)
    assert client.get(reverse("assessments:authorise", args=[child.pk, assessment.pk])).status_code == 403
    assert client.get(reverse("assessments_queue:queue")).status_code == 403


def test_a_returned_assessment_shows_the_managers_comments(client, worker, manager, child, assessment):
    submit_assessment(worker, assessment)
    client.force_login(manager)
    client.post(reverse("assessments:authorise", args=[child.pk, assessment.pk]),
                {"decision": "return", "comments": "Add the father's view."})
    client.force_login(worker)
    body = client.get(reverse("assessments:edit", args=[child.pk, assessment.pk])).content.decode()
    assert "Add the father&#x27;s view." in body
