"""The workforce in a real browser, every page axe-checked: the workforce lead records a new
agency social worker; their induction checklist starts on their first day and their mandatory
training is due, on their record and in their manager's tray; the manager allocates them two
children and sees their weighted caseload cross its limit; the workforce figures show the agency
rate and drill down to the worker; the workforce census file is downloaded."""

import datetime

import pytest

from caseloads.models import CaseloadLimit
from caseloads.testing import seed_configuration
from children_in_need.testing import at
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = datetime.date
FIRST_DAY = D(2025, 9, 1)  # a Monday, before the census date of 30 September 2025


@pytest.fixture
def people(make_staff, clock):
    seed_configuration()  # caseloads.testing: the database is emptied between browser tests
    clock.travel_to(at(D(2025, 8, 1), 9))  # the children were Sam's before Ada started
    team = team_create(name="Safeguarding Team South")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    lead = make_staff(Role.WORKFORCE_LEAD, username="nadia.lead", first_name="Nadia", last_name="Lead")
    children = [
        person_create(actor=worker, given_name=name, family_name="Smith", date_of_birth=D(2015, 3, 27))
        for name in ("Jay", "Kim")
    ]
    # A small limit, so two children cross it (5 points each for a child in need).
    CaseloadLimit.objects.filter(role=Role.SOCIAL_WORKER).update(points_per_fte=8)
    return team, manager, lead, children


def test_a_new_agency_worker_from_first_day_to_the_census(browse, people, clock, tmp_path):
    team, manager, lead, children = people
    clock.travel_to(at(FIRST_DAY, 9), tick=True)
    page = browse.page

    browse.sign_in(lead.username)
    browse.follow("Record a new starter")
    page.get_by_label("First name").fill("Ada")
    page.get_by_label("Last name").fill("Agency")
    page.get_by_label("Username").fill("ada.agency")
    page.get_by_label("Social worker", exact=True).check()
    page.get_by_label("Team", exact=True).select_option(label=team.name)
    fill_date(page, "started_on", FIRST_DAY)
    page.locator("input[name=agency][value=yes]").check()
    page.get_by_label("Agency (if agency)").fill("Northern Locums")
    page.get_by_label("Notice period in weeks (if agency)").fill("2")
    fill_date(page, "qualified_on", D(2018, 7, 1))
    browse.submit("Save")
    # The agency rules: a notice period under 4 weeks is refused, nothing saved.
    assert "at least 4 weeks" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Notice period in weeks (if agency)").fill("4")
    browse.submit("Save")
    assert "New starter recorded" in success_banner(page)
    assert "Agency worker (Northern Locums)" in page.get_by_test_id("employment").inner_text()
    induction = page.get_by_test_id("induction").inner_text()
    assert "Started 1 September 2025" in induction and "Meet your line manager" in induction
    assert "Information governance and data protection" in page.get_by_test_id("training-due").inner_text()
    browse.submit("Sign out")

    browse.sign_in(manager.username)
    due = page.get_by_test_id("team-staff-due").inner_text()
    assert (
        "Ada Agency" in due
        and "Induction: Meet your line manager" in due
        and "Training: Information governance and data protection" in due
    )
    for child in children:
        browse.goto(f"/people/{child.pk}/allocation/")
        assert "Ada Agency" in page.get_by_test_id("allocation-suggestions").inner_text()
        page.get_by_label(f"Worker in {team.name}").select_option(label="Ada Agency")
        fill_date(page, "start_date", FIRST_DAY)
        page.get_by_label("Caseload balancing").check()
        browse.submit("Change allocation")
        assert "allocated to Ada Agency" in success_banner(page)
    browse.goto("/my-team/")
    assert (
        "Over their caseload limit: Ada Agency (10 points, limit 8)" in page.get_by_test_id("over-limit").inner_text()
    )
    browse.submit("Sign out")

    clock.travel_to(at(D(2025, 10, 6), 9), tick=True)
    browse.sign_in(lead.username)
    browse.follow("Workforce")
    agency = page.get_by_test_id("figure-agency_rate").inner_text()
    assert "Agency rate (FTE)" in agency and "33.3%" in agency  # Ada, of Ada, Sam and Morgan (1 FTE each)
    browse.follow("Agency rate (FTE)")
    assert "Ada Agency" in page.get_by_test_id("figure-staff").inner_text()
    browse.follow("Workforce figures")
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Children and family social work workforce census, 30 September 2025 (CSV)"
        ).click()
    saved = tmp_path / "census.csv"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "workforce-census-2025.csv"
    text = saved.read_text()
    assert text.startswith("record_type,worker_id,swe_registration_number") and "agency," in text
