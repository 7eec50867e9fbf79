"""A double click records once (issue 12, finding 5): every POST form carries a one-time token,
and a second POST with the same token does not run the view again."""

import datetime
import re
import threading
from unittest import mock

import pytest
from django.core import signing
from django.db import connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from casework.models import CaseNote, Visit
from core import submissions
from core.models import FormSubmission

pytestmark = pytest.mark.usefixtures("today")

_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')


def token_from(response) -> str:
    """The token of the page's form: the last one, after the header's sign-out form."""
    tokens = _TOKEN.findall(response.content.decode())
    assert len(tokens) == 2, "the sign-out form's token and the page form's"
    return tokens[-1]


def visit_data(token, day=datetime.date(2025, 6, 1), **overrides):
    return {
        "form_token": token,
        "visit_date_0": str(day.day),
        "visit_date_1": str(day.month),
        "visit_date_2": str(day.year),
        "visit_time": "09:30",
        "visit_type": "cp",
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "voice_of_child": "I like my room.",
        "observations": "Room clean, bed made.",
        "next_steps": "",
    } | overrides


def test_twenty_identical_submissions_of_a_visit_write_one_visit(client, worker, child):
    client.force_login(worker)
    url = reverse("casework:visit_new", args=[child.pk])
    data = visit_data(token_from(client.get(url)))
    responses = [client.post(url, data) for _ in range(20)]
    assert Visit.objects.count() == 1
    visits = reverse("casework:visits", args=[child.pk])
    assert all(r.status_code == 302 and r.url == visits for r in responses)


def test_twenty_identical_submissions_of_a_case_note_write_one_note(client, worker, child):
    client.force_login(worker)
    url = reverse("casework:note_new", args=[child.pk])
    data = {
        "form_token": token_from(client.get(url)),
        "note_type": "telephone",
        "note_date_0": "1",
        "note_date_1": "6",
        "note_date_2": "2025",
        "note_time": "11:15",
        "subject": "Call from school",
        "body": "Jay was upset this morning.",
    }
    for _ in range(20):
        assert client.post(url, data).status_code == 302
    assert CaseNote.objects.count() == 1


def test_a_form_with_an_error_comes_back_with_a_fresh_token_and_can_be_corrected(client, worker, child):
    client.force_login(worker)
    url = reverse("casework:visit_new", args=[child.pk])
    first = token_from(client.get(url))
    failed = client.post(url, visit_data(first, observations=""))
    assert failed.status_code == 200 and "Enter your observations" in failed.content.decode()
    fresh = token_from(failed)
    assert fresh != first
    # Sending the failed form again (a double click on it) does not run it twice: back to the form.
    again = client.post(url, visit_data(first, observations=""), follow=True, HTTP_REFERER="http://testserver" + url)
    assert again.redirect_chain[-1][0].endswith(url)
    assert submissions.ALREADY_SENT in again.content.decode()
    assert "govuk-notification-banner" in again.content.decode()
    corrected = client.post(url, visit_data(fresh))
    assert corrected.status_code == 302 and Visit.objects.count() == 1


def test_two_users_tokens_do_not_collide(client, worker, manager, child):
    url = reverse("casework:visit_new", args=[child.pk])
    client.force_login(worker)
    workers_token = token_from(client.get(url))
    other = Client()
    other.force_login(manager)
    managers_token = token_from(other.get(url))
    assert client.post(url, visit_data(workers_token)).status_code == 302
    assert other.post(url, visit_data(managers_token, day=datetime.date(2025, 5, 30))).status_code == 302
    assert Visit.objects.count() == 2
    # A token is its user's own: the manager cannot send the worker's form again as theirs.
    response = other.post(url, visit_data(workers_token, day=datetime.date(2025, 5, 29)), follow=True)
    assert submissions.EXPIRED in response.content.decode() and Visit.objects.count() == 2


def test_a_post_without_a_token_still_works(client, worker, child):
    client.force_login(worker)
    data = visit_data("")
    del data["form_token"]
    assert client.post(reverse("casework:visit_new", args=[child.pk]), data).status_code == 302
    assert Visit.objects.count() == 1


def test_an_expired_or_forged_token_does_not_run_the_form(client, worker, child):
    client.force_login(worker)
    url = reverse("casework:visit_new", args=[child.pk])
    long_ago = timezone.now().timestamp() - submissions.MAX_AGE.total_seconds() - 60
    with mock.patch.object(signing.time, "time", return_value=long_ago):
        old = submissions.issue(worker)
    for token in (old, "forged", "x" * 5000):
        response = client.post(url, visit_data(token), follow=True)
        assert submissions.EXPIRED in response.content.decode()
    assert Visit.objects.count() == 0


def test_every_post_form_in_the_templates_carries_a_token():
    from pathlib import Path

    from django.conf import settings

    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    for root in roots:
        for template in root.rglob("*.html"):
            text = template.read_text()
            assert text.count("{% csrf_token %}") == text.count("{% csrf_token %}{% form_token %}"), template


def test_expired_rows_are_cleaned_up_cheaply(worker):
    old = FormSubmission.objects.create(user=worker, token="old")
    FormSubmission.objects.filter(pk=old.pk).update(created_at=timezone.now() - submissions.MAX_AGE * 2)
    recent = FormSubmission.objects.create(user=worker, token="recent")
    submissions._clean_up(FormSubmission(pk=submissions.CLEAN_UP_EVERY * 7))
    assert list(FormSubmission.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db(transaction=True)
def test_two_submissions_at_the_same_moment_write_one_visit(worker, child, clock):
    """The token's row is committed before the view runs, so of two requests arriving together
    only one passes; the other waits for it and goes where it went."""
    from children_in_need.testing import TODAY, at

    clock.travel_to(at(TODAY, 17))
    url = reverse("casework:visit_new", args=[child.pk])
    first = Client()
    first.force_login(worker)
    data = visit_data(token_from(first.get(url)))
    start, responses = threading.Barrier(2), []

    def send():
        # Each thread has its own database connection: close it, or it outlives the test and
        # the test database cannot be dropped at the end of the run.
        try:
            client = Client()
            client.force_login(worker)
            start.wait()
            responses.append(client.post(url, data))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Visit.objects.count() == 1
    assert sorted(r.status_code for r in responses) == [302, 302]
