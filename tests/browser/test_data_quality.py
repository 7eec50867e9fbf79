"""Data quality in a real browser, every page axe-checked: a problem shows on the child's page the
moment the record is saved with it, its "Fix this" link opens the page where it is put right, and
it is gone as soon as that is saved. A manager then finds the rest on the data-quality page.

1. A looked-after child aged 10, in care for 13 months, has no SDQ: the summary says so; the
   worker records the SDQ through the link and the problem disappears.
2. A referred child whose ethnicity is not recorded: recorded through "Fix this" on the
   personal details page, and the problem disappears.
"""

import datetime

import pytest

from children_in_need.testing import at, decide_referral, make_referral
from looked_after.tests.factories import start_care
from people.models import Person
from people.services import person_create
from tests.browser.pages import fill_date
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture
def people(make_staff):
    team = team_create(name="Children in Care Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    return worker, manager


def complete_child(worker, given_name, **overrides):
    child = person_create(actor=worker, given_name=given_name, family_name="Smith", date_of_birth=D(2015, 3, 27))
    values = {"sex": "M", "ethnicity": "WBRI", "disabilities": ["NONE"], "upn_unknown_reason": "UN2"} | overrides
    Person.objects.filter(pk=child.pk).update(**values)
    return child


def problems_on(page) -> list[str]:
    return page.get_by_test_id("data-problem").evaluate_all("items => items.map(i => i.dataset.check)")


def test_a_missing_sdq_shows_on_the_childs_page_and_goes_when_it_is_recorded(browse, people, clock):
    worker, manager = people
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    child = complete_child(worker, "Jay")
    start_care(worker, child, D(2024, 5, 1))  # the save that makes the child looked after for 12 months
    page = browse.page

    browse.sign_in(worker.username)
    browse.goto(f"/people/{child.pk}/")
    assert "186" in problems_on(page)
    sdq = page.locator('[data-check="186"]')
    assert "No strengths and difficulties questionnaire" in sdq.inner_text() and "aged 10" in sdq.inner_text()
    with page.expect_navigation():
        sdq.get_by_role("link", name="Fix this").click()
    browse.check()
    assert page.url.endswith(f"/people/{child.pk}/looked-after/sdq/new/")
    fill_date(page, "completed_on", D(2025, 5, 28))
    page.get_by_label("Total difficulties score (optional)").fill("14")
    browse.submit("Save SDQ")
    browse.goto(f"/people/{child.pk}/")
    assert "186" not in problems_on(page)
    assert set(problems_on(page)) == {"191-HA", "191-TEETH", "191-IMMS"}

    # The manager sees the three left on the data-quality page and follows one count to the child.
    page.context.clear_cookies()  # sign out
    browse.sign_in(manager.username)
    browse.follow("Data quality")
    assert "3 open problems" in page.get_by_test_id("dq-total").inner_text()
    row = page.get_by_test_id("dq-by-check").locator('[data-check="191-TEETH"]')
    with page.expect_navigation():
        row.get_by_role("link").click()
    browse.check()
    assert "No dental check in 12 months" in page.get_by_role("heading", level=1).inner_text()
    assert "Jay Smith" in page.get_by_test_id("dq-children").inner_text()


def test_ethnicity_recorded_through_fix_this_clears_the_problem(browse, people, clock):
    worker, _ = people
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    child = complete_child(worker, "Alex", ethnicity="")
    decide_referral(worker, make_referral(worker, child))
    page = browse.page

    browse.sign_in(worker.username)
    browse.goto(f"/people/{child.pk}/")
    assert problems_on(page) == ["4220"]
    with page.expect_navigation():
        page.locator('[data-check="4220"]').get_by_role("link", name="Fix this").click()
    browse.check()
    page.get_by_label("Ethnicity").select_option("NOBT")
    browse.submit("Save details")
    browse.goto(f"/people/{child.pk}/")
    assert page.get_by_test_id("data-problem").count() == 0
    browse.goto(f"/people/{child.pk}/data-quality/")
    assert "No problems found" in page.get_by_test_id("no-data-problems").inner_text()
