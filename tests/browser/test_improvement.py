"""The improvement plan in a real browser, every page axe-checked: a team manager finds the action
they own in their tray, at risk (amber), marks it done and sees its RAG turn blue (complete) on the
plan; the senior leader who owns the plan reads it, with the RAG rule beside it, and the "how do
we know" page of the area the action answers."""

import datetime

import pytest

from children_in_need.testing import at
from improvement import services
from improvement.testing import inspection_with_plan
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date
TODAY = D(2025, 6, 2)


@pytest.fixture
def plan(make_staff, clock):
    clock.travel_to(at(TODAY, 9), tick=True)
    team = team_create(name="Safeguarding Team South")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan",
                         last_name="Manager")
    team.manager = manager
    team.save()
    qa = make_staff(Role.QA_OFFICER, username="quinn.qa", first_name="Quinn", last_name="Assurance")
    leader = make_staff(Role.SENIOR_LEADER, username="lee.leader", first_name="Lee", last_name="Leader")
    inspection, _, (first, *_) = inspection_with_plan(actor=qa, owner=leader, started_on=D(2025, 5, 12),
                                                      report_published_on=TODAY)
    services.action_add(actor=qa, recommendation=first, description="Weekly dip sample of CIN plans", owner=manager,
                        due_on=D(2025, 6, 10), audit_themes=["oversight"])
    return inspection, manager, leader


def test_an_action_is_marked_done_and_its_rag_changes(browse, plan):
    inspection, manager, leader = plan
    page = browse.page

    browse.sign_in(manager.username)
    mine = page.get_by_test_id("my-improvement-actions").inner_text()
    assert "Weekly dip sample of CIN plans" in mine and "At risk" in mine
    browse.follow("Weekly dip sample of CIN plans")
    page.get_by_label("Done", exact=True).check()
    fill_date(page, "done_on", TODAY)
    page.get_by_role("textbox", name="Progress").fill("Dip samples running weekly in every team.")
    browse.submit("Save")
    assert "Action updated" in success_banner(page)
    action = page.locator("li.govuk-task-list__item", has_text="Weekly dip sample of CIN plans").inner_text()
    assert "Complete" in action and "At risk" not in action
    assert "Blue: done." in page.get_by_test_id("rag-rule").inner_text()
    browse.submit("Sign out")

    browse.sign_in(leader.username)
    browse.follow("Improvement plan")
    browse.follow(str(inspection))
    assert "9 September 2025" in page.get_by_role("main").inner_text()  # 70 working days after the report
    browse.follow("Open the improvement plan")
    assert "Complete: 1" in page.get_by_test_id("rag-counts").inner_text()
    browse.goto("/improvement/how-do-we-know/help_and_protection/")
    assert "requires improvement to be good" in page.get_by_role("main").inner_text()
