"""Permanence, leaving care and the LADO service in a real browser, every page axe-checked:

1. a panel decision with no following step appears in the decisions tracker, marked once it has
   waited 90 days, and leaves it when a step is recorded;
2. a young person who left care at 16 becomes a care leaver with a personal adviser, a needs
   assessment and a pathway plan; the adviser's home page shows them and the next review;
3. an allegation the LADO records, with the child involved, is invisible to the child's social
   worker: 404 for its page and no trace on the child's record.
"""

import datetime
import re

import pytest

from children_in_need.testing import at
from people.services import person_create
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date


@pytest.fixture
def team_and_worker(make_staff):
    team = team_create(name="Children in Care Team")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    return worker, manager


def fill_date(page, name, day: datetime.date):
    page.locator(f"#id_{name}_0").fill(str(day.day))
    page.locator(f"#id_{name}_1").fill(str(day.month))
    page.locator(f"#id_{name}_2").fill(str(day.year))


def success_banner(page) -> str:
    return page.locator(".govuk-notification-banner--success").inner_text()


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


def test_a_young_person_becomes_a_care_leaver_with_a_pathway_plan(browse, team_and_worker, make_staff, clock):
    from looked_after import services as looked_after

    worker, _ = team_and_worker
    adviser = make_staff(Role.PERSONAL_ADVISER, username="pat.adviser", first_name="Pat", last_name="Adviser")
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    young_person = person_create(actor=worker, given_name="Tyler", family_name="Brown", date_of_birth=D(2008, 9, 10))
    # Looked after from 14 to 16 (set up with the looked_after app's service): an eligible child.
    looked_after.period_start(
        actor=worker, child=young_person, start_date=D(2023, 5, 1), legal_status="V2", category_of_need="N4",
        home_postcode="NT1 1AA", placement=looked_after.PlacementDetails(placement_type="U6", provider="PR1",
                                                                          postcode="NT2 2BB", carer_name="The Evans family"),
    )
    page = browse.page

    # Leaving care, through the page: the period of care ends on 1 March 2025.
    browse.sign_in(worker.username)
    browse.goto(f"/people/{young_person.pk}/looked-after/")
    browse.follow("End the period of care")
    fill_date(page, "end_date", D(2025, 3, 1))
    page.get_by_label("Reason the child ceased to be looked after").select_option("E13")
    browse.submit("End period of care")
    assert "Period of care ended" in success_banner(page)
    assert "Looked after" not in page.get_by_test_id("identity-bar").inner_text()

    browse.goto(f"/people/{young_person.pk}/leaving-care/")
    browse.follow("Start leaving care support")
    page.get_by_label("Relevant child (16 or 17, left care)").check()
    fill_date(page, "category_since", D(2025, 3, 1))
    fill_date(page, "eligible_from", D(2024, 9, 10))
    page.get_by_label("Personal adviser (optional)").select_option(label="Pat Adviser")
    browse.submit("Save")
    assert "Care leaver record started" in success_banner(page)
    assert "Care leaver" in page.get_by_test_id("identity-bar").inner_text()
    assert "Needs assessment completed and pathway plan prepared: due by 10 December 2024" in page.get_by_test_id(
        "leaving-care-due").inner_text()

    browse.follow("Record the needs assessment")
    fill_date(page, "completed_on", D(2024, 9, 1))  # before the 16th birthday: refused on the form
    browse.submit("Save")
    assert "The needs assessment cannot be before Tyler Brown is 16, on 10 September 2024" in page.locator(
        ".govuk-error-summary").inner_text()
    fill_date(page, "completed_on", D(2025, 4, 20))
    browse.submit("Save")
    browse.follow("Record the pathway plan")
    fill_date(page, "started_on", D(2025, 5, 1))
    page.get_by_label("Summary of the plan").fill("Stay in supported lodgings; college course in September.")
    browse.submit("Save")
    assert "Pathway plan recorded" in success_banner(page)
    assert "Review the pathway plan: due by 1 November 2025" in page.get_by_test_id("leaving-care-due").inner_text()
    browse.submit("Sign out")

    browse.sign_in(adviser.username)
    assert page.get_by_role("heading", level=1).inner_text() == "My young people"
    assert "Tyler Brown" in page.get_by_test_id("young-people").inner_text()
    assert "Review the pathway plan" in page.get_by_test_id("adviser-due").inner_text()
    browse.follow("Tyler Brown")
    browse.follow("Record keeping in touch")
    fill_date(page, "contact_on", D(2025, 6, 2))
    page.get_by_label("Yes – in touch").check()
    page.get_by_label("Accommodation and whether it is suitable").select_option("E1")
    page.get_by_label("Main activity").select_option("F2")
    browse.submit("Save")
    assert "Keeping in touch recorded" in success_banner(page)
    assert "Supported lodgings" in page.get_by_test_id("keeping-in-touch").inner_text()


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
    page.get_by_label("LA child ID").fill(child.la_id)
    browse.submit("Add child")
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
