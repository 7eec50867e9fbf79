"""The dashboards and the board pack in a real browser, every page axe-checked: a team manager
follows "visits in timescale" to the children not seen and to one child; a senior leader sees
re-referrals beside the statistical neighbours with its trend; a QA officer builds the
corporate parenting board pack (its progress shown), writes the narratives, issues it and
downloads the PDF."""

import datetime

import pytest

from children_in_need.testing import at
from jobs.testing import workers  # noqa: F401  (the real job worker builds the pack, in its own process)
from looked_after.tests.factories import start_care, statutory_visit
from performance.models import BoardPack
from performance.tests.helpers import new_child
from synthetic.demo_board_pack import NARRATIVES
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


def test_the_dashboards_and_the_board_pack(browse, make_staff, clock, tmp_path, workers):
    team = team_create(name="Children in Care Team South")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan",
                         last_name="Manager")
    team.manager = manager
    team.save()
    seen = new_child(clock, worker, D(2026, 1, 5), given_name="Sasha", family_name="Seen")
    unseen = new_child(clock, worker, D(2026, 1, 5), given_name="Uma", family_name="Unseen")
    for child in (seen, unseen):
        start_care(worker, child, D(2026, 1, 5))
    clock.travel_to(at(D(2026, 3, 20), 10))
    statutory_visit(worker, seen, at(D(2026, 3, 20), 10))
    clock.travel_to(at(D(2026, 4, 2), 10), tick=True)
    page = browse.page

    browse.sign_in(manager.username)
    browse.goto("/performance/dashboards/team/")
    assert page.get_by_role("heading", level=1).inner_text() == "Team dashboard"
    with page.expect_navigation():
        page.get_by_test_id("missed-cla_visits_in_time").click()
    browse.check()
    rows = page.get_by_test_id("behind").inner_text()
    assert "Uma Unseen" in rows and "Sasha Seen" not in rows
    browse.follow("Uma Unseen")
    assert page.url.endswith(f"/people/{unseen.pk}/")

    leader = make_staff(Role.SENIOR_LEADER, team=team, username="lee.leader", first_name="Lee", last_name="Leader")
    from performance.services import snapshot_take

    for day in (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31)):
        snapshot_take(day)
    browse.page.context.clear_cookies()
    browse.sign_in(leader.username)
    browse.goto("/performance/dashboards/leaders/")
    assert "as at 31 March 2026" in page.locator("main").inner_text()
    assert page.get_by_test_id("neighbours-rereferrals_12m").inner_text() != ""
    assert page.get_by_test_id("direction-rereferrals_12m").inner_text() != ""

    qa = make_staff(Role.QA_OFFICER, team=team, username="quinn.qa", first_name="Quinn", last_name="Assurance")
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
