"""A case audit programme in a real browser, every page axe-checked (issue 17's "Done when"): a
QA officer sets up a programme on children placed with parents for two teams and draws the sample
(the same seed draws the same sample again); an auditor grades a case, first without the evidence
for one grade (refused), then with it, setting an action for the worker; the worker adds a
reflection and finds the action in their tray and on the child's record; a moderator grades the
case blind and the agreement figure updates; the report shows the grade and drills down to the
audit."""

import datetime
import re

import pytest

from audits.models import Audit
from audits.testing import ensure_tools
from children_in_need.testing import at
from looked_after.tests.factories import WITH_PARENTS, start_care
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


def _team(make_staff, name, worker_name, manager_name):
    team = team_create(name=name)
    worker = make_staff(
        Role.SOCIAL_WORKER,
        team=team,
        username=f"{worker_name.lower()}.worker",
        first_name=worker_name,
        last_name="Worker",
    )
    manager = make_staff(
        Role.TEAM_MANAGER,
        team=team,
        username=f"{manager_name.lower()}.manager",
        first_name=manager_name,
        last_name="Manager",
    )
    team.manager = manager
    team.save()
    return team, worker


def _placed_with_parents(worker, names):
    for name in names:
        child = person_create(actor=worker, given_name=name, family_name="Parker", date_of_birth=D(2016, 4, 1))
        start_care(worker, child, D(2025, 3, 3), legal_status="C2", placement=WITH_PARENTS)


def _grade_every_domain(page, audit, grade: str, evidence: str, *, skip_overall_evidence=False):
    for domain in audit.programme.tool.domains.all():
        page.locator(f"input[name='domain_{domain.pk}_grade'][value='{grade}']").check()
        page.locator(f"#id_domain_{domain.pk}_evidence").fill(evidence)
    page.locator(f"input[name='overall_grade'][value='{grade}']").check()
    page.locator("#id_overall_evidence").fill("" if skip_overall_evidence else evidence)


def test_a_programme_from_set_up_to_the_report(browse, make_staff, clock):
    ensure_tools()
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    north, sam = _team(make_staff, "Children in Care North", "Sam", "Morgan")
    _, tia = _team(make_staff, "Children in Care South", "Tia", "Rhys")
    _placed_with_parents(sam, ["Amy", "Ben"])
    _placed_with_parents(tia, ["Dee", "Eli"])
    make_staff(Role.QA_OFFICER, username="quinn.qa", first_name="Quinn", last_name="Officer")
    make_staff(Role.QA_OFFICER, username="audrey.auditor", first_name="Audrey", last_name="Auditor")
    make_staff(Role.SENIOR_LEADER, username="mo.moderator", first_name="Mo", last_name="Moderator")
    page = browse.page

    # The QA officer sets up the programme for the two teams and draws its sample.
    browse.sign_in("quinn.qa")
    browse.goto("/audits/")
    browse.follow("Set up an audit programme")
    page.get_by_label("Theme").fill("Children placed with parents")
    page.get_by_label("Children in care and care leavers", exact=True).check()
    page.get_by_label("Children in care placed with parents", exact=True).check()
    page.get_by_label("Children in Care North", exact=True).check()
    page.get_by_label("Children in Care South", exact=True).check()
    fill_date(page, "open_from", D(2025, 1, 1))
    fill_date(page, "open_to", D(2025, 6, 1))
    page.get_by_label("A number of cases, stratified by team", exact=True).check()
    page.get_by_label("Number of cases (for a stratified sample)").fill("2")
    page.get_by_label("Seed (optional)").fill("42")
    page.get_by_label("Share moderated (per cent)").fill("100")
    page.get_by_role("group", name="Auditors").get_by_label(re.compile(r"^Audrey Auditor")).check()
    page.get_by_role("group", name="Moderators").get_by_label(re.compile(r"^Mo Moderator")).check()
    fill_date(page, "audit_by", D(2025, 6, 30))
    browse.submit("Set up the programme")
    assert "Audit programme set up" in success_banner(page)
    browse.follow("Draw the sample")
    browse.submit("Draw the sample")
    assert "Sample drawn and auditors assigned" in success_banner(page)
    sample = page.get_by_test_id("sample").inner_text()
    assert "Children in Care North" in sample and "Children in Care South" in sample
    browse.submit("Draw again with seed 42 to check")
    assert "Drawn again with seed 42: the same 2 children." in page.get_by_test_id("check").inner_text()

    # The auditor grades a case: a grade without its evidence is refused, then completed.
    audit = Audit.objects.select_related("programme__tool", "child").filter(team=north).get()
    child = audit.child
    page.context.clear_cookies()
    browse.sign_in("audrey.auditor")
    browse.goto("/audits/")
    with page.expect_navigation():
        page.get_by_test_id("audits-to-do").get_by_role("link", name=child.full_name).click()
    browse.check()
    browse.follow("Grade the case")
    assert "The child's voice runs through the record in their own words" in page.inner_text("main")
    _grade_every_domain(
        page, audit, "3", "The plan's actions drift; views recorded thinly.", skip_overall_evidence=True
    )
    page.locator("#id_action_1").fill("See the child alone and update the plan")
    page.locator("input[name='owner_1'][value='worker']").check()
    fill_date(page, "due_on_1", D(2025, 6, 6))  # within the week: in the worker's "due soon" tray
    browse.submit("Complete the audit")
    assert "Write the evidence for the grade for the case overall" in page.get_by_role("alert").inner_text()
    page.locator("#id_overall_evidence").fill("Safe, but the plan drifts and her views are thin.")
    browse.submit("Complete the audit")
    assert "Audit completed" in success_banner(page)

    # The worker finds the action in their tray and on the child's record, and reflects.
    page.context.clear_cookies()
    browse.sign_in("sam.worker")
    assert "Audit action: See the child alone and update the plan" in page.content()
    browse.goto(f"/people/{child.pk}/audits/")
    assert "See the child alone and update the plan" in page.get_by_test_id("audit-actions").inner_text()
    assert "Requires improvement to be good" in page.get_by_test_id("audit-grade").inner_text()
    browse.follow("View the audit: Children placed with parents")
    browse.follow("Add your reflection")
    page.get_by_label("Your reflection").fill("I will see Amy alone at school before the review.")
    browse.submit("Save")
    assert "Reflection added" in success_banner(page)

    # The moderator grades blind; the moderated grade stands and the agreement figure updates.
    page.context.clear_cookies()
    browse.sign_in("mo.moderator")
    browse.goto(f"/people/{child.pk}/audits/{audit.pk}/")
    assert "grades are hidden" in page.get_by_test_id("blind").inner_text()
    browse.follow("Moderate the audit")
    _grade_every_domain(page, audit, "3", "Agreed: drift in the plan.")
    browse.submit("Save the moderation")
    assert "moderated grades stand" in success_banner(page)
    browse.goto(f"/audits/programmes/{audit.programme_id}/")
    agreement = page.get_by_test_id("agreement").inner_text()
    assert "The case overall" in agreement and "100.0%" in agreement

    # The report shows the grade and drills down to the audit.
    browse.goto("/audits/report/")
    browse.follow("1 graded requires improvement to be good")
    assert child.full_name in page.get_by_test_id("report-rows").inner_text()
    browse.follow(child.full_name)
    assert "Children placed with parents" in page.get_by_role("heading", level=1).inner_text()
