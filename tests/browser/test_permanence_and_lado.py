"""Permanence and the LADO service in a real browser, every page axe-checked (leaving care is
the end of the one journey through care in test_looked_after.py):

1. a panel decision with no following step appears in the decisions tracker, marked once it has
   waited 90 days, and leaves it when a step is recorded;
2. an allegation the LADO records, with the child involved, is invisible to the child's social
   worker: 404 for its page and no trace on the child's record.
"""

import datetime
import re

import pytest

from children_in_need.testing import at
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date


@pytest.fixture
def team_and_worker(make_staff):
    team = team_create(name="Children in Care Team")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    return worker, manager


def test_a_panel_decision_with_no_plan_appears_in_the_decisions_tracker(browse, team_and_worker, clock):
    worker, manager = team_and_worker
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    child = person_create(actor=worker, given_name="Mia", family_name="Clarke", date_of_birth=D(2021, 4, 3))
    page = browse.page

    browse.sign_in(worker.username)
    browse.goto(f"/people/{child.pk}/permanence/")
    browse.follow("Record a permanence decision")
    page.get_by_label("Adoption", exact=True).check()
    fill_date(page, "decided_on", D(2025, 2, 20))
    page.get_by_label("Decision maker").fill("Alex Moore, head of service")
    browse.submit("Save")
    assert "Permanence decision recorded" in success_banner(page)
    assert "Adoption: decided 20 February 2025" in page.get_by_test_id("decision").inner_text()
    browse.submit("Sign out")

    browse.sign_in(manager.username)
    browse.follow("Permanence decisions waiting for a plan")
    row = page.get_by_test_id("decision-drifting")
    assert "Mia Clarke" in row.inner_text() and "102" in row.inner_text() and "No step for 90+ days" in row.inner_text()

    browse.follow("Mia Clarke")
    browse.follow("Record a step for the adoption decision")
    page.get_by_label("Family finding started").check()
    fill_date(page, "taken_on", D(2025, 6, 2))
    browse.submit("Save")
    assert "Step recorded" in success_banner(page)
    browse.goto("/permanence/decisions/")
    assert "Every decision in force has a step recorded." in page.get_by_test_id("decisions-waiting").inner_text()


def test_a_lado_allegation_is_invisible_to_a_social_worker(browse, team_and_worker, make_staff, clock):
    worker, _ = team_and_worker
    lado = make_staff(Role.LADO_OFFICER, username="lee.lado", first_name="Lee", last_name="Designated")
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    page = browse.page

    browse.sign_in(lado.username)
    assert page.get_by_role("heading", level=1).inner_text() == "Allegations (LADO)"
    browse.follow("Record an allegation")
    fill_date(page, "received_on", D(2025, 5, 30))
    fill_date(page, "referred_on", D(2025, 6, 2))
    page.get_by_label("Referred by").fill("Head teacher")
    page.get_by_label("Name of the person the allegation is about").fill("Chris Taylor")
    page.get_by_label("Their role").fill("Teaching assistant")
    page.get_by_label("Employer or organisation").fill("Northtown Primary School")
    page.get_by_label("Sector").select_option("education")
    page.get_by_label("Behaved in a way that has harmed, or may have harmed, a child").check()
    page.get_by_label("Physical abuse").check()
    page.get_by_label("What is alleged").fill("Grabbed a pupil by the arm, leaving marks.")
    browse.submit("Save allegation")
    assert "Allegation recorded" in success_banner(page)
    assert "Within 1 working day" in page.get_by_test_id("referral-timeliness").inner_text()
    allegation_path = re.sub(r"^https?://[^/]+", "", page.url)

    browse.follow("Add a child involved")
    # The child is found by searching and added from the results, not by typing an ID.
    page.get_by_label("Name", exact=True).fill("Jay Smith")
    browse.submit("Search")
    results = page.get_by_test_id("child-results")
    assert "1 child found" in results.inner_text()
    assert child.la_id in results.inner_text()
    browse.submit("Add Jay Smith")
    assert "Child added" in success_banner(page)
    assert "Jay Smith" in page.get_by_test_id("children-involved").inner_text()
    browse.submit("Sign out")

    browse.sign_in(worker.username)
    response = browse.goto(allegation_path)
    assert response.status == 404 and "Page not found" in page.content()
    response = browse.goto(f"/people/{child.pk}/allegations/")
    assert response.status == 404
    browse.goto(f"/people/{child.pk}/")
    assert "Allegations (LADO)" not in page.locator(".moj-sub-navigation").inner_text()
    browse.goto(f"/people/{child.pk}/chronology/")
    body = page.locator("main").inner_text()
    assert "Chris Taylor" not in body and "allegation" not in body.lower()
