"""A QA officer builds a statutory return in the browser: starts it, watches its progress
(updated by htmx polling, no inline script, under the CSP) and downloads it. Every page is
checked with axe (tests/browser/conftest.py). The real job worker builds it, in its own process."""

import pytest
from django.urls import reverse

from jobs.testing import workers  # noqa: F401  (the real job worker, in its own process)
from returns.models import ExportStatus, ReturnExport
from returns.testing import authority, qa_officer  # noqa: F401  (the returns' fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_starts_a_return_sees_its_progress_and_downloads_it(
    browse, authority, qa_officer, tmp_path, workers
):
    workers.start()  # as `make run` does, beside the web server
    # An earlier export of theirs, part-way through, as its build has left it (no job: the worker leaves it be).
    running = ReturnExport.objects.create(
        kind="ssda903",
        year=2026,
        requested_by=qa_officer,
        requested_via="web",
        status=ExportStatus.RUNNING,
        done=3,
        total=10,
    )
    browse.sign_in(qa_officer.username)
    browse.goto(reverse("returns:detail", args=[running.pk]))
    page = browse.page
    assert page.get_by_test_id("progress-text").inner_text().startswith("30% done (3 of 10)")
    assert page.get_by_role("progressbar", name="Progress").get_attribute("value") == "30"
    # The build moves on; the page follows it without being reloaded.
    ReturnExport.objects.filter(pk=running.pk).update(done=8)
    page.get_by_text("80% done (8 of 10)").wait_for()
    ReturnExport.objects.filter(pk=running.pk).update(status=ExportStatus.FAILED, error="The disk is full")
    page.get_by_text("The disk is full").wait_for()
    browse.check()

    browse.goto(reverse("returns:home"))
    page.get_by_label("CIN census", exact=True).check()
    page.get_by_label("Collection year (CIN census and SSDA903)").fill("2026")
    browse.submit("Start the export")
    page.get_by_text("The return is ready").wait_for(timeout=60_000)
    browse.check()
    with page.expect_download() as download:
        page.get_by_test_id("download").click()
    saved = tmp_path / "cin.xml"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "cin-census-2026.xml"
    assert authority.cin.la_id in saved.read_text()

    browse.goto(reverse("returns:home"))
    exports = page.get_by_test_id("exports")
    assert exports.get_by_text("Quinn Analyst").count() == 2
    assert exports.get_by_text("Ready").count() == 1

    # Bad input: the error summary, and nothing started.
    page.get_by_label("Ofsted Annex A", exact=True).check()
    browse.submit("Start the export")
    assert page.get_by_text("There is a problem").is_visible()
    assert ReturnExport.objects.count() == 2
