"""Management oversight and the IRO's challenge in a real browser, every page axe-checked: a
placement move puts an oversight item in the team manager's tray, and the manager closes it with a
decision; an IRO raises a concern that nobody answers, and once the clock passes its due date it
shows as escalated in the tray of the team manager named to take it next."""

import datetime
import re

import pytest

from children_in_need.testing import at
from looked_after.tests.factories import move, start_care
from oversight.services import oversight_start_set
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


def test_oversight_of_a_placement_move_and_a_challenge_that_escalates(browse, make_staff, clock):
    team = team_create(name="Children in Care Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    iro = make_staff(Role.IRO, team=team_create(name="Independent Reviewing Service"), username="irene.iro",
                     first_name="Irene", last_name="Reviewer")
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    oversight_start_set(starts_on=D(2025, 1, 1))
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2012, 9, 10))
    start_care(worker, child, D(2025, 3, 3))
    move(worker, child, D(2025, 5, 28))
    page = browse.page

    # The manager's oversight page lists the move; the manager records the decision.
    browse.sign_in(manager.username)
    browse.goto("/oversight/")
    awaiting = page.get_by_test_id("oversight-awaiting").inner_text()
    assert "Placement move on 28 May 2025" in awaiting and "Jay Smith" in awaiting
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^Placement move on 28 May 2025\W+record oversight for Jay Smith")).click()
    browse.check()
    fill_date(page, "held_on", D(2025, 6, 2))
    page.get_by_label("Decision").fill("The move to Ms Okafor is agreed.")
    browse.submit("Save")
    assert "Enter the rationale for the decision" in page.get_by_role("alert").inner_text()
    page.get_by_label("Rationale").fill("The previous carers gave notice; Ms Okafor can keep him at his school.")
    page.get_by_label("Direction (optional)").fill("Statutory visit within 5 working days.")
    browse.submit("Save")
    assert "Management oversight recorded" in success_banner(page)
    assert "Recorded" in page.get_by_test_id("oversight-due").inner_text()
    assert "The move to Ms Okafor is agreed." in page.get_by_test_id("oversight-entry").inner_text()
    browse.goto("/oversight/")
    assert "Placement move" not in page.get_by_test_id("oversight-awaiting").inner_text()
    browse.goto(f"/people/{child.pk}/chronology/")
    assert "Management oversight of placement move on 28 May 2025 by Morgan Manager" in page.content()

    # The IRO raises a concern informally with the social worker, naming the team manager next.
    page.context.clear_cookies()  # sign out
    browse.sign_in(iro.username)
    browse.goto(f"/people/{child.pk}/oversight/")
    browse.follow("Raise a concern")
    page.get_by_label("Independent reviewing officer (looked-after reviews)").check()
    page.get_by_label("Drift and delay").check()
    page.get_by_label("The concern").fill("The plan for permanence has not moved since March.")
    fill_date(page, "raised_on", D(2025, 6, 2))
    page.get_by_label("Raised informally with").select_option(label="Sam Worker (Social worker, Children in Care Team North)")
    page.get_by_label("If there is no response in time, it goes to").select_option(
        label="Morgan Manager (Team manager, Children in Care Team North)")
    browse.submit("Save")
    assert "Concern raised" in success_banner(page)
    assert "Waiting for a response" in page.get_by_test_id("challenges").inner_text()

    # Nobody answers. The day after the response was due (10 working days), it is the manager's.
    page.context.clear_cookies()
    browse.sign_in(manager.username)
    browse.goto("/my-work/")
    assert "challenge" not in page.get_by_test_id("tray-waiting").inner_text()
    clock.travel_to(at(D(2025, 6, 17), 9), tick=True)
    browse.goto("/my-work/")
    waiting = page.get_by_test_id("tray-waiting").inner_text()
    assert "Jay Smith: challenge escalated to you (Sam Worker did not respond)" in waiting
    browse.follow("Jay Smith: challenge escalated to you (Sam Worker did not respond)")
    assert "Escalated: Sam Worker did not respond by 16 June 2025" in page.content()
    browse.follow("Respond")
    fill_date(page, "responded_on", D(2025, 6, 17))
    page.get_by_label("Response").fill("A permanence planning meeting is booked for 24 June.")
    browse.submit("Save")
    assert "Response recorded" in success_banner(page)
    assert "Answered" in page.get_by_test_id("challenges").inner_text()
