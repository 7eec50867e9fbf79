"""Performance indicators in a real browser, every page axe-checked: a team manager opens the
indicators, follows a figure to the children behind it and opens one child's record."""

import datetime

import pytest

from children_in_need.testing import at
from performance.tests.helpers import new_child, referral_closed, referral_on
from workforce.roles import Role
from workforce.services import team_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = datetime.date


def test_a_manager_follows_a_figure_to_the_children_behind_it_and_to_one_child(browse, make_staff, clock):
    team = team_create(name="Assessment Team South")
    worker = make_staff(Role.SOCIAL_WORKER, team=team, username="sam.worker", first_name="Sam", last_name="Worker")
    manager = make_staff(Role.TEAM_MANAGER, team=team, username="morgan.manager", first_name="Morgan",
                         last_name="Manager")
    team.manager = manager
    team.save()
    child = new_child(clock, worker, D(2025, 1, 6), given_name="Rowan", family_name="Again")
    referral_closed(clock, worker, manager, child, D(2025, 1, 6))
    referral_on(clock, worker, child, D(2025, 11, 3))
    other = new_child(clock, worker, D(2025, 5, 5), given_name="Ash", family_name="First")
    referral_on(clock, worker, other, D(2025, 5, 5))
    clock.travel_to(at(D(2026, 4, 2), 10), tick=True)
    page = browse.page

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
    assert page.url.endswith(f"/people/{child.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "Summary"
    assert "Rowan Again" in page.locator("main").inner_text()
