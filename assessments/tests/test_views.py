"""Assessment pages: start, write and submit, a manager's decision, and the queue."""

import pytest
from django.urls import reverse

from assessments.framework import PARENTING_CAPACITY, SECTIONS
from assessments.models import Assessment
from assessments.testing import complete_every_section
from children_in_need.testing import decide_referral, make_assessment, make_referral, submit_assessment

pytestmark = pytest.mark.usefixtures("today")

# Each page of an assessment: the session, the user, the child (fetch-and-authorise and the read
# log), the record's frame (tabs, badges, warnings), the assessment. Counted, not timed.
QUERIES = 14


@pytest.fixture
def assessment(worker, child):
    decide_referral(worker, make_referral(worker, child))
    return make_assessment(worker, child)


def test_the_pages_render_and_are_404_for_another_team(client, worker, stranger, child, assessment):
    urls = [
        reverse("assessments:new", args=[child.pk]),
        reverse("assessments:detail", args=[child.pk, assessment.pk]),
        reverse("assessments:edit", args=[child.pk, assessment.pk]),
        *(_section(child, assessment, section.slug) for section in SECTIONS),
    ]
    client.force_login(worker)
    for url in urls:
        assert client.get(url).status_code == 200, url
    client.force_login(stranger)
    for url in urls:
        assert client.get(url).status_code == 404, url


def _section(child, assessment, slug):
    return reverse("assessments:section", args=[child.pk, assessment.pk, slug])


def test_a_section_is_saved_as_a_draft_then_completed(client, worker, child, assessment):
    client.force_login(worker)
    url = _section(child, assessment, "parents-views")
    response = client.post(url, {"parents_views": "Mum wants help with routines.", "completed": "no"})
    assert response.status_code == 302 and response.url == reverse("assessments:edit", args=[child.pk, assessment.pk])
    tasks = client.get(response.url).content.decode()
    assert "In progress" in tasks and "Not started" in tasks
    client.post(url, {"parents_views": "Mum wants help with routines.", "completed": "yes"})
    saved = Assessment.objects.get()
    assert saved.parents_views == "Mum wants help with routines." and saved.completed_sections == ["parents-views"]
    assert "Mum wants help with routines." in client.get(url).content.decode()  # shown again to change it


def test_a_side_of_the_triangle_cannot_be_completed_with_a_domain_missing(client, worker, child, assessment):
    client.force_login(worker)
    data = {f"{domain.code}__going_well": "Fine." for domain in PARENTING_CAPACITY.domains} | {"completed": "yes"}
    del data["stability__going_well"]
    body = client.post(_section(child, assessment, "parenting-capacity"), data).content.decode()
    assert "There is a problem" in body
    assert "Stability: enter what is going well or what we are worried about, or why it was not assessed" in body
    assert Assessment.objects.get().domains == {}  # nothing half-saved
    data["stability__not_assessed"] = "Dad was not available; to follow in the plan."
    assert client.post(_section(child, assessment, "parenting-capacity"), data).status_code == 302
    assert Assessment.objects.get().domains["stability"]["not_assessed"].startswith("Dad was not available")


def test_bad_input_on_every_section_is_an_error_never_a_500(client, worker, child, assessment):
    client.force_login(worker)
    bad = {
        "childs-voice": {
            "child_seen_on_0": "31",
            "child_seen_on_1": "2",
            "child_seen_on_2": "2025",
            "seen_alone": "maybe",
        },
        "other-agencies": {"agency": "School", "said_on_0": "1", "said_on_1": "1", "said_on_2": "99999"},
        "analysis": {"factors": ["99Z"], "outcome": "adopt", "completed": "perhaps"},
        "developmental-needs": {"health__going_well": "x" * 5, "completed": "yes"},
        "parents-views": {"completed": "yes"},
    }
    for slug, data in bad.items():
        response = client.post(_section(child, assessment, slug), data)
        assert response.status_code == 200, slug
        assert "There is a problem" in response.content.decode(), slug
    assert client.get(_section(child, assessment, "no-such-section")).status_code == 404
    response = client.post(_section(child, assessment, "other-agencies"), {"remove": "first"})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    response = client.post(_section(child, assessment, "other-agencies"), {"remove": "7"})
    assert "That agency&#x27;s information is not on this assessment" in response.content.decode()
    saved = Assessment.objects.get()
    assert saved.domains == {} and saved.completed_sections == [] and saved.agency_information == []


def test_agencies_are_added_one_at_a_time_and_can_be_removed(client, worker, child, assessment):
    client.force_login(worker)
    url = _section(child, assessment, "other-agencies")
    client.post(
        url,
        {
            "agency": "Oak Lane Primary",
            "said": "Attendance 81%.",
            "said_on_0": "2",
            "said_on_1": "6",
            "said_on_2": "2025",
            "completed": "no",
        },
    )
    client.post(
        url,
        {
            "agency": "Health visitor",
            "said": "Growth fine.",
            "said_on_0": "2",
            "said_on_1": "6",
            "said_on_2": "2025",
            "completed": "yes",
        },
    )
    body = client.get(url).content.decode()
    assert "Oak Lane Primary" in body and "Health visitor" in body
    assert client.post(url, {"remove": "0"}).status_code == 302
    saved = Assessment.objects.get()
    assert [a["agency"] for a in saved.agency_information] == ["Health visitor"]
    assert saved.completed_sections == ["other-agencies"]


def test_submitting_with_sections_to_complete_names_them(client, worker, child, assessment):
    client.force_login(worker)
    complete_every_section(worker, assessment)
    client.post(
        _section(child, assessment, "childs-voice"),
        {"completed": "no", "child_seen_on_0": "2", "child_seen_on_1": "6", "child_seen_on_2": "2025"},
    )
    body = client.post(reverse("assessments:edit", args=[child.pk, assessment.pk]), {}).content.decode()
    assert "Complete ‘The child&#x27;s voice’" in body
    assert Assessment.objects.get().status == "in_progress"
    client.post(
        _section(child, assessment, "childs-voice"),
        {
            "completed": "yes",
            "child_seen_on_0": "2",
            "child_seen_on_1": "6",
            "child_seen_on_2": "2025",
            "seen_alone": "no",
            "not_seen_alone_reason": "Jay asked for his mum to stay.",
            "wishes_and_feelings": "‘I want to stay at home.’",
            "how_gathered": "Talked while drawing, at home.",
        },
    )
    response = client.post(reverse("assessments:edit", args=[child.pk, assessment.pk]), {})
    assert response.status_code == 302
    assert Assessment.objects.get().status == "submitted"


def test_the_record_shows_every_section_and_the_rationale(client, worker, manager, child, assessment):
    submit_assessment(worker, assessment)
    client.force_login(manager)
    client.post(
        reverse("assessments:authorise", args=[child.pk, assessment.pk]),
        {"decision": "authorise", "rationale": "Needs are clear; support at home will meet them."},
    )
    body = client.get(reverse("assessments:detail", args=[child.pk, assessment.pk])).content.decode()
    for text in (
        "Emotional and behavioural development",
        "Guidance and boundaries",
        "Community resources",
        "Three houses tool",
        "Mother agrees there is a problem",
        "Attendance 92%",
        "Support under a CIN plan.",
        "Needs are clear; support at home will meet them.",
    ):
        assert text in body, text
    chronology = client.get(reverse("casework:chronology", args=[child.pk])).content.decode()
    assert "Rationale: Needs are clear; support at home will meet them." in chronology


def test_the_pages_are_a_fixed_number_of_queries(client, worker, child, assessment, django_assert_max_num_queries):
    complete_every_section(worker, assessment)
    client.force_login(worker)
    client.get(reverse("assessments:edit", args=[child.pk, assessment.pk]))  # warm the session and caches
    for url in (
        reverse("assessments:edit", args=[child.pk, assessment.pk]),
        reverse("assessments:detail", args=[child.pk, assessment.pk]),
        *(_section(child, assessment, section.slug) for section in SECTIONS),
    ):
        with django_assert_max_num_queries(QUERIES):
            assert client.get(url).status_code == 200, url


def test_the_manager_authorises_from_the_queue(
    client, worker, manager, child, assessment, django_assert_max_num_queries
):
    submit_assessment(worker, assessment)
    client.force_login(manager)
    with django_assert_max_num_queries(8):
        queue = client.get(reverse("assessments_queue:queue")).content.decode()
    url = reverse("assessments:authorise", args=[child.pk, assessment.pk])
    assert url in queue
    response = client.post(url, {"decision": "authorise"})
    assert "Enter your rationale for authorising the assessment" in response.content.decode()
    assert Assessment.objects.get().status == "submitted"
    assert client.post(url, {"decision": "authorise", "rationale": "Clear analysis."}).status_code == 302
    assert Assessment.objects.get().status == "authorised"


def test_a_manager_cannot_authorise_their_own_assessment_and_sees_why(client, manager, child):
    decide_referral(manager, make_referral(manager, child))
    assessment = submit_assessment(manager, make_assessment(manager, child))
    client.force_login(manager)
    response = client.post(
        reverse("assessments:authorise", args=[child.pk, assessment.pk]),
        {"decision": "authorise", "rationale": "Fine."},
    )
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
    client.post(
        reverse("assessments:authorise", args=[child.pk, assessment.pk]),
        {"decision": "return", "comments": "Add the father's view."},
    )
    client.force_login(worker)
    body = client.get(reverse("assessments:edit", args=[child.pk, assessment.pk])).content.decode()
    assert "Add the father&#x27;s view." in body
