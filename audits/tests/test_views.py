"""The audit pages: the programme set up and drawn, grading with descriptors shown and evidence
required, the blind moderation, the child's Audits tab, the report with its drill-downs and
download, and who may open each."""

import datetime

import pytest
from django.urls import reverse

from access.models import RecordRead
from audits import services
from audits.models import Audit, Programme
from audits.tests.conftest import grade, make_programme
from workforce.roles import Role

pytestmark = pytest.mark.django_db

D = datetime.date


def _date(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def test_a_qa_officer_sets_up_a_programme_for_two_teams_and_draws_its_sample(
    client, children, qa, moderator, tool, team, other_team
):
    client.force_login(qa)
    page = client.get(reverse("audits:programme_new"))
    assert page.status_code == 200 and "Children in care and care leavers" in page.content.decode()
    form = {
        "theme": "Children placed with parents",
        "tool": str(tool.pk),
        "service": "placed_with_parents",
        "teams": [str(team.pk), str(other_team.pk)],
        "sample_rule": "stratified",
        "sample_size": "9",
        "seed": "42",
        "moderation_percent": "50",
        "auditors": [str(qa.pk)],
        "moderators": [str(moderator.pk)],
        **_date("open_from", D(2025, 1, 1)),
        **_date("open_to", D(2025, 6, 2)),
        **_date("audit_by", D(2025, 6, 30)),
    }
    created = client.post(reverse("audits:programme_new"), form)
    programme = Programme.objects.get()
    assert created.status_code == 302 and created["Location"] == reverse("audits:programme", args=[programme.pk])
    # Nine is more than the cohort: a message, nothing drawn.
    refused = client.post(reverse("audits:programme_draw", args=[programme.pk]), {})
    assert refused.status_code == 200 and "larger than the cohort (6 children)" in refused.content.decode()
    assert not Audit.objects.exists()
    Programme.objects.filter(pk=programme.pk).update(sample_size=2)
    assert client.post(reverse("audits:programme_draw", args=[programme.pk]), {}).status_code == 302
    detail = client.get(reverse("audits:programme", args=[programme.pk]), {"check": "42"}).content.decode()
    assert "Drawn again with seed 42: the same 2 children." in detail
    assert detail.count("Parker") == 2


def test_the_programme_pages_are_for_qa_and_leaders(client, children, qa, worker, tool):
    programme = make_programme(qa, tool, [qa], moderation_percent=0)
    client.force_login(worker)
    assert client.get(reverse("audits:programme_new")).status_code == 403
    assert client.get(reverse("audits:programme", args=[programme.pk])).status_code == 404
    assert client.get(reverse("audits:report")).status_code == 403
    assert client.get(reverse("audits:home")).status_code == 200


@pytest.fixture
def drawn(children, qa, moderator, tool):
    programme = make_programme(qa, tool, [qa], [moderator], sample_rule="all", sample_size=None, moderation_percent=100)
    services.sample_draw(actor=qa, programme=programme)
    return Audit.objects.filter(child=children[0][0]).select_related("programme__tool", "child").get()


def test_grading_shows_each_descriptor_and_refuses_a_grade_without_evidence(client, drawn, qa):
    url = reverse("audits_record:grade", args=[drawn.child_id, drawn.pk])
    client.force_login(qa)
    page = client.get(url).content.decode()
    assert (
        "The child&#x27;s voice runs through the record in their own words" in page
    )  # outstanding, voice of the child
    assert RecordRead.objects.filter(user=qa, person_id=drawn.child_id, reason="Case audit").exists()
    domains = list(drawn.programme.tool.domains.all())
    form = {f"domain_{d.pk}_grade": "2" for d in domains} | {f"domain_{d.pk}_evidence": "Seen alone." for d in domains}
    form |= {"overall_grade": "2", "overall_evidence": ""}
    refused = client.post(url, form)
    assert (
        refused.status_code == 200
        and "Write the evidence for the grade for the case overall" in refused.content.decode()
    )
    drawn.refresh_from_db()
    assert drawn.is_open
    form |= {"overall_evidence": "A good plan.", "action_1": "Update the plan", "owner_1": "worker"}
    done = client.post(url, form)
    assert done.status_code == 302
    drawn.refresh_from_db()
    assert not drawn.is_open and drawn.actions.count() == 1


def test_the_moderator_does_not_see_the_auditors_grades_until_they_have_graded(client, drawn, moderator, worker):
    grade(drawn, grade=2)
    client.force_login(moderator)
    url = reverse("audits_record:audit", args=[drawn.child_id, drawn.pk])
    blind = client.get(url).content.decode()
    assert "auditor’s grades are hidden" in blind and 'data-testid="audit-grades"' not in blind
    tab = client.get(reverse("audits_record:record", args=[drawn.child_id])).content.decode()
    assert 'data-testid="audit-grade"' not in tab
    client.force_login(worker)
    assert "Good" in client.get(reverse("audits_record:record", args=[drawn.child_id])).content.decode()


def test_the_report_counts_and_drills_down_to_the_audits_behind_each_number(
    client, drawn, qa, moderator, django_assert_max_num_queries
):
    grade(drawn, grade=3, actions=[{"action": "Update the plan", "owner": "worker", "due_on": None}], themes=["voice"])
    services.audit_moderate(
        actor=moderator,
        audit=drawn,
        grades={d.pk: (3, "Agreed.") for d in drawn.programme.tool.domains.all()},
        overall_grade=3,
        overall_evidence="Agreed.",
    )
    client.force_login(qa)
    client.get(reverse("audits:report"))
    with django_assert_max_num_queries(16):
        report = client.get(reverse("audits:report")).content.decode()
    drill = reverse("audits:report_audits") + "?grade=3"
    assert drill in report and "100.0%" in report
    listed = client.get(reverse("audits:report_audits"), {"grade": "3"}).content.decode()
    assert "Amy Parker" in listed and reverse("audits_record:audit", args=[drawn.child_id, drawn.pk]) in listed
    assert "Amy Parker" not in client.get(reverse("audits:report_audits"), {"grade": "1"}).content.decode()
    actions = client.get(reverse("audits:report_actions"), {"state": "open"}).content.decode()
    assert "Update the plan" in actions
    for junk in ({"grade": "9", "month": "2025-13", "team": "x", "compliance": "id"}, {"programme": "-1"}):
        assert client.get(reverse("audits:report_audits"), junk).status_code == 200
    download = client.get(reverse("audits:report_xlsx"))
    assert download.status_code == 200 and download["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_actions_are_on_the_childs_record_and_the_owner_marks_them_done(client, drawn, worker):
    grade(drawn, actions=[{"action": "Update the plan", "owner": "worker", "due_on": D(2025, 6, 6)}])
    action = drawn.actions.get()
    client.force_login(worker)
    tab = client.get(reverse("audits_record:record", args=[drawn.child_id])).content.decode()
    assert "Update the plan" in tab
    home = client.get(reverse("my_work")).content.decode()  # due within the week: in the "due soon" tray
    assert "Audit action: Update the plan" in home
    done = client.post(
        reverse("audits_record:action_done", args=[drawn.child_id, action.pk]), _date("done_on", D(2025, 6, 2))
    )
    assert done.status_code == 302
    action.refresh_from_db()
    assert action.done_on == D(2025, 6, 2)


def test_giving_an_audit_to_an_auditor_with_a_conflict_is_refused_beside_the_field(client, children, qa, manager, tool):
    programme = make_programme(
        qa,
        tool,
        [qa, manager],
        moderation_percent=0,
        sample_rule="all",
        sample_size=None,
        teams=[children[0][0].current_team],
    )
    services.sample_draw(actor=qa, programme=programme)
    audit = Audit.objects.filter(child=children[0][0]).get()
    client.force_login(qa)
    url = reverse("audits_record:assign", args=[audit.child_id, audit.pk])
    assert client.get(url).status_code == 200
    refused = client.post(url, {"auditor": str(manager.pk)})
    assert refused.status_code == 200
    assert "Morgan Manager cannot audit Amy Parker: they work in or manage the child’s team" in refused.content.decode()
    audit.refresh_from_db()
    assert audit.auditor == qa
