"""The team manager's one place for everything waiting for their decision: the requests of the
decisions app and the assessments waiting for authorisation, each with its age and a link to
where it is decided; another team's manager sees neither."""

import datetime

import pytest

from children_in_need.testing import (  # noqa: F401
    at,
    child,
    decide_referral,
    make_assessment,
    make_referral,
    manager,
    other_team,
    submit_assessment,
    today,
    worker,
)
from decisions import services
from workforce.roles import Role

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def waiting(clock, worker, child):
    clock.travel_to(at(D(2025, 6, 2), 10))
    decide_referral(worker, make_referral(worker, child))
    assessment = submit_assessment(worker, make_assessment(worker, child))
    clock.travel_to(at(D(2025, 6, 4), 10))
    decision = services.decision_submit(
        actor=worker, child=child, kind="step_down", proposal="Step down to early help.", reason="Risks have reduced."
    )
    clock.travel_to(at(D(2025, 6, 12), 10))
    return assessment, decision


def test_the_queue_lists_decisions_and_assessments_waiting_with_their_age(
    client, manager, child, waiting, django_assert_max_num_queries
):
    assessment, decision = waiting
    client.force_login(manager)
    with django_assert_max_num_queries(12):
        html = client.get("/decisions/").content.decode()
    assert f"/people/{child.pk}/decisions/{decision.pk}/decide/" in html and 'data-testid="age">8<' in html
    assert f"/people/{child.pk}/assessments/{assessment.pk}/authorise/" in html
    assert 'data-testid="assessment-age">10<' in html
    assert "Assessments waiting for authorisation (1)" in html


def test_another_teams_manager_sees_nothing_waiting(client, make_staff, other_team, waiting):
    outsider = make_staff(Role.TEAM_MANAGER, team=other_team)
    other_team.manager = outsider
    other_team.save()
    client.force_login(outsider)
    html = client.get("/decisions/").content.decode()
    assert "Nothing is waiting for you" in html and "No assessments are waiting for your authorisation" in html
