"""The casework pages in a real browser: each page is checked with axe (tests/browser/conftest.py
fails on serious or critical problems and on any console error, such as a CSP violation)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from casework.models import Visit
from casework.tests.conftest import child, manager, worker  # noqa: F401  (the casework fixtures)
from casework.tests.factories import make_note, make_visit, upload
from casework.tests.test_views import add_events

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_opens_every_casework_page(browse, worker, manager, child):
    make_visit(actor=worker, child=child)
    make_note(actor=worker, child=child, upload=upload("report.pdf"))
    add_events(worker, child, 2)
    browse.sign_in(manager.username)
    for name in ["visits", "visit_new", "notes", "note_new", "chronology", "chronology_print", "allocation"]:
        browse.goto(reverse(f"casework:{name}", args=[child.pk]))
    browse.goto(reverse("casework:visit_new", args=[child.pk]))
    browse.submit("Save visit")
    assert browse.page.get_by_text("There is a problem").is_visible()


def test_a_social_worker_records_a_visit(browse, worker, child):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    browse.sign_in(worker.username)
    browse.goto(reverse("casework:visits", args=[child.pk]))
    browse.follow("Record a visit")
    page = browse.page
    for part, value in zip(["Day", "Month", "Year"], [yesterday.day, yesterday.month, yesterday.year]):
        page.get_by_role("group", name="Date of visit").get_by_label(part).fill(str(value))
    page.get_by_label("Time of visit").fill("16:45")
    page.get_by_label("Child protection visit").check()
    page.get_by_role("group", name="Was the child seen?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child's bedroom seen?").get_by_label("Yes").check()
    page.get_by_label("What the child said").fill("Likes his new bunk bed.")
    page.get_by_label("Observations").fill("Bedroom warm, clean bedding.")
    browse.submit("Save visit")
    assert page.get_by_text("Visit recorded").is_visible()
    assert page.get_by_role("table").get_by_text("Child protection visit").is_visible()
    assert Visit.objects.get().voice_of_child == "Likes his new bunk bed."
