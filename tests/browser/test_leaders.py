"""Issue 15's journey in a real browser, every page axe-checked (its "Done when"): a team manager
opens the indicators and follows a figure to the children behind it and to one child; a senior
leader sees re-referrals beside the statistical neighbours and the trend, from the monthly
snapshot, with when it was taken; the team manager opens their dashboard (the same kept figures)
and follows "visits in timescale" to the children not seen and to one child; a QA officer builds
the corporate parenting board pack (its progress shown), writes the narratives, issues it and downloads the PDF; the team
manager marks their improvement-plan action done and its RAG turns from amber to blue; the
senior leader who owns the plan reads it, with the RAG rule and the date of its figures, and
the "how do we know" page of the area the action answers."""

import datetime

import pytest

from children_in_need.testing import at
from improvement import services as improvement
from improvement.testing import inspection_with_plan
from jobs.testing import workers  # noqa: F401  (the real job worker builds the pack, in its own process)
from looked_after.tests.factories import start_care, statutory_visit
from performance.models import BoardPack
from performance.tests.helpers import new_child, referral_closed, referral_on
from synthetic.demo_board_pack import NARRATIVES
from tests.browser.pages import fill_date, success_banner
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date
TODAY = D(2026, 4, 2)


def test_issue_15_from_the_team_manager_to_the_board_pack_and_the_improvement_plan(
    browse, make_staff, clock, tmp_path, workers
):
    team = team_create(name="Children in Care Team South")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(
        Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan", last_name="Manager"
    )
    team.manager = manager
    team.save()
    # Re-referrals: Rowan referred again within 12 months, Ash once (50% in the year to 31 March 2026).
    rowan = new_child(clock, worker, D(2025, 1, 6), given_name="Rowan", family_name="Again")
    referral_closed(clock, worker, manager, rowan, D(2025, 1, 6))
    referral_on(clock, worker, rowan, D(2025, 11, 3))
    ash = new_child(clock, worker, D(2025, 5, 5), given_name="Ash", family_name="First")
    referral_on(clock, worker, ash, D(2025, 5, 5))
    # Visits: Sasha and Uma in care since January 2025 (their referrals before the year, so the
    # re-referrals stay Rowan's and Ash's), only Sasha seen lately.
    seen = new_child(clock, worker, D(2025, 1, 13), given_name="Sasha", family_name="Seen")
    unseen = new_child(clock, worker, D(2025, 1, 13), given_name="Uma", family_name="Unseen")
    for child in (seen, unseen):
        start_care(worker, child, D(2025, 1, 13))
    clock.travel_to(at(D(2026, 3, 20), 10))
    statutory_visit(worker, seen, at(D(2026, 3, 20), 10))
    clock.travel_to(at(TODAY, 9))
    qa = make_staff(Role.QA_OFFICER, team=team, username="quinn.qa", first_name="Quinn", last_name="Assurance")
    leader = make_staff(Role.SENIOR_LEADER, team=team, username="lee.leader", first_name="Lee", last_name="Leader")
    inspection, _, (first, *_) = inspection_with_plan(
        actor=qa, owner=leader, started_on=D(2026, 3, 2), report_published_on=D(2026, 3, 16)
    )
    improvement.action_add(
        actor=qa,
        recommendation=first,
        description="Weekly dip sample of CIN plans",
        owner=manager,
        due_on=D(2026, 4, 10),
        audit_themes=["oversight"],
        indicators=["cla_visits_in_time"],
    )
    clock.travel_to(at(TODAY, 10), tick=True)
    page = browse.page

    # The team manager: a figure, the children behind it, one child.
    browse.sign_in(manager.username)
    browse.goto("/performance/indicators/?as_of=2026-03-31")
    assert page.get_by_role("heading", level=1).inner_text() == "Performance indicators"
    assert page.get_by_test_id("value-rereferrals_12m").inner_text() == "50.0%"
    browse.follow("Re-referrals within 12 months")
    assert "Definition" in page.content()
    assert page.get_by_test_id("figure").inner_text().startswith("50.0%")
    browse.follow("1 referrals")
    rows = page.get_by_test_id("behind").inner_text()
    assert "Rowan Again" in rows and "Ash First" not in rows
    browse.follow("Rowan Again")
    assert page.url.endswith(f"/people/{rowan.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Summary"
    assert "Rowan Again" in page.locator("main").inner_text()

    # The senior leader: before the nightly snapshot the dashboard says so and computes nothing.
    browse.page.context.clear_cookies()
    browse.sign_in(leader.username)
    browse.goto("/performance/dashboards/leaders/")
    assert "No figures have been kept yet" in page.get_by_test_id("no-snapshot").inner_text()
    from performance.services import snapshot_take

    for day in (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)):
        snapshot_take(day)
    browse.goto("/performance/dashboards/leaders/")
    main = page.locator("main").inner_text()
    assert "as at 31 March 2026" in main and "taken on 2 April 2026" in main
    assert page.get_by_test_id("value-rereferrals_12m").inner_text().startswith("50.0%")
    assert page.get_by_test_id("neighbours-rereferrals_12m").inner_text() != ""
    assert page.get_by_test_id("direction-rereferrals_12m").inner_text() != ""

    # The team manager's dashboard reads the same kept figures (it never computes one inside the
    # request): visits in timescale as at 31 March, to the child not seen.
    browse.page.context.clear_cookies()
    browse.sign_in(manager.username)
    browse.goto("/performance/dashboards/team/")
    assert page.get_by_role("heading", level=1).inner_text() == "Team dashboard"
    assert "Figures as at 31 March 2026" in page.get_by_test_id("kept").inner_text()
    with page.expect_navigation():
        page.get_by_test_id("missed-cla_visits_in_time").click()
    browse.check()
    rows = page.get_by_test_id("behind").inner_text()
    assert "Uma Unseen" in rows and "Sasha Seen" not in rows
    browse.follow("Uma Unseen")
    assert page.url.endswith(f"/people/{unseen.pk}/")

    # The QA officer: the board pack, its progress, its PDF.
    browse.page.context.clear_cookies()
    browse.sign_in(qa.username)
    workers.start()  # as `make run` does, beside the web server
    browse.goto("/performance/board-packs/")
    page.get_by_label("Quarter").select_option(label="Quarter ending 31 March 2026")
    browse.submit("Build the pack")
    page.get_by_test_id("built").wait_for(timeout=120_000)
    browse.check()
    browse.goto(page.url.replace(browse.base_url, ""))  # the figures and the narrative fields
    for key, text in NARRATIVES.items():
        page.locator(f"#narrative-{key}").fill(text)
    browse.submit("Issue the pack")
    assert page.get_by_role("heading", name="Issued").is_visible()
    with page.expect_download() as download:
        page.get_by_test_id("download-pdf").click()
    saved = tmp_path / "pack.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    assert download.value.suggested_filename == "board-pack-2026-03-31.pdf"
    assert BoardPack.objects.get().issued

    # The team manager marks their improvement-plan action done: amber (at risk) turns blue.
    browse.page.context.clear_cookies()
    browse.sign_in(manager.username)
    mine = page.get_by_test_id("my-improvement-actions").inner_text()
    assert "Weekly dip sample of CIN plans" in mine and "At risk" in mine
    browse.follow("Weekly dip sample of CIN plans")
    page.get_by_label("Done", exact=True).check()
    fill_date(page, "done_on", TODAY)
    page.get_by_role("textbox", name="Progress").fill("Dip samples running weekly in every team.")
    browse.submit("Save")
    assert "Action updated" in success_banner(page)
    action = page.locator("li.govuk-task-list__item", has_text="Weekly dip sample of CIN plans").inner_text()
    assert "Complete" in action and "At risk" not in action
    assert "Blue: done." in page.get_by_test_id("rag-rule").inner_text()
    browse.submit("Sign out")

    # The senior leader who owns the plan reads it, and "how do we know".
    browse.sign_in(leader.username)
    browse.follow("Improvement plan")
    browse.follow(str(inspection))
    assert "26 June 2026" in page.get_by_role("main").inner_text()  # 70 working days after the report
    browse.follow("Open the improvement plan")
    assert "Complete: 1" in page.get_by_test_id("rag-counts").inner_text()
    assert "as at 31 March 2026, taken 2 April 2026" in page.get_by_test_id("figures-as-at").inner_text()
    browse.goto("/improvement/how-do-we-know/help_and_protection/")
    main = page.get_by_role("main").inner_text()
    assert "requires improvement to be good" in main and "As at 31 March 2026" in main
