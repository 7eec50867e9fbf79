"""Issue 13's hand-offs, in a real browser with the axe check on every page: the front door sends
a child to a team and the team manager allocates them from the unallocated tray; a home visit
meets the child in need visiting standard; a care order for a 17-year-old is refused; a contact
is recorded for a child whose date of birth is not known."""

import datetime

import pytest

from children_in_need import services as cin
from children_in_need.testing import at, decide_referral, make_referral
from people.models import Person
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
from timescales.models import DueItem
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


@pytest.fixture
def staff(make_staff):
    team = team_create(name="Assessment Team West")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    mash = make_staff(
        Role.MASH_WORKER, team=team_create(name="MASH"), username="mo.front", first_name="Mo", last_name="Front"
    )
    return {"team": team, "worker": worker, "manager": manager, "mash": mash}


def test_the_front_door_sends_a_child_to_a_team_and_the_manager_allocates_from_the_tray(browse, staff):
    child = person_create(actor=staff["mash"], given_name="Kai", family_name="Newton", date_of_birth=D(2016, 5, 1))
    page = browse.page
    browse.sign_in("mo.front")
    browse.goto(f"/people/{child.pk}/allocation/")
    page.get_by_label("Team", exact=True).select_option(label="Assessment Team West")
    browse.submit("Show workers in this team")
    page.get_by_label("Worker in Assessment Team West").select_option(
        label="No one yet: send to the team’s unallocated tray"
    )
    fill_date(page, "start_date", datetime.date.today())
    page.get_by_label("New case").check()
    browse.submit("Change allocation")
    assert "sent to Assessment Team West’s unallocated tray" in success_banner(page)

    page.context.clear_cookies()
    browse.sign_in("morgan.manager")
    tray = page.get_by_test_id("tray-unallocated")
    assert "Kai Newton" in tray.inner_text() and "0 days" in tray.inner_text()
    browse.follow("Allocate Kai Newton")
    page.get_by_label("Worker in Assessment Team West").select_option(label="Sam Worker")
    fill_date(page, "start_date", datetime.date.today())
    page.get_by_label("New case").check()
    browse.submit("Change allocation")
    assert "Kai Newton allocated to Sam Worker" in success_banner(page)
    assert Person.objects.get(pk=child.pk).current_worker == staff["worker"]


def test_a_home_visit_meets_the_child_in_need_visit(browse, staff, clock):
    worker = staff["worker"]
    clock.travel_to(at(D(2025, 5, 30), 17))
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2015, 3, 27))
    decide_referral(worker, make_referral(worker, child, received_at=at(D(2025, 5, 30), 9)))
    cin.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 30))
    clock.travel_to(at(D(2025, 6, 13), 17), tick=True)
    page = browse.page
    browse.sign_in("sam.worker")
    browse.goto(f"/people/{child.pk}/visits/new/")
    fill_date(page, "visit_date", D(2025, 6, 13))
    page.get_by_label("Time of visit").fill("10:00")
    page.get_by_label("Home visit", exact=True).check()
    page.get_by_role("group", name="Was the child seen?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes").check()
    page.get_by_role("group", name="Was the child's bedroom seen?").get_by_label("Yes").check()
    page.get_by_label("Observations").fill("Seen alone in her room.")
    browse.submit("Save visit")
    assert "Visit recorded" in success_banner(page)
    # The next CIN visit runs from this one: 20 working days from 13 June.
    assert DueItem.objects.get(person=child, rule_code="cin_visit", completed_at__isnull=True).due_date == D(
        2025, 7, 11
    )
    browse.goto("/my-work/")
    assert "Visit the child in need" not in page.get_by_test_id("tray-overdue").inner_text()
    assert "13 Jun 2025 (today)" in page.get_by_test_id("my-children").inner_text()


def test_a_care_order_for_a_17_year_old_is_refused(browse, staff, clock):
    worker = staff["worker"]
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    child = person_create(actor=worker, given_name="Riley", family_name="Stone", date_of_birth=D(2007, 12, 1))
    page = browse.page
    browse.sign_in("sam.worker")
    browse.goto(f"/people/{child.pk}/looked-after/")
    browse.follow("Start a period of care")
    fill_date(page, "start_date", D(2025, 6, 2))
    page.get_by_label("Legal status", exact=True).select_option("C2")
    page.get_by_label("Category of need").select_option("N1")
    page.get_by_label("Child's home postcode").fill("NE6 1AA")
    page.get_by_label("Placement type").select_option("U6")
    page.get_by_label("Placement provider").select_option("PR1")
    page.get_by_label("Local authority the placement is in").select_option("391")
    page.get_by_label("Placement postcode").fill("NE1 4XF")
    browse.submit("Start period of care")
    assert "A care order cannot be made for a young person aged 17 or over" in page.get_by_role("alert").inner_text()


def test_a_contact_for_a_child_whose_date_of_birth_is_not_known(browse, staff):
    page = browse.page
    browse.sign_in("mo.front")
    browse.goto("/front-door/contacts/")
    browse.follow("New contact")
    page.get_by_label("Name", exact=True).fill("Baby Doe")
    browse.submit("Search")
    browse.follow("Add a new child")
    page.get_by_label("First name", exact=True).fill("Baby")
    page.get_by_label("Last name", exact=True).fill("Doe")
    page.get_by_label("No, not yet").check()
    page.get_by_label("Unknown", exact=True).check()
    browse.submit("Continue")
    assert "Record a contact" in page.locator("h1").inner_text()
    today = datetime.date.today()
    fill_date(page, "received_date", today)
    page.get_by_label("Time the contact was received").fill("00:01")
    page.get_by_label("Who made contact").select_option("1B")
    page.get_by_label("Concerns raised").fill("A neighbour heard a baby crying for hours.")
    browse.submit("Save contact")
    assert "Contact recorded" in success_banner(page)
    assert "Date of birth not known" in page.get_by_test_id("identity-bar").inner_text()
