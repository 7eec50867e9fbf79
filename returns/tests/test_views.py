import io
import json
import zipfile

import pytest

from returns import services
from returns.models import ExportStatus, ReturnExport
from workforce.roles import Role


@pytest.fixture
def officer_client(client, qa_officer):
    client.force_login(qa_officer)
    return client


@pytest.mark.parametrize(
    "role",
    [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.IRO, Role.MASH_WORKER, Role.SYSTEM_ADMIN, Role.PERSONAL_ADVISER],
)
def test_only_qa_officers_and_senior_leaders_may_export(client, make_staff, team, role, authority):
    client.force_login(make_staff(role, team=team))
    assert client.get("/returns/").status_code == 403
    assert client.post("/returns/", {"kind": "cin", "year": "2026"}).status_code == 403
    assert not ReturnExport.objects.exists()
    export = services.export_request(actor=make_staff(Role.SENIOR_LEADER, team=team), kind="cin", year="2026")
    for suffix in ("", "progress/", "download/"):
        assert client.get(f"/returns/{export.pk}/{suffix}").status_code == 403


def test_the_navigation_offers_returns_to_performance_roles_only(client, make_staff, team):
    client.force_login(make_staff(Role.SENIOR_LEADER, team=team))
    assert 'href="/returns/"' in client.get("/performance/").content.decode()
    client.force_login(make_staff(Role.SOCIAL_WORKER, team=team))
    assert 'href="/returns/"' not in client.get("/my-work/").content.decode()


def _queued_jobs():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT task_name, args::text, status FROM procrastinate_jobs ORDER BY id")
        return [(task, json.loads(args), status) for task, args, status in cursor.fetchall()]


def test_an_officer_starts_an_export_watches_it_and_downloads_it(officer_client, qa_officer, authority):
    response = officer_client.post("/returns/", {"kind": "ssda903", "year": "2026", "months": "12"})
    export = ReturnExport.objects.get()
    assert response.status_code == 302 and response.url == f"/returns/{export.pk}/"
    assert (export.kind, export.year, export.requested_by, export.status) == (
        "ssda903",
        2026,
        qa_officer,
        ExportStatus.QUEUED,
    )
    # Its build is a job on the queue, saved with the row, for the job worker (returns/tasks.py).
    assert _queued_jobs() == [("returns.build_export", {"export_id": export.pk}, "todo")]

    waiting = officer_client.get(f"/returns/{export.pk}/progress/").content.decode()
    assert 'hx-trigger="every 1s"' in waiting and "<progress" in waiting

    services.export_run(export.pk)  # what the job worker runs
    done = officer_client.get(f"/returns/{export.pk}/progress/").content.decode()
    assert "hx-trigger" not in done  # finished: the polling stops
    assert "The return is ready" in done

    download = officer_client.get(f"/returns/{export.pk}/download/")
    assert download["Content-Disposition"] == 'attachment; filename="ssda903-2026.zip"'
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert "2026/episodes.csv" in archive.namelist() and "2025/header.csv" in archive.namelist()

    listing = officer_client.get("/returns/").content.decode()
    assert "Quinn Analyst" in listing and "Ready" in listing


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"kind": "cin", "year": "26"}, "year", "Year must be four digits"),
        ({"kind": "cin", "year": ""}, "year", "Enter the collection year"),
        ({"kind": "annex-a", "as_of_0": "30", "as_of_1": "2", "as_of_2": "2026"}, "as_of", "must be a real date"),
        ({"kind": "annex-a"}, "as_of", "Enter the date the period ends"),
        (
            {"kind": "annex-a", "as_of_0": "31", "as_of_1": "3", "as_of_2": "2026", "months": "99"},
            "months",
            "Months must be a whole number",
        ),
        ({}, "kind", "Select which return to build"),
    ],
)
def test_bad_input_gets_an_error_summary_and_nothing_is_saved(officer_client, data, field, message):
    response = officer_client.post("/returns/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page and message in page
    assert not ReturnExport.objects.exists() and not _queued_jobs()


def test_the_exports_list_is_a_fixed_number_of_queries(
    officer_client, qa_officer, make_staff, team, django_assert_max_num_queries
):
    for n in range(5):
        services.export_request(actor=make_staff(Role.SENIOR_LEADER, team=team), kind="cin", year="2026")
    with django_assert_max_num_queries(8):
        page = officer_client.get("/returns/")
    assert page.content.decode().count('class="govuk-tag govuk-tag--grey"') == 5


def test_a_failed_export_says_why(officer_client, qa_officer, settings, tmp_path):
    export = services.export_request(actor=qa_officer, kind="cin", year="2026")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker  # the exports folder cannot be made inside a file
    services.export_run(export.pk)
    page = officer_client.get(f"/returns/{export.pk}/").content.decode()
    assert "The export failed" in page
    assert officer_client.get(f"/returns/{export.pk}/download/").status_code == 404
