"""Issue 13, hand-off 3: My work said "last seen 2 Dec" while My team listed the child as not seen.
Every list now says when the child was last seen, and how many days ago, the same way."""

import datetime

import pytest
from django.urls import reverse

from children_in_need import services as cin
from children_in_need.testing import at, child, decide_referral, make_referral, make_visit, manager, worker  # noqa: F401

D = datetime.date


@pytest.fixture
def plan(worker, child, clock):
    clock.travel_to(at(D(2025, 5, 30), 17))
    referral = make_referral(worker, child, received_at=at(D(2025, 5, 30), 9))
    decide_referral(worker, referral)
    return cin.cin_plan_start(actor=worker, child=child, start_date=D(2025, 5, 30))


def test_my_work_and_my_team_agree_on_when_the_child_was_last_seen(client, worker, manager, child, plan, clock):
    clock.travel_to(at(D(2025, 6, 2), 17))
    make_visit(worker, child, at(D(2025, 6, 2), 10), visit_type="home")
    clock.travel_to(at(D(2025, 7, 14), 17))  # the next CIN visit was due by 30 June: overdue
    client.force_login(worker)
    my_work = client.get(reverse("my_work")).content.decode()
    client.force_login(manager)
    my_team = client.get(reverse("my_team")).content.decode()
    shown = "2 Jun 2025 (42 days ago)"
    assert shown in my_work.split('data-testid="tray-overdue"')[1].split("</table>")[0]
    assert shown in my_work.split("Last seen")[-1]
    assert shown in my_team.split('data-testid="tray-not-seen"')[1].split("</table>")[0]
