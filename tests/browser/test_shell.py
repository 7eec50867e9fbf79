"""A person signs in as each demo user, sees their navigation, and gets locked out."""

import pytest

from synthetic import demo
from workforce.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The home page's heading, where it differs from its navigation label.
HEADINGS = {Role.MASH_WORKER: "Contacts and referrals waiting for a decision"}
HOME_HEADINGS = {
    Role.SOCIAL_WORKER: "My work",
    Role.TEAM_MANAGER: "My team",
    Role.IRO: "Reviews and conferences",
    Role.MASH_WORKER: "Front door",
    Role.QA_OFFICER: "Performance",
    Role.SENIOR_LEADER: "Performance",
    Role.SYSTEM_ADMIN: "Administration",
    Role.LADO_OFFICER: "Allegations (LADO)",
    Role.PERSONAL_ADVISER: "My young people",
    Role.PRIVATE_FOSTERING_OFFICER: "Private fostering",
    Role.SERVICE_MANAGER: "Challenges",
    Role.HEAD_OF_SERVICE: "Challenges",
    Role.DIRECTOR: "Challenges",
    Role.WORKFORCE_LEAD: "Staff",
}


def test_each_demo_user_signs_in_and_sees_their_navigation(browse):
    demo.load_demo()
    page = browse.page
    for person in demo.sign_ins():
        browse.sign_in(person.username, demo.DEMO_PASSWORD)
        label = HOME_HEADINGS[person.role]
        assert page.get_by_role("heading", level=1).inner_text() == HEADINGS.get(person.role, label)
        nav = page.get_by_role("navigation", name="Menu")
        assert nav.get_by_role("link", name=label).get_attribute("aria-current") == "page"
        assert Role(person.role).label in page.get_by_test_id("signed-in-as").inner_text()
        browse.submit("Sign out")
        assert page.get_by_role("heading", level=1).inner_text() == "Sign in"


def test_five_wrong_passwords_lock_the_account(browse, make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    page = browse.page
    for attempt in range(4):
        browse.sign_in(user.username, "wrong-password")
        assert "Enter a correct username and password" in page.get_by_role("alert").inner_text()
    browse.sign_in(user.username, "wrong-password")  # the fifth
    assert page.get_by_role("heading", level=1).inner_text() == "Your account is locked"
    browse.sign_in(user.username)  # the right password, too late
    assert page.get_by_role("heading", level=1).inner_text() == "Your account is locked"


def test_an_unknown_page_shows_the_design_system_404(browse, make_staff):
    browse.sign_in(make_staff(Role.SOCIAL_WORKER).username)
    response = browse.goto("/this/does/not/exist")
    assert response.status == 404
    assert browse.page.get_by_role("heading", level=1).inner_text() == "Page not found"


def test_the_sign_in_form_explains_empty_fields(browse, db):
    browse.goto("/sign-in/")
    browse.submit("Sign in")
    summary = browse.page.get_by_role("alert").inner_text()
    assert "Enter your username" in summary and "Enter your password" in summary
    browse.page.get_by_role("link", name="Enter your username").click()
    assert browse.page.evaluate("document.activeElement.id") == "id_username"
