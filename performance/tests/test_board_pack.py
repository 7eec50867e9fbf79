"""The corporate parenting board pack: built in the background with its progress shown, a
narrative per section, issued as a PDF and an xlsx that are kept unchanged."""

import datetime
import io
import json

import pytest
from django.db import DatabaseError, transaction
from openpyxl import load_workbook

from children_in_need.testing import at
from performance import services
from performance.models import BoardPack
from synthetic.demo_board_pack import NARRATIVES
from workforce.roles import Role

pytestmark = pytest.mark.django_db
D = datetime.date
PACKS = "/performance/board-packs/"


@pytest.fixture
def qa(clock, make_staff, team):
    clock.travel_to(at(D(2026, 5, 12), 10))
    return make_staff(Role.QA_OFFICER, team=team, first_name="Quinn", last_name="Assurance")


def _form(client, url):
    """The page's form fields that carry tokens (csrf is off in the test client; the form token is not)."""
    import re

    html = client.get(url).content.decode()
    return dict(re.findall(r'name="(form_token)" value="([^"]+)"', html))


def _queued_jobs():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT task_name, args::text, status FROM procrastinate_jobs ORDER BY id")
        return [(task, json.loads(args), status) for task, args, status in cursor.fetchall()]


def test_a_qa_officer_builds_writes_and_issues_the_pack(client, qa):
    client.force_login(qa)
    response = client.post(PACKS, {"quarter_end": "2026-03-31", **_form(client, PACKS)})
    pack = BoardPack.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{PACKS}{pack.pk}/"
    # The build is a job for the worker (performance/tasks.py), queued with the pack's row.
    assert _queued_jobs() == [("performance.build_board_pack", {"pack_id": pack.pk}, "todo")]
    progress = client.get(f"{PACKS}{pack.pk}/progress/").content.decode()
    assert "0% done (0 of 15 figures)" in progress and "hx-trigger" in progress

    services.board_pack_build(pack.pk)  # what the job runs
    page = client.get(f"{PACKS}{pack.pk}/").content.decode()
    assert "Placement stability and distance" in page and "Care leavers" in page
    assert "hx-trigger" not in page  # built: the polling stops
    draft = client.get(f"{PACKS}{pack.pk}/board-pack.pdf")
    assert draft.content.startswith(b"%PDF") and "draft" in draft["Content-Disposition"]

    # Issuing without the narratives is refused, with the error summary, and nothing is issued.
    url = f"{PACKS}{pack.pk}/narratives/"
    refused = client.post(url, {"issue": "1", **_form(client, f"{PACKS}{pack.pk}/")}).content.decode()
    assert "govuk-error-summary" in refused and "Write the narrative of each section" in refused
    pack.refresh_from_db()
    assert not pack.issued

    texts = {f"narrative-{k}": v for k, v in NARRATIVES.items()} | {"narrative-missing": '=HYPERLINK("x")'}
    response = client.post(url, {"issue": "1", **texts, **_form(client, f"{PACKS}{pack.pk}/")})
    assert response.status_code == 302
    pack.refresh_from_db()
    assert pack.issued and pack.issued_by == qa
    pdf = client.get(f"{PACKS}{pack.pk}/board-pack.pdf")
    assert pdf.content == bytes(pack.pdf) and pdf["Content-Type"] == "application/pdf"
    book = load_workbook(io.BytesIO(client.get(f"{PACKS}{pack.pk}/board-pack.xlsx").content))
    assert "Care leavers" in book.sheetnames
    assert book["Missing from care"]["A2"].value.startswith("'=")  # the author's words, not a formula


def test_an_issued_pack_is_kept_unchanged(qa):
    pack = BoardPack.objects.create(quarter_end=D(2026, 3, 31), created_by=qa, created_at=at(D(2026, 5, 12), 10))
    pack = services.board_pack_build(pack.pk)
    services.board_pack_narratives_save(actor=qa, pack=pack, narratives=NARRATIVES)
    pack = services.board_pack_issue(actor=qa, pack=pack, council="Northshire")
    with pytest.raises(DatabaseError), transaction.atomic():
        BoardPack.objects.filter(pk=pack.pk).update(narratives={})
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.board_pack_narratives_save(actor=qa, pack=pack, narratives=NARRATIVES)


@pytest.mark.parametrize("quarter", ["", "2026-02-30", "1999-03-31", "2026-06-30", "\x00"])
def test_a_bad_quarter_is_a_message(client, qa, quarter):
    client.force_login(qa)
    response = client.post(PACKS, {"quarter_end": quarter, **_form(client, PACKS)})
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not BoardPack.objects.exists()


def test_a_team_manager_may_not_prepare_the_pack(client, manager):
    client.force_login(manager)
    assert client.get(PACKS).status_code == 403
