"""A social worker's day with a child's record, end to end in a real browser.

Search with a misspelt name; create a child (the likely duplicate is shown first); add a family
member; record a visit with the child seen alone; add a case note with a document; read the
chronology. A worker from another team gets 404; a restricted record is invisible until an
administrator names the worker; and every view shows in "who has viewed".
"""

import datetime

import pytest

from conftest import TEST_PASSWORD
from people import services as people_services
from tests.browser.pages import fill_date
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def office(make_staff, team):
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="amara", first_name="Amara", last_name="Okafor")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="claire", first_name="Claire", last_name="Hughes")
    team.manager = manager
    team.save()
    stranger = make_staff(Role.SOCIAL_WORKER, team=team_create(name="East team"), username="yusuf")
    admin = make_staff(Role.SYSTEM_ADMIN, username="hanna")
    jonathan = people_services.person_create(
        actor=worker, given_name="Jonathan", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27), sex="M"
    )
    return {"worker": worker, "manager": manager, "stranger": stranger, "admin": admin, "jonathan": jonathan}


def test_a_social_workers_day_with_the_record(browse, office, tmp_path):
    page = browse.page
    browse.sign_in("amara")

    # Search, misspelt.
    browse.goto("/people/search/")
    page.get_by_label("Name").fill("Jonathon Smyth")
    browse.submit("Search")
    assert page.get_by_role("link", name="Jonathan Smith").is_visible()

    # Create a child who may be Jonathan: the duplicate warning comes first.
    browse.follow("Add a new child")
    page.get_by_label("First name").fill("Jonathon")
    page.get_by_label("Last name").fill("Smyth")
    fill_date(page, "date_of_birth", datetime.date(2015, 3, 27))
    page.get_by_label("Male", exact=True).check()
    browse.submit("Continue")
    duplicates = page.get_by_test_id("duplicates")
    assert "This child may already have a record" in duplicates.inner_text()
    assert "Jonathan Smith" in duplicates.inner_text()
    browse.submit("None of these: create a new record")
    assert "Record created for Jonathon Smyth" in page.get_by_role("alert").inner_text()
    child_url = page.url

    # A family member.
    browse.follow("Family and network")
    browse.follow("Add a new family member")
    page.get_by_label("Mother", exact=True).check()
    page.get_by_label("First name").fill("Sarah")
    page.get_by_label("Last name").fill("Smyth")
    page.get_by_label("Has parental responsibility for the child").check()
    page.get_by_label("Lives with the child").check()
    browse.submit("Add to family")
    family = page.get_by_test_id("family-table").inner_text()
    assert "Sarah Smyth" in family and "Mother" in family

    # A visit, the child seen alone.
    browse.follow("Visits")
    browse.follow("Record a visit")
    fill_date(page, "visit_date", datetime.date.today() - datetime.timedelta(days=1))
    page.get_by_label("Time of visit").fill("09:30")
    page.get_by_label("Home visit", exact=True).check()
    page.get_by_role("group", name="Was the child seen?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child's bedroom seen?").get_by_label("Yes").check()
    page.get_by_label("What the child said").fill("I like my new school.")
    page.get_by_label("Observations").fill("Warm home, food in the cupboards.")
    browse.submit("Save visit")
    assert "seen alone" in page.locator("main").inner_text().lower()

    # A case note with a document.
    browse.follow("Case notes")
    browse.follow("Add a case note")
    page.get_by_label("Telephone call").check()
    fill_date(page, "note_date", datetime.date.today() - datetime.timedelta(days=1))
    page.get_by_label("Time", exact=True).fill("10:15")
    page.get_by_label("Subject").fill("Call with school")
    page.get_by_label("Note", exact=True).fill("Attendance is up to 94%.")
    letter = tmp_path / "school-letter.pdf"
    letter.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label("Attach a document (optional)").set_input_files(str(letter))
    browse.submit("Save case note")
    assert "Call with school" in page.locator("main").inner_text()

    # The chronology tells the story, without anyone typing it.
    browse.follow("Chronology")
    story = page.locator("main").inner_text()
    for entry in [
        "Record created for Jonathon Smyth",
        "Sarah Smyth added as mother",
        "child seen alone",
        "Call with school",
        "school-letter.pdf",
    ]:
        assert entry in story, entry
    browse.submit("Sign out")

    # Another team's worker: the same 404 as a record that does not exist.
    browse.sign_in("yusuf")
    response = browse.goto(child_url.replace(browse.base_url, ""))
    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    browse.submit("Sign out")

    # The manager sees who has viewed the record.
    browse.sign_in("claire")
    browse.goto(child_url.replace(browse.base_url, ""))
    browse.follow("Who has viewed")
    viewed = page.get_by_test_id("viewed-table").inner_text()
    assert "Amara Okafor" in viewed and "Claire Hughes" in viewed
    assert "yusuf" not in viewed.lower()


def test_a_restricted_record_is_invisible_until_access_is_granted(browse, office):
    page = browse.page
    jonathan = office["jonathan"]
    summary = f"/people/{jonathan.pk}/"

    browse.sign_in("hanna")
    browse.goto(f"/people/{jonathan.pk}/access/")
    browse.submit("Restrict this record")
    browse.submit("Sign out")

    browse.sign_in("amara")
    assert browse.goto(summary).status == 404
    browse.goto("/people/search/")
    page.get_by_label("Name").fill("Jonathan Smith")
    browse.submit("Search")
    assert "0 people found" in page.locator("main").inner_text()
    browse.submit("Sign out")

    browse.sign_in("hanna")
    browse.goto(f"/people/{jonathan.pk}/access/")
    page.get_by_label("Username of the person to give access to").fill("amara")
    page.get_by_label("Reason").fill("Allocated social worker")
    fill_date(page, "expires_on", datetime.date.today() + datetime.timedelta(days=30))
    browse.submit("Give access")
    assert "Amara Okafor can see this record until" in page.get_by_role("alert").inner_text()
    browse.submit("Sign out")

    browse.sign_in("amara")
    assert browse.goto(summary).status == 200
    assert "Restricted record" in page.get_by_test_id("identity-bar").inner_text()
