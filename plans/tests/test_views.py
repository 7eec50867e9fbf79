"""A plan's page and the pages that add to it; the core group's progress questions; the overdue
action in its owner's tray. Errors beside the field, 404 for what is not yours, bounded queries."""

import datetime

import pytest
from django.urls import reverse

from children_in_need.services import cin_plan_start
from children_in_need.testing import make_assessment, make_cp_plan, make_referral
from plans.choices import Progress
from plans.models import ActionProgress, Outcome, PlanAction
from plans.testing import action, outcome

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def _date(name, day):
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.fixture
def plan(worker, child):
    return make_cp_plan(worker, child, referral_on=D(2025, 5, 1))


def _url(name, plan, *more, kind="cp"):
    return reverse(f"plans:{name}", args=[plan.child_id, kind, plan.pk, *more])


def test_a_worker_adds_an_outcome_and_an_owned_action_and_sees_them_on_the_plan(client, worker, plan):
    client.force_login(worker)
    page = client.get(_url("detail", plan)).content.decode()
    assert "No outcomes have been added to this plan." in page
    response = client.post(
        _url("outcome_new", plan),
        {
            "what_must_change": "Ella is not left alone at home",
            **_date("by_when", D(2025, 9, 1)),
            "how_we_will_know": "Unannounced visits find an adult at home",
        },
    )
    assert response.status_code == 302 and response["Location"] == _url("detail", plan)
    goal = Outcome.objects.get()
    response = client.post(
        _url("action_new", plan, goal.pk),
        {
            "action": "Refer to the family support service",
            "owner_kind": "staff",
            "owner_staff": str(worker.pk),
            **_date("due_on", D(2025, 5, 20)),
        },
    )
    assert response.status_code == 302
    client.post(_url("contingency", plan), {"contingency": "Legal planning meeting."})
    page = client.get(_url("detail", plan)).content.decode()
    assert "Outcome 1: Ella is not left alone at home" in page
    assert "Refer to the family support service" in page and "Sam Worker" in page
    assert "Overdue" in page and "1 action overdue" in page and "Not started" in page
    assert "Legal planning meeting." in page


def test_bad_input_is_shown_beside_the_field_and_nothing_is_saved(client, worker, plan):
    client.force_login(worker)
    page = client.post(
        _url("outcome_new", plan),
        {"what_must_change": "", "by_when_0": "31", "by_when_1": "2", "by_when_2": "2025", "how_we_will_know": "x"},
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "govuk-error-summary" in text and "Enter what must change" in text
    goal = outcome(worker, plan)
    text = client.post(
        _url("action_new", plan, goal.pk),
        {
            "action": "Attend",
            "owner_kind": "staff",
            "owner_staff": "not a number",
            **_date("due_on", D(2025, 4, 1)),
        },
    ).content.decode()
    assert "Select a member of staff from the list" in text
    text = client.post(
        _url("action_new", plan, goal.pk),
        {
            "action": "Attend",
            "owner_kind": "family",
            "owner_name": "",
            **_date("due_on", D(2025, 4, 1)),
        },
    ).content.decode()
    assert "Enter the name of the family member or agency who owns the action" in text
    assert "The action cannot be due before the plan started on 1 May 2025" in text
    assert not PlanAction.objects.exists()


def test_another_teams_worker_a_missing_plan_and_an_unknown_kind_are_404(client, worker, stranger, child, plan):
    goal = outcome(worker, plan)
    client.force_login(stranger)
    for url in (
        _url("detail", plan),
        _url("outcome_new", plan),
        _url("action_new", plan, goal.pk),
        _url("contingency", plan),
    ):
        assert client.get(url).status_code == 404, url
    client.force_login(worker)
    assert client.get(_url("detail", plan, kind="care")).status_code == 404
    assert client.get(reverse("plans:detail", args=[child.pk, "cp", plan.pk + 1000])).status_code == 404
    assert client.get(_url("action_new", plan, goal.pk + 1000)).status_code == 404


def test_the_core_group_records_progress_on_each_open_action(client, worker, child, plan):
    goal = outcome(worker, plan)
    mine = action(worker, goal, owner=worker, due_on=D(2025, 5, 20))
    theirs = action(worker, goal, text="Attend the parenting course", name="Ms Smith (mother)")
    client.force_login(worker)
    url = reverse("child_protection:core_group_new", args=[child.pk, plan.pk])
    form = client.get(url).content.decode()
    assert "Progress on: Attend the parenting course (Ms Smith (mother) (family)" in form
    missing = client.post(url, {**_date("held_on", D(2025, 5, 30)), "notes": "", f"progress_{mine.pk}": "done"})
    assert "Select the progress made on this action" in missing.content.decode() and not plan.core_groups.exists()
    response = client.post(
        url,
        {
            **_date("held_on", D(2025, 5, 30)),
            "notes": "Going well.",
            f"progress_{mine.pk}": "done",
            f"note_{mine.pk}": "Referral made.",
            f"progress_{theirs.pk}": "not_done",
            f"note_{theirs.pk}": "Missed the first session.",
        },
    )
    assert response.status_code == 302 and response["Location"] == _url("detail", plan)
    assert ActionProgress.objects.count() == 2
    page = client.get(_url("detail", plan)).content.decode()
    assert "Done" in page and "Not done" in page and "Missed the first session." in page
    assert "action overdue" not in page  # the overdue one is done


def test_an_overdue_action_is_in_its_owners_tray_and_on_my_team(client, worker, manager, child, plan):
    goal = outcome(worker, plan)
    action(worker, goal, text="Refer to the family support service", owner=worker, due_on=D(2025, 5, 20))
    action(
        worker, goal, text="Send the attendance register", name="Oakfield Primary", kind="agency", due_on=D(2025, 5, 21)
    )
    client.force_login(worker)
    home = client.get(reverse("my_work")).content.decode()
    assert "Plan action: Refer to the family support service" in home
    assert "Chase plan action (Oakfield Primary (agency)): Send the attendance register" in home
    client.force_login(manager)
    assert "Plan action: Refer to the family support service" in client.get(reverse("my_team")).content.decode()


def test_the_cin_plan_holds_content_and_its_review_records_progress(client, worker, child):
    referral = make_referral(worker, child, received_at=None)
    from children_in_need.testing import decide_referral

    decide_referral(worker, referral)
    make_assessment(worker, child)
    cin = cin_plan_start(actor=worker, child=child, start_date=D(2025, 6, 2))
    goal = outcome(worker, cin)
    task = action(worker, goal, name="Carers Hub", kind="agency")
    client.force_login(worker)
    assert "Carers Hub (agency)" in client.get(_url("detail", cin, kind="cin")).content.decode()
    url = reverse("children_in_need:cin_plan_review_new", args=[child.pk, cin.pk])
    response = client.post(url, {**_date("held_on", D(2025, 6, 2)), "notes": "", f"progress_{task.pk}": "on_track"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Progress.ON_TRACK


def test_the_plan_page_and_my_work_are_a_fixed_number_of_queries(client, worker, plan, django_assert_max_num_queries):
    for n in range(3):
        goal = outcome(worker, plan, what=f"Outcome {n}")
        for m in range(3):
            action(worker, goal, text=f"Action {n}.{m}", owner=worker, due_on=D(2025, 5, 20 + m))
    client.force_login(worker)
    client.get(_url("detail", plan))
    with django_assert_max_num_queries(16):
        assert client.get(_url("detail", plan)).status_code == 200
    with django_assert_max_num_queries(17):  # as looked_after's page budget: the plan actions are due items
        assert client.get(reverse("my_work")).status_code == 200
