"""Supervision pages: who reads a session (404 for everyone else), recording from the forms with
the error summary and nothing saved on bad input, the child's case supervision tab under the
child's access rules, the trays, the CPD export, and the list page's query count."""

import datetime

import pytest
from django.urls import reverse

from children_in_need.testing import TODAY
from supervision import services
from supervision.models import CaseDiscussion, SupervisionSession
from supervision.tests.factories import action, days, discuss, supervise
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")


def date(prefix, day):
    return {f"{prefix}_0": str(day.day), f"{prefix}_1": str(day.month), f"{prefix}_2": str(day.year)}


def body(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_session_is_read_only_by_the_supervisee_the_supervisor_and_their_managers(
    client, manager, worker, teammate, other_manager, service_manager, make_staff
):
    session = supervise(manager, worker, TODAY, wellbeing="Struggling after a hard week.")
    url = reverse("supervision:detail", args=[session.pk])
    for reader in (worker, manager, service_manager):
        assert "Struggling after a hard week." in body(client, reader, url)
    for outsider in (teammate, other_manager, make_staff(Role.SENIOR_LEADER), make_staff(Role.QA_OFFICER)):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
        assert "Struggling" not in client.get(reverse("supervision:list")).content.decode()
    client.force_login(teammate)
    assert client.get(reverse("supervision:export", args=[session.pk])).status_code == 404


def test_a_manager_records_supervision_from_the_form(client, manager, worker):
    client.force_login(manager)
    data = {
        "supervisee": str(worker.pk),
        **date("held_on", TODAY - days(2)),
        "wellbeing": "Well.",
        "workload": "",
        "learning": "",
        "reflection": "Reflected on the Smith visit.",
    }
    response = client.post(reverse("supervision:new"), data)
    session = SupervisionSession.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("supervision:detail", args=[session.pk])
    assert session.held_on == TODAY - days(2)


def test_a_future_date_is_in_the_error_summary_and_nothing_is_saved(client, manager, worker):
    client.force_login(manager)
    data = {"supervisee": str(worker.pk), **date("held_on", TODAY + days(1)), "wellbeing": "Well."}
    response = client.post(reverse("supervision:new"), data)
    page = response.content.decode()
    assert response.status_code == 200 and "govuk-error-summary" in page
    assert "The date the supervision was held must be today or in the past" in page
    assert not SupervisionSession.objects.exists()


def test_a_social_worker_cannot_record_supervision(client, worker):
    client.force_login(worker)
    assert client.get(reverse("supervision:new")).status_code == 403


def test_a_case_discussion_from_the_session_page_reaches_the_childs_record_and_the_tray(
    client, manager, worker, child, second_child
):
    session = supervise(manager, worker, TODAY - days(1))
    client.force_login(manager)
    url = reverse("supervision:case_discussion_new", args=[session.pk])
    data = {
        "child": str(child.pk),
        "situation": "At home.",
        "analysis": "Improving.",
        "direction": "Step down to CIN.",
        "rationale": "Risks reduced.",
        "action_1": "Arrange the CIN meeting",
        "owner_1": "supervisee",
        **date("due_on_1", TODAY + days(5)),
    }
    assert client.post(url, data).status_code == 302
    record = body(client, worker, reverse("supervision_record:record", args=[child.pk]))
    assert "Step down to CIN." in record and "Arrange the CIN meeting" in record
    chronology = body(client, worker, reverse("casework:chronology", args=[child.pk]))
    assert "Direction: Step down to CIN." in chronology
    assert "Supervision action: Arrange the CIN meeting" in body(client, worker, reverse("my_work"))
    # The second child is still there to discuss; the first is not offered twice.
    form = body(client, manager, url)
    assert second_child.full_name in form and f'value="{child.pk}"' not in form


def test_bad_case_discussion_input_is_shown_and_nothing_saved(client, manager, worker, child):
    session = supervise(manager, worker, TODAY)
    client.force_login(manager)
    data = {
        "child": str(child.pk),
        "situation": "At home.",
        "analysis": "",
        "direction": "Continue.",
        "rationale": "Why.",
        "action_1": "Visit",
        "owner_1": "supervisee",
        **date("due_on_1", TODAY - days(1)),
    }
    page = client.post(reverse("supervision:case_discussion_new", args=[session.pk]), data).content.decode()
    assert "Enter the analysis of risk and progress" in page
    data["analysis"] = "Improving."
    page = client.post(reverse("supervision:case_discussion_new", args=[session.pk]), data).content.decode()
    assert "govuk-error-summary" in page and "The action cannot be due before the supervision" in page
    assert not CaseDiscussion.objects.exists()


def test_another_teams_worker_cannot_see_the_case_discussion(client, manager, worker, child, stranger):
    session = supervise(manager, worker, TODAY)
    discuss(manager, session, child, [action("Visit")])
    client.force_login(stranger)
    assert client.get(reverse("supervision_record:record", args=[child.pk])).status_code == 404
    case_action = child.case_supervision_actions.get()
    assert client.get(reverse("supervision_record:action_done", args=[child.pk, case_action.pk])).status_code == 404


def test_the_session_page_shows_only_the_children_its_reader_may_see(client, manager, worker, child, service_manager):
    from access.models import RestrictedAccessGrant  # noqa: F401 (the restriction below needs no grant)
    from people.models import Person

    session = supervise(manager, worker, TODAY)
    discuss(manager, session, child)
    Person.objects.filter(pk=child.pk).update(restricted=True)
    page = body(client, service_manager, reverse("supervision:detail", args=[session.pk]))
    assert child.full_name not in page


def test_the_owner_marks_a_case_action_done_on_the_childs_record(client, manager, worker, child):
    session = supervise(manager, worker, TODAY - days(3))
    discuss(manager, session, child, [action("Visit")])
    case_action = child.case_supervision_actions.get()
    client.force_login(worker)
    url = reverse("supervision_record:action_done", args=[child.pk, case_action.pk])
    page = client.post(url, date("done_on", TODAY - days(4))).content.decode()
    assert "The action cannot be done before the supervision" in page
    assert client.post(url, date("done_on", TODAY)).status_code == 302
    case_action.refresh_from_db()
    assert case_action.done_on == TODAY


def test_both_sign_from_the_pages(client, manager, worker):
    session = supervise(manager, worker, TODAY)
    client.force_login(worker)
    assert client.get(reverse("supervision:sign", args=[session.pk])).status_code == 403
    client.force_login(manager)
    assert client.post(reverse("supervision:sign", args=[session.pk]), {}).status_code == 302
    client.force_login(worker)
    page = client.post(
        reverse("supervision:countersign", args=[session.pk]), {"agrees": "no", "comment": ""}
    ).content.decode()
    assert "Say what you disagree with" in page
    client.post(reverse("supervision:countersign", args=[session.pk]), {"agrees": "no", "comment": "Caseload is 14."})
    assert "Signed, with disagreement" in body(client, manager, reverse("supervision:detail", args=[session.pk]))


def test_the_supervisee_exports_their_record_as_cpd_evidence_without_the_children(client, manager, worker, child):
    session = supervise(manager, worker, TODAY, reflection="What I learnt from the Smith visit.")
    discuss(manager, session, child)
    page = body(client, worker, reverse("supervision:export", args=[session.pk]))
    assert "What I learnt from the Smith visit." in page and "peer reflection" in page
    assert "1 December 2024 to 30 November 2025" in page
    assert child.full_name not in page
    client.force_login(manager)
    assert client.get(reverse("supervision:export", args=[session.pk])).status_code == 404


def test_supervision_due_and_overdue_in_the_trays(client, manager, worker, clock):
    supervise(manager, worker, TODAY - days(27))
    assert (
        "Overdue"
        not in body(client, manager, reverse("my_team"))
        .split('data-testid="tray-supervision-due"')[1]
        .split("</table>")[0]
    )
    clock.travel_to(clock.now() + datetime.timedelta(days=2))
    team_tray = (
        body(client, manager, reverse("my_team")).split('data-testid="tray-supervision-due"')[1].split("</table>")[0]
    )
    assert "Sam Worker" in team_tray and "Overdue" in team_tray
    own = body(client, worker, reverse("my_work")).split('data-testid="my-supervision-due"')[1].split("</p>")[0]
    assert "Overdue" in own


def test_a_newly_qualified_worker_is_due_fortnightly_in_their_first_months(manager, worker):
    from supervision.selectors import supervision_due_for_worker

    worker.asye_started_on = TODAY - days(30)
    worker.save()
    supervise(manager, worker, TODAY - days(3))
    due = supervision_due_for_worker(user=worker)
    assert due.rule.code == "supervision_newly_qualified" and due.due_on == TODAY - days(3) + days(14)


def test_professional_actions_in_the_owners_work(client, manager, worker):
    session = supervise(manager, worker, TODAY)
    services.supervision_action_add(
        actor=manager, session=session, action="Book the court skills course", owner="supervisee"
    )
    assert "Book the court skills course" in body(client, worker, reverse("my_work"))


def test_the_list_page_is_a_fixed_number_of_queries(client, manager, worker, teammate, django_assert_max_num_queries):
    for n in range(6):
        supervise(manager, worker if n % 2 else teammate, TODAY - days(n * 7))
    client.force_login(manager)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("supervision:list")).content.decode()
    assert page.count('data-testid="supervision-sessions"') == 1 and page.count("Sam Worker") >= 3
