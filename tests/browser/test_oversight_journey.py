"""Oversight and challenge as one journey in a real browser, every page axe-checked (issue 14's
"Done when"): a team manager holds supervision with a social worker, discusses two children and
sets actions; the actions are in the worker's tray and on each child's record and chronology; the
worker marks one done; the clock moves on and the unfinished one is overdue in the worker's tray
and the manager's; a placement move puts an oversight item in the manager's tray, which the
manager closes with a decision; an IRO raises a concern that nobody answers, and once it is past
due it is in the tray of the manager named to take it next; the oversight figures count each of
these, and each count opens the list that names it."""

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
JAY_ACTION = "Supervision action: Visit Jay and see him alone"


@pytest.fixture
def people(make_staff, clock):
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    team = team_create(name="Children in Care Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    iro = make_staff(
        Role.IRO,
        team=team_create(name="Independent Reviewing Service"),
        username="irene.iro",
        first_name="Irene",
        last_name="Reviewer",
    )
    oversight_start_set(starts_on=D(2025, 1, 1))
    jay = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2012, 9, 10))
    riley = person_create(actor=worker, given_name="Riley", family_name="Jones", date_of_birth=D(2017, 8, 1))
    start_care(worker, jay, D(2025, 3, 3))
    move(worker, jay, D(2025, 5, 28))
    return worker, manager, iro, jay, riley


def test_supervision_oversight_and_a_challenge_that_escalates_reach_the_trays_records_and_figures(
    browse, people, clock
):
    worker, manager, iro, jay, riley = people
    page = browse.page

    browse.sign_in(manager.username)  # to My team
    assert "Sam Worker" in page.get_by_test_id("tray-supervision-due").inner_text()
    browse.goto("/my-work/")
    assert "Manager’s recorded oversight: placement move" in page.get_by_test_id("tray-due-soon").inner_text()
    _hold_supervision(browse, jay, riley)
    _oversee_the_move(browse, jay)
    browse.submit("Sign out")

    _worker_finds_the_actions(browse, worker, jay, riley)
    _iro_raises_a_concern(browse, iro, jay)

    browse.sign_in(manager.username)
    browse.goto("/my-work/")
    assert "challenge" not in page.get_by_test_id("tray-waiting").inner_text()
    browse.submit("Sign out")

    # Jay's visit was due on 6 June and is not done: on 9 June it is overdue for both.
    clock.travel_to(at(D(2025, 6, 9), 9), tick=True)
    browse.sign_in(worker.username)
    overdue = page.get_by_test_id("tray-overdue").inner_text()
    assert JAY_ACTION in overdue and "Overdue" in overdue
    assert "health visitor" not in overdue
    browse.submit("Sign out")
    browse.sign_in(manager.username)
    team = page.get_by_test_id("tray-team-overdue").inner_text()
    assert "Jay Smith" in team and JAY_ACTION in team

    # Nobody answered the IRO. The day after the response was due (10 working days), it is the manager's.
    clock.travel_to(at(D(2025, 6, 17), 9), tick=True)
    browse.goto("/my-work/")
    waiting = page.get_by_test_id("tray-waiting").inner_text()
    assert "Jay Smith: challenge escalated to you (Sam Worker did not respond)" in waiting

    _figures_drill_down_to_each(browse)

    browse.goto("/my-work/")
    browse.follow("Jay Smith: challenge escalated to you (Sam Worker did not respond)")
    assert "Escalated: Sam Worker did not respond by 16 June 2025" in page.content()
    browse.follow("Respond")
    fill_date(page, "responded_on", D(2025, 6, 17))
    page.get_by_label("Response").fill("A permanence planning meeting is booked for 24 June.")
    browse.submit("Save")
    assert "Response recorded" in success_banner(page)
    assert "Answered" in page.get_by_test_id("challenges").inner_text()
    browse.goto("/performance/oversight/")
    assert _count(page, "challenge-stages") == "0"


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


def _hold_supervision(browse, jay, riley):
    page = browse.page
    browse.goto("/supervision/")
    browse.follow("Record supervision")
    page.get_by_label("Worker supervised").select_option(label="Sam Worker")
    fill_date(page, "held_on", D(2025, 6, 2))
    page.get_by_label("Wellbeing", exact=True).fill("Tired after a hard visit; taking time owed on Friday.")
    page.get_by_label("Reflection", exact=True).fill("How to name concerns plainly and keep the relationship.")
    browse.submit("Save")
    assert "Supervision recorded" in success_banner(page)
    _discuss(browse, jay, "See Jay alone at school this week.", "Visit Jay and see him alone", D(2025, 6, 6))
    _discuss(
        browse, riley, "Chase the health visitor before the review.", "Get the health visitor's report", D(2025, 6, 5)
    )
    discussions = page.get_by_test_id("case-discussion").all_inner_texts()
    assert len(discussions) == 2 and "See Jay alone at school this week." in discussions[0]
    browse.follow("Sign the record")
    browse.submit("Sign")


def _oversee_the_move(browse, jay):
    """The manager's oversight page lists the move; the manager records the decision (a missing
    rationale is refused first, nothing saved)."""
    page = browse.page
    browse.goto("/oversight/")
    awaiting = page.get_by_test_id("oversight-awaiting").inner_text()
    assert "Placement move on 28 May 2025" in awaiting and "Jay Smith" in awaiting
    with page.expect_navigation():
        page.get_by_role(
            "link", name=re.compile(r"^Placement move on 28 May 2025\W+record oversight for Jay Smith")
        ).click()
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
    browse.goto("/my-work/")
    assert "Manager’s recorded oversight: placement move" not in page.locator("main").inner_text()
    browse.goto(f"/people/{jay.pk}/chronology/")
    assert "Management oversight of placement move on 28 May 2025 by Morgan Manager" in page.content()


def _worker_finds_the_actions(browse, worker, jay, riley):
    page = browse.page
    browse.sign_in(worker.username)
    due_soon = page.get_by_test_id("tray-due-soon").inner_text()
    assert JAY_ACTION in due_soon
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


def _iro_raises_a_concern(browse, iro, jay):
    """The IRO raises a concern informally with the social worker, naming the team manager next."""
    page = browse.page
    browse.sign_in(iro.username)
    browse.goto(f"/people/{jay.pk}/oversight/")
    browse.follow("Raise a concern")
    page.get_by_label("Independent reviewing officer (looked-after reviews)").check()
    page.get_by_label("Drift and delay").check()
    page.get_by_label("The concern").fill("The plan for permanence has not moved since March.")
    fill_date(page, "raised_on", D(2025, 6, 2))
    page.get_by_label("Raised informally with").select_option(
        label="Sam Worker (Social worker, Children in Care Team North)"
    )
    page.get_by_label("If there is no response in time, it goes to").select_option(
        label="Morgan Manager (Team manager, Children in Care Team North)"
    )
    browse.submit("Save")
    assert "Concern raised" in success_banner(page)
    assert "Waiting for a response" in page.get_by_test_id("challenges").inner_text()
    browse.submit("Sign out")


def _count(page, testid) -> str:
    return page.get_by_test_id(testid).inner_text().split()[0]


def _row(page, testid, team="Children in Care Team North") -> list[str]:
    """A team's row of a figures table, the numbers as shown: within, not within, all, percent."""
    cells = page.get_by_test_id(testid).get_by_role("row").filter(has_text=team).locator("td").all_inner_texts()
    return [cell.split()[0] for cell in cells]


def _figures_drill_down_to_each(browse):
    """On 17 June: Sam was supervised within the standard; both children were discussed; the move
    was overseen in time (Jay's becoming looked after in March never was); Jay's action is
    overdue; the challenge is past its date at the informal stage, now the manager's. Each number
    opens the list that names them."""
    page = browse.page
    browse.goto("/performance/oversight/")
    assert _row(page, "workers")[:3] == ["1", "0", "1"]
    assert _row(page, "case-supervision")[:3] == ["2", "0", "2"]
    assert _row(page, "key-events")[:3] == ["1", "1", "2"]  # becoming looked after on 3 March: none recorded
    assert _count(page, "case-actions") == "1" and _count(page, "challenge-stages") == "1"
    assert _row(page, "disputes-stage", "Informal") == ["1"] and _row(page, "disputes-theme", "Drift and delay") == [
        "1"
    ]

    _follow_in(browse, "workers", "1 workers within, Children in Care Team North")
    assert "Sam Worker" in page.get_by_test_id("workers").inner_text()
    browse.goto("/performance/oversight/")
    _follow_in(browse, "case-supervision", "2 children with an open case within, Children in Care Team North")
    behind = page.get_by_test_id("behind").inner_text()
    assert "Jay Smith" in behind and "Riley Jones" in behind
    browse.goto("/performance/oversight/")
    _follow_in(browse, "key-events", "1 key events within, Children in Care Team North")
    behind = page.get_by_test_id("behind").inner_text()
    assert "Jay Smith" in behind and "placement move: recorded 2 June 2025" in behind
    browse.follow("Overseen late or not yet")
    assert "child became looked after: not yet recorded" in page.get_by_test_id("behind").inner_text()
    browse.goto("/performance/oversight/")
    _follow_in(browse, "overdue", "1 case supervision actions overdue")
    behind = page.get_by_test_id("behind").inner_text()
    assert "Jay Smith" in behind and "Visit Jay and see him alone (owner: Sam Worker)" in behind
    assert "health visitor" not in behind
    browse.goto("/performance/oversight/")
    _follow_in(browse, "overdue", "1 challenges overdue")
    behind = page.get_by_test_id("behind").inner_text()
    assert "Jay Smith" in behind
    assert "Informal, escalated to Morgan Manager (Sam Worker did not respond by 16 June 2025)" in behind
    browse.goto("/performance/oversight/")
    _follow_in(browse, "disputes-theme", "1 about drift and delay")
    assert "Jay Smith" in page.get_by_test_id("behind").inner_text()


def _follow_in(browse, testid, name):
    with browse.page.expect_navigation():
        browse.page.get_by_test_id(testid).get_by_role("link", name=name, exact=True).click()
    browse.check()


def _session_id(worker):
    from supervision.models import SupervisionSession

    return SupervisionSession.objects.get(supervisee=worker).pk
