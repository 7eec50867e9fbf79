"""A child protection plan with content, in a real browser, every page axe-checked: the worker
gives the plan an outcome and two owned actions (one theirs, already overdue; one the mother's)
and its contingency; a core group records progress on each; the plan page shows each action's
status; the overdue action is in the worker's tray on My work and on the manager's My team."""

import datetime

import pytest

from children_in_need.testing import at, make_cp_plan
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date
TODAY = D(2025, 6, 2)


@pytest.fixture
def people(make_staff, clock):
    clock.travel_to(at(TODAY, 9), tick=True)
    team = team_create(name="Child Protection Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    return worker, manager, child, plan


def test_a_cp_plan_with_owned_actions_whose_progress_a_core_group_records(browse, people):
    worker, manager, child, plan = people
    page = browse.page

    browse.sign_in(worker.username)
    browse.goto(f"/people/{child.pk}/help-and-protection/")
    browse.follow("Add outcomes and actions to the child protection plan")
    assert "No outcomes have been added to this plan." in page.get_by_role("main").inner_text()
    browse.follow("Add an outcome")
    page.get_by_label("What must change").fill("Jay is not left alone at home")
    fill_date(page, "by_when", D(2025, 9, 1))
    page.get_by_label("How we will know it has changed").fill("Unannounced visits find an adult at home")
    browse.submit("Add outcome")
    assert "Outcome added" in success_banner(page)

    browse.follow("Add an action to outcome 1")
    page.get_by_label("Action", exact=True).fill("Refer to the family support service")
    page.get_by_role("radio", name="A member of staff").check()
    page.get_by_label("Member of staff (if a member of staff owns it)").select_option(label="Sam Worker")
    fill_date(page, "due_on", D(2025, 5, 20))
    browse.submit("Add action")
    browse.follow("Add an action to outcome 1")
    page.get_by_label("Action", exact=True).fill("Attend the parenting course")
    page.get_by_role("radio", name="A family member").check()
    page.get_by_label("Name of the family member or agency (if they own it)").fill("Ms Smith (mother)")
    fill_date(page, "due_on", D(2025, 7, 1))
    browse.submit("Add action")
    browse.follow("Set the contingency")
    page.get_by_label("What happens if the plan does not work").fill("A legal planning meeting.")
    browse.submit("Save contingency")
    actions = page.get_by_test_id("actions").inner_text()
    assert "Sam Worker" in actions and "Ms Smith (mother) (family)" in actions and "Overdue" in actions

    browse.goto(f"/people/{child.pk}/help-and-protection/")
    browse.follow("Record a core group meeting")
    fill_date(page, "held_on", TODAY)
    mine = page.get_by_role(
        "group", name="Progress on: Refer to the family support service (Sam Worker, due 20 May 2025)"
    )
    mine.get_by_label("Not started").check()
    mothers = page.get_by_role(
        "group", name="Progress on: Attend the parenting course (Ms Smith (mother) (family), due 1 July 2025)"
    )
    mothers.get_by_label("On track").check()
    browse.submit("Save core group")
    assert "Core group meeting recorded" in success_banner(page)
    rows = page.get_by_test_id("action")
    assert "Not started" in rows.nth(0).inner_text() and "Overdue" in rows.nth(0).inner_text()
    assert "On track" in rows.nth(1).inner_text()

    browse.goto("/")
    assert "Plan action: Refer to the family support service" in page.get_by_role("main").inner_text()
    browse.submit("Sign out")

    browse.sign_in(manager.username)
    browse.goto("/my-team/")
    assert "Plan action: Refer to the family support service" in page.get_by_role("main").inner_text()
