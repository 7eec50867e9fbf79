"""Children looked after in a real browser, every page axe-checked:

1. one young person's whole journey through care, through the pages: looked after under
   section 20 (V2), which opens their child in need episode (they had no referral), a move of placement (its Ofsted URN then corrected), a care order (C2); the IRO sees the first review due on
   their home page and records it with an action; the young person goes missing and comes back,
   and the return home interview is due with its 72-hour deadline; months later they leave care
   at 16 and become a care leaver with a personal adviser, a needs assessment and a pathway plan,
   and the adviser's home page shows them and the next review;
2. a child placed with parents under a care order appears in the tracker.
"""

import datetime

import pytest

from children_in_need.testing import at
from looked_after.tests.factories import WITH_PARENTS, start_care
from people.services import person_create
from tests.browser.pages import fill_date, success_banner
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
    iro = make_staff(
        Role.IRO,
        team=team_create(name="Independent Reviewing Service"),
        username="irene.iro",
        first_name="Irene",
        last_name="Reviewer",
    )
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=D(2008, 9, 10))
    return worker, manager, iro, child


def identity_bar(page) -> str:
    return page.get_by_test_id("identity-bar").inner_text()


def test_one_journey_through_care_to_leaving_care(browse, people, make_staff, clock):
    worker, manager, iro, child = people
    adviser = make_staff(Role.PERSONAL_ADVISER, username="pat.adviser", first_name="Pat", last_name="Adviser")
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    page = browse.page
    record = f"/people/{child.pk}/looked-after/"

    browse.sign_in(worker.username)
    browse.goto(record)
    assert "is not looked after" in page.get_by_test_id("not-looked-after").inner_text()
    browse.follow("Start a period of care")
    fill_date(page, "start_date", D(2025, 5, 2))
    page.get_by_label("Legal status", exact=True).select_option("V2")
    page.get_by_label("Category of need").select_option("N1")
    page.get_by_label("Child's home postcode").fill("NE6 1AA")
    page.get_by_label("Placement type").select_option("U6")
    page.get_by_label("Placement provider").select_option("PR1")
    page.get_by_label("Local authority the placement is in").select_option("391")
    page.get_by_label("Carer or home (optional)").fill("Mr and Mrs Patel")
    page.get_by_label("Placement postcode").fill("NE6 1AA")  # the home postcode: refused for foster care
    browse.submit("Start period of care")
    assert "same as the child's home postcode" in page.get_by_role("alert").inner_text()
    page.get_by_label("Placement postcode").fill("ne1 4xf")
    browse.submit("Start period of care")
    # Jay had no referral: every looked-after child is a child in need, so the episode opens too.
    assert "A child in need episode was opened the same day" in success_banner(page)
    assert "Looked after" in identity_bar(page)
    assert "V2: Single period of accommodation under section 20" in page.get_by_test_id("current-care").inner_text()

    browse.goto(f"/people/{child.pk}/help-and-protection/")
    assert "Child in need episode from 2 May 2025 (open)" in page.locator("main").inner_text()
    browse.goto(record)
    browse.follow("Record a change of placement")
    fill_date(page, "change_date", D(2025, 5, 12))
    page.get_by_label("Placement type").select_option("U6")
    page.get_by_label("Placement provider").select_option("PR4")
    page.get_by_label("Local authority the placement is in").select_option("391")
    page.get_by_label("Carer or home (optional)").fill("Ms Okafor")
    page.get_by_label("Placement postcode").fill("NE3 2AB")
    page.get_by_label("Ofsted URN (optional)").fill("1234567")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("Reason for the change of placement").select_option("CARPL")
    browse.submit("Save change of placement")
    assert "Change of placement recorded" in success_banner(page)
    assert "Ms Okafor" in page.get_by_test_id("current-care").inner_text()

    browse.follow("Record a change of legal status")
    fill_date(page, "change_date", D(2025, 5, 20))
    page.get_by_label("New legal status").select_option("C2")
    browse.submit("Save change of legal status")
    assert "C2: Full care order" in page.get_by_test_id("current-care").inner_text()
    periods = page.get_by_test_id("period").inner_text()
    assert "S" in periods and "P" in periods and "X1" in periods

    # The Ofsted URN of the move was copied wrongly: corrected, with the reason, not re-recorded.
    browse.follow("Correct placement from 12 May 2025")
    page.get_by_label("Ofsted URN (optional)").fill("7654321")
    browse.submit("Save correction")
    assert "Enter why the record is being corrected" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Why is this being corrected?").fill("URN copied from the wrong provider's letter")
    browse.submit("Save correction")
    assert "Placement corrected" in success_banner(page)

    browse.follow("Appoint the IRO")
    page.get_by_label("Independent reviewing officer").select_option(label="Irene Reviewer")
    fill_date(page, "start_date", D(2025, 5, 6))
    browse.submit("Appoint IRO")
    assert "IRO appointed" in success_banner(page)
    browse.submit("Sign out")

    # 20 working days from 2 May, over the bank holidays of 5 and 26 May, is 3 June.
    browse.sign_in(iro.username)
    due = page.get_by_test_id("la-reviews-due").inner_text()
    assert "Jay Smith" in due and "First looked-after review" in due and "3 June 2025" in due
    browse.follow("Jay Smith")
    browse.follow("Record a looked-after review")
    fill_date(page, "held_on", D(2025, 5, 29))
    page.get_by_label("Child physically attends and speaks for him or herself (attendance)").check()
    page.get_by_label("Summary of the review (optional)").fill(
        "Jay is settled with Ms Okafor. Care order made on 20 May."
    )
    browse.submit("Save review")
    assert "Looked-after review recorded" in success_banner(page)
    browse.follow("Add an action")
    page.get_by_label("Action", exact=True).fill("Book a dental check")
    page.get_by_label("Who will do it").fill("Ms Okafor, foster carer")
    fill_date(page, "due_date", D(2025, 6, 30))
    browse.submit("Save action")
    assert "Book a dental check" in page.get_by_test_id("review-actions").inner_text()
    browse.goto("/reviews/")
    assert "Second looked-after review" in page.get_by_test_id("la-reviews-due").inner_text()
    browse.submit("Sign out")

    browse.sign_in(worker.username)
    browse.goto(record)
    browse.follow("Record that the child is missing")
    page.get_by_label("Missing from care").check()
    fill_date(page, "started_date", D(2025, 6, 1))
    page.get_by_label("Time the child went missing").fill("22:00")
    page.get_by_label("Yes", exact=True).check()
    browse.submit("Save missing episode")
    assert "Missing episode recorded" in success_banner(page)
    assert "Missing now" in identity_bar(page)

    browse.goto(record)
    browse.follow("Record the child's return")
    fill_date(page, "returned_date", D(2025, 6, 1))
    page.get_by_label("Time the child returned").fill("21:00")  # before they went: refused
    browse.submit("Save return")
    assert "must be after the time they went missing" in page.get_by_role("alert").inner_text()
    fill_date(page, "returned_date", D(2025, 6, 2))
    page.get_by_label("Time the child returned").fill("09:30")
    browse.submit("Save return")
    assert "offer a return home interview within 72 hours" in success_banner(page)
    assert "Missing now" not in identity_bar(page)

    browse.goto(record)
    due = page.get_by_test_id("due-items").inner_text()
    assert "Offer an independent return home interview" in due and "5 June 2025, 09:30" in due
    assert "missing 1 time" in page.get_by_test_id("missing-summary").inner_text()
    browse.submit("Sign out")

    # Three months on, Jay (16 since September 2024, looked after for the 13 weeks to 1 August
    # that make an eligible child) leaves care for supported accommodation.
    clock.travel_to(at(D(2025, 9, 15), 10), tick=True)
    browse.sign_in(worker.username)
    browse.goto(record)
    browse.follow("End the period of care")
    fill_date(page, "end_date", D(2025, 9, 1))
    page.get_by_label("Reason the child ceased to be looked after").select_option("E5")
    browse.submit("End period of care")
    assert "Period of care ended" in success_banner(page)
    assert "Looked after" not in identity_bar(page)

    browse.goto(f"/people/{child.pk}/leaving-care/")
    browse.follow("Start leaving care support")
    page.get_by_label("Relevant child (16 or 17, left care)").check()
    fill_date(page, "category_since", D(2025, 9, 1))
    fill_date(page, "eligible_from", D(2025, 8, 1))
    page.get_by_label("Personal adviser (optional)").select_option(label="Pat Adviser")
    browse.submit("Save")
    assert "Care leaver record started" in success_banner(page)
    assert "Care leaver" in identity_bar(page)
    assert (
        "Needs assessment completed and pathway plan prepared: due by 1 November 2025"
        in page.get_by_test_id("leaving-care-due").inner_text()
    )

    browse.follow("Record the needs assessment")
    fill_date(page, "completed_on", D(2024, 9, 1))  # before the 16th birthday: refused on the form
    browse.submit("Save")
    assert (
        "The needs assessment cannot be before Jay Smith is 16, on 10 September 2024"
        in page.locator(".govuk-error-summary").inner_text()
    )
    fill_date(page, "completed_on", D(2025, 9, 8))
    browse.submit("Save")
    browse.follow("Record the pathway plan")
    fill_date(page, "started_on", D(2025, 9, 12))
    page.get_by_label("Summary of the plan").fill("Stay in supported lodgings; college course from September.")
    browse.submit("Save")
    assert "Pathway plan recorded" in success_banner(page)
    due = page.get_by_test_id("leaving-care-due").inner_text()
    assert "Review the pathway plan: due by 12 March 2026" in due and "Needs assessment completed" not in due
    browse.submit("Sign out")

    browse.sign_in(adviser.username)
    assert page.get_by_role("heading", level=1).inner_text() == "My young people"
    assert "Jay Smith" in page.get_by_test_id("young-people").inner_text()
    assert "Review the pathway plan" in page.get_by_test_id("adviser-due").inner_text()
    browse.follow("Jay Smith")
    browse.follow("Record keeping in touch")
    fill_date(page, "contact_on", D(2025, 9, 15))
    page.get_by_label("Yes – in touch").check()
    page.get_by_label("Accommodation and whether it is suitable").select_option("E1")
    page.get_by_label("Main activity").select_option("F2")
    browse.submit("Save")
    assert "Keeping in touch recorded" in success_banner(page)
    assert "Supported lodgings" in page.get_by_test_id("keeping-in-touch").inner_text()

    # The chronology tells the whole story, newest first.
    browse.goto(f"/people/{child.pk}/chronology/")
    story = page.locator("main").inner_text()
    assert (
        story.index("Pathway plan prepared.")
        < story.index("Ceased to be looked after:")
        < story.index("Started to be looked after.")
    )
    assert "Ofsted URN 1234567 to 7654321. Reason: URN copied from the wrong provider's letter" in story


def test_a_child_placed_with_parents_under_a_care_order_appears_in_the_tracker(browse, people, clock):
    worker, manager, iro, child = people
    clock.travel_to(at(D(2025, 6, 2), 10), tick=True)
    start_care(worker, child, D(2024, 11, 1), legal_status="C2", placement=WITH_PARENTS)
    page = browse.page

    browse.sign_in(manager.username)
    browse.goto("/looked-after/placed-with-parents/")
    tracker = page.get_by_test_id("pwp-tracker").inner_text()
    assert (
        "Jay Smith" in tracker and "1 Nov 2024" in tracker and "7 months" in tracker and "No plan recorded" in tracker
    )
    assert page.get_by_test_id("pwp-long").count() == 1
    browse.follow("Jay Smith")
    assert "Placed with parents" in identity_bar(page)
