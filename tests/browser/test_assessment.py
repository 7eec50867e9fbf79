"""An assessment completed through its domains and authorised with a rationale, in a real browser,
every page axe-checked: the task list, a page per section of the Assessment Framework (the
triangle's three sides, the child's voice, the parents' views, other agencies, the analysis),
submit refused until every section is completed, then the manager's rationale, shown on the
record and the chronology."""

import datetime

import pytest

from assessments.framework import SIDES
from children_in_need.testing import at, decide_referral, make_assessment, make_referral
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEN = datetime.date(2025, 6, 3)


@pytest.fixture
def people(make_staff):
    team = team_create(name="Assessment Team East")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27))
    return worker, manager, child


def status_of(page, title: str) -> str:
    return page.locator("li.govuk-task-list__item", has_text=title).locator(".govuk-task-list__status").inner_text()


def test_an_assessment_completed_through_its_domains_and_authorised_with_a_rationale(browse, people, clock):
    worker, manager, child = people
    clock.travel_to(at(datetime.date(2025, 6, 2), 9))
    decide_referral(worker, make_referral(worker, child, received_at=at(datetime.date(2025, 6, 2), 9)))
    assessment = make_assessment(worker, child)
    clock.travel_to(at(datetime.date(2025, 6, 20), 10), tick=True)
    page = browse.page
    tasks = f"/people/{child.pk}/assessments/{assessment.pk}/edit/"

    browse.sign_in(worker.username)
    browse.goto(tasks)
    assert status_of(page, "Parenting capacity") == "Not started"
    browse.submit("Submit for authorisation")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert (
        "Complete ‘The child's developmental needs’" in summary
        and "Complete ‘Analysis, recommendation and outcome’" in summary
    )

    # Each side of the triangle: a finding for every domain (one "not assessed", with why).
    for side in SIDES:
        browse.follow(side.title)
        for domain in side.domains:
            if domain.code == "employment":
                page.locator("#id_employment__not_assessed").fill("Mum is on maternity leave; not relevant now.")
            else:
                page.locator(f"#id_{domain.code}__going_well").fill(f"{domain.label}: going well for Jay.")
        page.locator("#id_completed_0").check()
        browse.submit("Save and continue")
        assert "saved" in success_banner(page)
        assert status_of(page, side.title) == "Completed"

    # The child's voice: marked completed without saying why Jay was not seen alone is refused.
    browse.follow("The child's voice")
    fill_date(page, "child_seen_on", SEEN)
    page.locator("#id_seen_alone_1").check()  # No
    page.get_by_label("The child's wishes and feelings, in their own words").fill(
        "‘I want Mum and Dad to stop arguing.’"
    )
    page.get_by_label("How their wishes and feelings were gathered").fill("Drawing with me at the kitchen table.")
    page.locator("#id_completed_0").check()
    browse.submit("Save and continue")
    assert "Enter why the child was not seen alone" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("If not, why not").fill("Jay asked for his mum to stay.")
    browse.submit("Save and continue")
    assert status_of(page, "The child's voice") == "Completed"

    # Parents' views saved as a draft first: in progress.
    browse.follow("Parents' and carers' views")
    page.get_by_label("Parents' and carers' views").fill("Mum wants help with Dad's drinking.")
    page.locator("#id_completed_1").check()  # No
    browse.submit("Save and continue")
    assert status_of(page, "Parents' and carers' views") == "In progress"
    browse.follow("Parents' and carers' views")
    page.locator("#id_completed_0").check()
    browse.submit("Save and continue")

    browse.follow("Other agencies' information")
    page.get_by_label("Agency").fill("Oak Lane Primary School")
    page.get_by_label("What they said").fill("Attendance 88%; Jay is tired on Mondays.")
    fill_date(page, "said_on", SEEN)
    page.locator("#id_completed_0").check()
    browse.submit("Save and continue")

    browse.follow("Analysis, recommendation and outcome")
    page.get_by_label("Analysis of risk and strengths").fill("Dad's drinking is the risk; Mum's care is the strength.")
    page.get_by_label("Recommendation").fill("A CIN plan with an alcohol service referral for Dad.")
    page.get_by_label("Alcohol misuse: concerns about alcohol misuse by the parent(s)/carer(s)").check()
    page.get_by_label("Child in need plan", exact=True).check()
    page.locator("#id_completed_0").check()
    browse.submit("Save and continue")
    assert page.get_by_text("You have completed 7 of 7 sections.").is_visible()
    browse.submit("Submit for authorisation")
    assert "submitted for authorisation" in success_banner(page)
    browse.submit("Sign out")

    browse.sign_in(manager.username)
    browse.follow("Authorise the assessment for Jay Smith")
    assert "Mum is on maternity leave" in page.get_by_test_id("record-facts").inner_text()
    page.get_by_label("Authorise the assessment").check()
    browse.submit("Save decision")
    assert "Enter your rationale for authorising the assessment" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Your rationale for authorising").fill("Clear analysis; Jay's voice is heard. CIN plan agreed.")
    browse.submit("Save decision")
    assert "Assessment authorised" in success_banner(page)
    assert "CIN plan agreed" in page.get_by_test_id("authorisation-rationale").inner_text()
    assert "I want Mum and Dad to stop arguing" in page.get_by_test_id("childs-voice").inner_text()
    assert "Not assessed: Mum is on maternity leave" in page.get_by_test_id("side-family-and-environment").inner_text()
    browse.goto(f"/people/{child.pk}/chronology/")
    assert "Rationale: Clear analysis; Jay's voice is heard. CIN plan agreed." in page.locator("main").inner_text()
