"""The help-and-protection journey in a real browser, every page axe-checked:

1. contact -> screening -> referral -> next step -> assessment -> a manager authorises it;
2. strategy discussion -> section 47 -> initial conference -> CP plan -> CP visit -> review
   conference; then, with the clock moved on, the manager's "My team" shows the overdue visit.
"""

import datetime

import pytest

from assessments.models import Assessment
from assessments.testing import complete_every_section
from children_in_need.testing import at, decide_referral, make_referral
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def people(make_staff):
    team = team_create(name="Child Protection Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27))
    return worker, manager, child


def test_contact_to_referral_to_an_authorised_assessment(browse, people, clock):
    worker, manager, child = people
    clock.travel_to(at(datetime.date(2025, 6, 2), 10), tick=True)
    page = browse.page
    journey = f"/people/{child.pk}/help-and-protection/"

    browse.sign_in(worker.username)
    browse.goto(journey)
    browse.follow("Record a contact")
    fill_date(page, "received_date", datetime.date(2025, 6, 2))
    page.get_by_label("Time the contact was received").fill("09:00")
    page.get_by_label("Who made contact").select_option("2A")
    page.get_by_label("Concerns raised").fill("Bruise on Jay's arm, seen in PE.")
    browse.submit("Save contact")
    assert "Contact recorded" in success_banner(page)

    browse.follow("Screen the contact received on 2 June 2025")
    page.get_by_label("Referral to children's social care").check()
    browse.submit("Save decision")
    assert page.get_by_role("heading", level=1).inner_text() == "Record a referral"
    assert page.get_by_label("Reason for the referral").input_value() == "Bruise on Jay's arm, seen in PE."
    page.get_by_label("Abuse, neglect and exploitation").check()
    browse.submit("Save referral")
    assert "child in need episode opened" in success_banner(page)
    assert "Child in need" in page.get_by_test_id("identity-bar").inner_text()

    browse.follow("Decide the next step for the referral")
    page.get_by_label("Assessment (section 17)").check()
    browse.submit("Save decision")

    browse.follow("Start an assessment")
    browse.submit("Start assessment")  # the start date is filled in with today
    # Its sections, written page by page, are the journey of test_assessment.py; here they are
    # written through the same service, and the worker submits from the task list.
    complete_every_section(worker, Assessment.objects.get(child=child))
    browse.goto(page.url.removeprefix(browse.base_url))
    browse.submit("Submit for authorisation")
    assert "submitted for authorisation" in success_banner(page)
    browse.submit("Sign out")

    browse.sign_in(manager.username)
    assert "Jay Smith" in page.get_by_test_id("authorisations-waiting").inner_text()
    browse.follow("Authorise the assessment for Jay Smith")
    page.get_by_label("Authorise the assessment").check()
    page.get_by_label("Your rationale for authorising").fill("Needs are clear; a CIN plan is proportionate.")
    browse.submit("Save decision")
    assert "Assessment authorised" in success_banner(page)
    browse.goto(journey)
    assert "Assessment authorised" in page.get_by_test_id("episode").inner_text()


def test_child_protection_from_strategy_discussion_to_review_then_the_overdue_visit(browse, people, clock):
    worker, manager, child = people
    clock.travel_to(at(datetime.date(2025, 6, 23), 10), tick=True)
    referral = make_referral(worker, child, received_at=at(datetime.date(2025, 6, 2), 9))
    decide_referral(worker, referral, next_step="strategy_discussion")
    page = browse.page
    journey = f"/people/{child.pk}/help-and-protection/"

    browse.sign_in(worker.username)
    browse.goto(journey)
    browse.follow("Record a strategy discussion")
    fill_date(page, "held_on", datetime.date(2025, 6, 2))
    page.get_by_label("Police", exact=True).check()
    page.get_by_label("Health", exact=True).check()
    page.get_by_label("Start a section 47 enquiry").check()
    browse.submit("Save strategy discussion")

    browse.follow("Start the section 47 enquiry")
    browse.submit("Start enquiry")  # starts the day of the strategy discussion
    assert "Section 47 enquiry started" in success_banner(page)

    browse.follow("Record the initial child protection conference")
    fill_date(page, "held_on", datetime.date(2025, 5, 30))  # before the enquiry: refused
    page.get_by_label("Child protection plan", exact=True).check()
    page.get_by_label("Neglect", exact=True).check()
    browse.submit("Save conference")
    assert "cannot be before the section 47 enquiry started on 2 June 2025" in page.get_by_role("alert").inner_text()
    fill_date(page, "held_on", datetime.date(2025, 6, 12))
    browse.submit("Save conference")
    assert "Child protection plan: neglect" in page.get_by_test_id("identity-bar").inner_text()

    browse.follow("Record a child protection visit")
    fill_date(page, "visit_date", datetime.date(2025, 6, 16))
    page.get_by_label("Time of visit").fill("10:30")
    page.get_by_label("Child protection visit", exact=True).check()
    page.locator("#id_child_seen_0").check()
    page.locator("#id_seen_alone_0").check()
    page.locator("#id_bedroom_seen_0").check()
    page.get_by_label("Observations", exact=True).fill("Jay was well; the home was warm and stocked with food.")
    browse.submit("Save visit")

    browse.goto(journey)
    browse.follow("Record a review conference")
    fill_date(page, "held_on", datetime.date(2025, 6, 20))
    page.get_by_label("Child protection plan continues", exact=True).check()
    browse.submit("Save conference")
    assert "Review conference recorded" in success_banner(page)
    due = page.get_by_test_id("due-items").inner_text()
    assert "Visit the child on a child protection plan" in due and "30 June 2025" in due and "Overdue" not in due
    browse.submit("Sign out")

    # Ten working days from the visit on 16 June is 30 June: on 1 July the visit is overdue.
    clock.travel_to(at(datetime.date(2025, 7, 1), 9), tick=True)
    browse.sign_in(manager.username)
    not_seen = page.get_by_test_id("tray-not-seen").inner_text()
    assert (
        "Jay Smith" in not_seen and "Visit the child on a child protection plan" in not_seen and "Overdue" in not_seen
    )
    browse.follow("Jay Smith")
    assert page.get_by_role("heading", level=1).inner_text() == "Help and protection"
