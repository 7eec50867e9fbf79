"""The programme report as a PDF for the practice improvement board: the same roles as the page and
the xlsx, the same figures (counted over the children the user may see), and no child named."""

import re

import pytest
from django.urls import reverse

from audits import services
from audits.models import Audit
from audits.tests.conftest import grade, grades_for, make_programme

pytestmark = pytest.mark.django_db

_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\) Tj")


def shown_text(pdf: bytes) -> list[str]:
    """The strings the PDF draws, in order: the report is written uncompressed with the built-in
    fonts, so each is a literal string shown with Tj (the PDF spec's escapes undone)."""
    return [re.sub(rb"\\(.)", rb"\1", m).decode("latin-1") for m in _SHOWN.findall(pdf)]


def _follows(text: list[str], *cells: str) -> bool:
    """Whether `cells` are drawn one after another: a row of a table."""
    return any(text[i : i + len(cells)] == list(cells) for i in range(len(text)))


@pytest.fixture
def audited(children, qa, moderator, tool):
    """One child of each team audited: ours requires improvement (moderated, agreed), theirs good."""
    programme = make_programme(qa, tool, [qa], [moderator], sample_rule="all", sample_size=None, moderation_percent=0)
    services.sample_draw(actor=qa, programme=programme)
    ours = Audit.objects.select_related("programme__tool").get(child=children[0][0])
    theirs = Audit.objects.select_related("programme__tool").get(child=children[1][0])
    grade(ours, grade=3, themes=["voice"], actions=[{"action": "Update the plan", "owner": "worker", "due_on": None}])
    grade(theirs, grade=2)
    Audit.objects.filter(pk=ours.pk).update(moderator=moderator)
    ours.refresh_from_db()
    services.audit_moderate(
        actor=moderator, audit=ours, grades=grades_for(ours, 3, "Agreed."), overall_grade=3, overall_evidence="Agreed."
    )
    return programme


def test_the_board_pdf_holds_the_programmes_figures_and_names_no_child(
    client, audited, qa, django_assert_max_num_queries
):
    client.force_login(qa)
    client.get(reverse("audits:report_pdf"))
    with django_assert_max_num_queries(16):
        response = client.get(reverse("audits:report_pdf"), {"programme": audited.pk})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="case-audits.pdf"'
    pdf = response.content
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    text = shown_text(pdf)
    assert "Children placed with parents." in " ".join(text)  # the programme the report is narrowed to
    assert _follows(text, "Audits completed", "2") and _follows(text, "Moderated", "1")
    assert _follows(text, "Actions open, in time", "1") and _follows(text, "Actions overdue", "0")
    assert _follows(text, "Requires improvement to be good", "1") and _follows(text, "Good", "1")
    assert _follows(text, "Children placed with parents", "0", "1", "1", "0", "2")  # by programme, by grade
    assert _follows(text, "Children placed with parents", "6", "2")  # completion: sampled, audited
    assert _follows(text, "The case overall", "1", "100.0%")  # moderation agreement
    assert _follows(text[text.index("Learning themes") :], "Voice of the child", "1")
    assert not any("Parker" in line for line in text) and b"Parker" not in pdf


def test_the_board_pdf_counts_only_the_children_the_user_may_see_and_is_for_the_report_roles(
    client, audited, manager, worker
):
    client.force_login(manager)  # a team manager reads the report for the children of their team
    text = shown_text(client.get(reverse("audits:report_pdf")).content)
    assert _follows(text, "Audits completed", "1") and _follows(text, "Requires improvement to be good", "1")
    assert _follows(text, "Good", "0")  # the other team's audit is not counted
    assert "Every programme. Drawn from the case record on 2 June 2025." in text
    client.force_login(worker)
    assert client.get(reverse("audits:report_pdf")).status_code == 403
    assert client.get(reverse("audits:report_xlsx")).status_code == 403


def test_a_stale_or_junk_filter_gives_an_empty_report_not_an_error(client, audited, qa):
    client.force_login(qa)
    for junk in ({"programme": "999999"}, {"programme": "x", "grade": "9", "service": "<b>"}):
        response = client.get(reverse("audits:report_pdf"), junk)
        assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    text = shown_text(client.get(reverse("audits:report_pdf"), {"programme": "999999"}).content)
    assert _follows(text, "Audits completed", "0")
