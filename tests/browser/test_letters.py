"""The plan letter, in a real browser, every page axe-checked: a worker on a child's child protection
plan makes the plan letter, checks the preview, makes it, finds it on the child's "Documents" tab
and in the chronology, and downloads a real PDF that names the child and the plan's outcome; an
administrator changes a template, and a placeholder the letter cannot fill is refused with a clear
error."""

import datetime
import io

import pytest
from pypdf import PdfReader

from children_in_need.testing import at, make_cp_plan
from documents.testing import ensure_templates
from people.services import person_create
from plans.testing import action, outcome
from tests.browser.pages import success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date
TODAY = D(2025, 6, 2)


@pytest.fixture
def people(make_staff, clock):
    clock.travel_to(at(TODAY, 9), tick=True)
    ensure_templates()
    team = team_create(name="Child Protection Team North")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    make_staff(Role.SYSTEM_ADMIN, username="ada.admin", first_name="Ada", last_name="Admin")
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    plan = make_cp_plan(worker, child, referral_on=D(2025, 5, 1))
    goal = outcome(worker, plan, what="Jay lives in a home that is warm and has food every day")
    action(worker, goal, text="Agree a weekly budget with the money advice service", name="Ms Smith (mother)")
    return worker, child, plan


def test_a_worker_makes_the_plan_letter_and_finds_it_on_the_record(browse, people, tmp_path):
    worker, child, plan = people
    page = browse.page

    browse.sign_in(worker.username)
    browse.goto(f"/people/{child.pk}/plans/cp/{plan.pk}/")
    browse.follow("Make the plan letter")
    page.get_by_role("radio", name="The plan for the family").check()
    assert "Child protection plan from 1 May 2025" in page.get_by_label("What the letter is about").inner_text()
    browse.submit("Preview the letter")
    assert "Enter who the letter is to" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Who the letter is to").fill("Ms Smith\n1 High Street\nNorthtown")
    browse.submit("Preview the letter")
    preview = page.get_by_test_id("letter-preview").inner_text()
    assert "Jay's plan" in preview and "Dear Ms Smith," in preview
    assert "Jay lives in a home that is warm and has food every day" in preview
    browse.submit("Make the letter")
    assert "Letter made and saved to the record" in success_banner(page)

    browse.follow("Documents")
    letters = page.get_by_test_id("letters").inner_text()
    assert "Jay's plan" in letters and "Sam Worker" in letters and "Child protection plan from 1 May 2025" in letters
    browse.follow("Chronology")
    assert "Jay's plan made for Ms Smith." in page.get_by_role("main").inner_text()
    browse.follow("Documents")
    browse.follow("Jay's plan")
    with page.expect_download() as download:
        page.get_by_test_id("letter-download").click()
    saved = tmp_path / "letter.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(saved.read_bytes())).pages)
    assert "Jay" in text and "warm and has food every day" in text and "Ms Smith" in text


def test_an_administrator_changes_a_template_and_a_bad_placeholder_is_refused(browse, people):
    page = browse.page

    browse.sign_in("ada.admin")
    browse.goto("/administration/")
    browse.follow("Letter templates")
    browse.follow("My plan (for the child)")
    body = page.get_by_label("Text of the letter")
    body.fill("Hello {{ child.first_name }}, your favourite colour is {{ child.favourite_colour }}.")
    browse.submit("Save template")
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "{{ child.favourite_colour }} is not a placeholder we know" in summary
    body = page.get_by_label("Text of the letter")
    body.fill("Hello {{ child.first_name }}. This is your plan.\n\n{{ plan.outcomes }}")
    browse.submit("Save template")
    assert "Template saved" in success_banner(page)
    assert "Ada Admin" in page.get_by_test_id("templates").inner_text()
