"""Supervision in a real browser, every page axe-checked: a team manager records a social worker's
supervision, discusses two of the worker's children and sets actions; the actions are in the
worker's tray and on each child's record and chronology; the worker marks one done; the clock moves
on and the unfinished one is overdue in the worker's tray and the manager's."""

import datetime

import pytest

from children_in_need.testing import at
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date


@pytest.fixture
def people(make_staff):
    team = team_create(name="Safeguarding Team South")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager")
    team.manager = manager
    team.save()
    jay = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    riley = person_create(actor=worker, given_name="Riley", family_name="Jones", date_of_birth=D(2017, 8, 1))
    return worker, manager, jay, riley


def _discuss(browse, child, direction, action, due_on):
    page = browse.page
    browse.follow("Discuss a child")
    page.get_by_label(f"{child.full_name} ({child.la_id})").check()
    page.get_by_label("The child’s situation").fill("Living at home with mother.")
    page.get_by_label("Analysis of risk and progress").fill("Risks reducing; attendance improving.")
    page.get_by_label("Management direction").fill(direction)
    page.get_by_label("Rationale for the direction").fill("The child has not been seen alone since the review.")
    page.get_by_label("Action 1 (optional)").fill(action)
    page.locator("input[name=owner_1][value=supervisee]").check()
    fill_date(page, "due_on_1", due_on)
    browse.submit("Save")
    assert "Case discussion recorded" in success_banner(page)


def test_supervision_with_two_case_discussions_whose_actions_reach_the_trays_and_the_records(browse, people, clock):
    worker, manager, jay, riley = people
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    page = browse.page

    browse.sign_in(manager.username)
    assert "Sam Worker" in page.get_by_test_id("tray-supervision-due").inner_text()
    browse.goto("/supervision/")
    browse.follow("Record supervision")
    page.get_by_label("Worker supervised").select_option(label="Sam Worker")
    fill_date(page, "held_on", D(2025, 6, 2))
    page.get_by_label("Wellbeing", exact=True).fill("Tired after a hard visit; taking time owed on Friday.")
    page.get_by_label("Reflection", exact=True).fill("How to name concerns plainly and keep the relationship.")
    browse.submit("Save")
    assert "Supervision recorded" in success_banner(page)
    _discuss(browse, jay, "See Jay alone at school this week.", "Visit Jay and see him alone", D(2025, 6, 6))
    _discuss(browse, riley, "Chase the health visitor before the review.", "Get the health visitor's report", D(2025, 6, 5))
    discussions = page.get_by_test_id("case-discussion").all_inner_texts()
    assert len(discussions) == 2 and "See Jay alone at school this week." in discussions[0]
    browse.follow("Sign the record")
    browse.submit("Sign")
    browse.submit("Sign out")

    browse.sign_in(worker.username)
    due_soon = page.get_by_test_id("tray-due-soon").inner_text()
    assert "Supervision action: Visit Jay and see him alone" in due_soon
    assert "Supervision action: Get the health visitor's report" in due_soon
    for child, direction in ((jay, "See Jay alone at school this week."), (riley, "Chase the health visitor")):
        browse.goto(f"/people/{child.pk}/case-supervision/")
        assert direction in page.get_by_test_id("case-discussion").inner_text()
        browse.goto(f"/people/{child.pk}/chronology/")
        assert "Case discussed in supervision of Sam Worker by Morgan Manager" in page.locator("main").inner_text()
    browse.goto(f"/people/{riley.pk}/case-supervision/")
    browse.follow("Mark ‘Get the health visitor's report’ as done")
    fill_date(page, "done_on", D(2025, 6, 2))
    browse.submit("Save")
    assert "Action done" in success_banner(page)
    browse.goto(f"/people/{jay.pk}/case-supervision/")
    browse.follow("Mark ‘Visit Jay and see him alone’ as done")  # the bad date is refused, nothing saved
    fill_date(page, "done_on", D(2025, 6, 1))
    browse.submit("Save")
    assert "The action cannot be done before the supervision" in page.locator(".govuk-error-summary").inner_text()
    browse.goto(f"/supervision/{_session_id(worker)}/")
    browse.follow("Sign your supervision record")
    page.get_by_label("No, I disagree with it").check()
    page.get_by_label("Your comment").fill("My caseload is higher than the record says.")
    browse.submit("Sign")
    browse.submit("Sign out")

    # Jay's visit was due on 6 June and is not done: on 9 June it is overdue for both.
    clock.travel_to(at(D(2025, 6, 9), 9), tick=True)
    browse.sign_in(worker.username)
    overdue = page.get_by_test_id("tray-overdue").inner_text()
    assert "Supervision action: Visit Jay and see him alone" in overdue and "Overdue" in overdue
    assert "health visitor" not in overdue
    browse.submit("Sign out")
    browse.sign_in(manager.username)
    team = page.get_by_test_id("tray-team-overdue").inner_text()
    assert "Jay Smith" in team and "Supervision action: Visit Jay and see him alone" in team


def _session_id(worker):
    from supervision.models import SupervisionSession

    return SupervisionSession.objects.get(supervisee=worker).pk
