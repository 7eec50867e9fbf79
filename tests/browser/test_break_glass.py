"""An administrator breaks the glass to help with one child's record, and a senior leader sees
it: who, which child, when, why, until when. Every page is checked with axe."""

import datetime

import pytest

from people import services as people_services
from workforce.roles import Role

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_administrator_breaks_the_glass_and_a_senior_leader_sees_it(browse, make_staff, team):
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="amara")
    make_staff(Role.SYSTEM_ADMIN, username="hanna", first_name="Hanna", last_name="Kowalska")
    make_staff(Role.SENIOR_LEADER, username="sasha")
    jonathan = people_services.person_create(
        actor=worker, given_name="Jonathan", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27), sex="M"
    )
    page = browse.page

    browse.sign_in("hanna")
    assert browse.goto(f"/people/{jonathan.pk}/").status == 404
    browse.goto("/administration/")
    browse.follow("Open a record for support (break-glass)")
    page.get_by_label("LA child ID").fill(jonathan.la_id)
    browse.submit("Open the record")
    assert "Enter why you need to open this record" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Why do you need to open this record?").fill("Ticket 4411: the summary does not load")
    browse.submit("Open the record")
    assert "Jonathan Smith" in page.get_by_test_id("identity-bar").inner_text()
    browse.submit("Sign out")

    browse.sign_in("sasha")
    browse.follow("Break-glass access")
    row = page.get_by_test_id("break-glass-table").inner_text()
    assert "Hanna Kowalska" in row and "Jonathan Smith" in row and "Ticket 4411" in row
    browse.goto(f"/people/{jonathan.pk}/viewed/")
    assert "Ticket 4411" in page.get_by_test_id("break-glass-notice").inner_text()
    assert "Break-glass: Ticket 4411" in page.get_by_test_id("viewed-table").inner_text()
