"""An initial child protection conference booked ahead and run, in a real browser, every page
axe-checked: the worker books it for next week with the chair, the mother (from the family
network), the police and the health visitor invited; on the day it is in the chair's tray as a
conference to chair; the chair records it held with each invitee's attendance, quorate, and a
plan; the worker gives the plan an outcome and an owned action, and a core group records progress
against it; the minutes wait in the chair's tray."""

import datetime

import pytest

from child_protection.services import section47_start
from children_in_need.testing import at, decide_referral, make_referral, make_strategy_discussion
from people.services import family_member_create, person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date
TODAY, CONFERENCE_DAY = D(2025, 6, 2), D(2025, 6, 9)


@pytest.fixture
def people(make_staff, clock):
    clock.travel_to(at(TODAY, 9), tick=True)
    team = team_create(name="Child Protection Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    chair = make_staff(Role.IRO, username="chris.chair", first_name="Chris", last_name="Chair")
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    family_member_create(
        actor=worker,
        child=child,
        kind="mother",
        given_name="Sarah",
        family_name="Smith",
        is_child=False,
        parental_responsibility=True,
    )
    decide_referral(worker, make_referral(worker, child), next_step="strategy_discussion")
    discussion = make_strategy_discussion(worker, child)
    section47_start(actor=worker, discussion=discussion, start_date=TODAY)
    return worker, chair, child


def test_an_icpc_booked_ahead_with_invitees_held_and_a_plan_whose_progress_a_core_group_records(browse, people, clock):
    worker, chair, child = people
    page = browse.page
    journey = f"/people/{child.pk}/help-and-protection/"

    browse.sign_in(worker.username)
    browse.goto(journey)
    browse.follow("Book the initial child protection conference")
    fill_date(page, "booked_for", CONFERENCE_DAY)
    page.get_by_label("Time").fill("10:00")
    page.get_by_label("Venue").fill("Civic Centre, room 2")
    page.get_by_label("Chair").select_option(label="Chris Chair")
    fill_date(page, "invited_on", TODAY)
    page.get_by_label("Sarah Smith").check()
    page.get_by_label("Agency 1", exact=True).select_option(label="Police")
    page.get_by_label("Agency 1: name of the person invited").fill("DC Reid")
    page.get_by_label("Agency 1: a report is requested").check()
    page.get_by_label("Agency 2", exact=True).select_option(label="Health visitor")
    page.get_by_label("Agency 2: name of the person invited").fill("Pat Green")
    browse.submit("Book conference")
    assert "Conference booked" in success_banner(page)
    invited = page.get_by_test_id("invitees").inner_text()
    assert (
        "Sarah Smith (family)" in invited and "DC Reid (Police)" in invited and "Pat Green (Health visitor)" in invited
    )
    browse.goto(journey)
    assert "Booked: 9 June 2025 at 10:00, chair Chris Chair" in page.get_by_role("main").inner_text()
    browse.submit("Sign out")

    clock.travel_to(at(CONFERENCE_DAY, 9), tick=True)
    browse.sign_in(chair.username)
    browse.goto("/")
    assert (
        "Conference to chair: initial child protection conference on 9 June 2025"
        in page.get_by_role("main").inner_text()
    )
    browse.goto(journey)
    browse.follow("Record the initial child protection conference booked for 9 June 2025")
    page.get_by_role("group", name="Attendance: Sarah Smith").get_by_label("Attended").check()
    page.get_by_role("group", name="Attendance: DC Reid (Police)").get_by_label("Attended").check()
    page.get_by_role("group", name="Attendance: Pat Green (Health visitor)").get_by_label(
        "Sent apologies and a report"
    ).check()
    page.get_by_label("Child protection plan", exact=True).check()
    page.get_by_label("Neglect", exact=True).check()
    browse.submit("Save conference")
    assert "Conference recorded" in success_banner(page)
    assert page.get_by_test_id("quoracy").inner_text() == (
        "Quorate: health and police contributed besides children's social care"
    )
    browse.submit("Sign out")

    browse.sign_in(worker.username)
    browse.goto(journey)
    browse.follow("Add outcomes and actions to the child protection plan")
    browse.follow("Add an outcome")
    page.get_by_label("What must change").fill("Jay is not left alone at home")
    fill_date(page, "by_when", D(2025, 9, 1))
    page.get_by_label("How we will know it has changed").fill("Unannounced visits find an adult at home")
    browse.submit("Add outcome")
    browse.follow("Add an action to outcome 1")
    page.get_by_label("Action", exact=True).fill("Attend the parenting course")
    page.get_by_role("radio", name="A family member").check()
    page.get_by_label("Name of the family member or agency (if they own it)").fill("Ms Smith (mother)")
    fill_date(page, "due_on", D(2025, 7, 1))
    browse.submit("Add action")

    browse.goto(journey)
    browse.follow("Record a core group meeting")
    fill_date(page, "held_on", CONFERENCE_DAY)
    page.get_by_role(
        "group", name="Progress on: Attend the parenting course (Ms Smith (mother) (family), due 1 July 2025)"
    ).get_by_label("On track").check()
    browse.submit("Save core group")
    assert "Core group meeting recorded" in success_banner(page)
    assert "On track" in page.get_by_test_id("action").nth(0).inner_text()
    browse.submit("Sign out")

    browse.sign_in(chair.username)
    browse.goto("/")
    assert "Issue the minutes of the initial child protection conference held on 9 June 2025" in (
        page.get_by_role("main").inner_text()
    )
