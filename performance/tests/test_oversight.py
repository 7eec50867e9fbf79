"""The oversight figures (issue 14, part 5): supervision within the standard by team, case
supervision within the local standard, key events overseen in time, overdue actions and the
IRO's challenges; each number opens its list, the children through the visibility rule and the
workers only to their line of management and the leaders."""

import datetime

import pytest

from children_in_need.testing import at
from oversight.tests.factories import placement_move, raise_challenge
from supervision.tests.factories import action, discuss, supervise
from workforce.roles import Role

pytestmark = pytest.mark.django_db
D = datetime.date
FIGURES = "/performance/oversight/"


@pytest.fixture
def world(clock, today, worker, manager, child, stranger, make_staff):
    """On 2 June 2025 the manager supervises the worker and discusses Jay (an action due 9 June);
    Riley is allocated the same day and discussed on 20 August; Jay moves placement on 10 June
    with nobody's oversight; an IRO challenges Jay's plan on 2 July and nobody answers. The
    clock then stands on Monday 1 September 2025."""
    from oversight.services import oversight_start_set
    from people.services import person_create

    oversight_start_set(starts_on=D(2025, 1, 1))
    riley = person_create(actor=worker, given_name="Riley", family_name="Jones", date_of_birth=D(2017, 8, 1))
    session = supervise(manager, worker, today)
    discuss(manager, session, child, actions=[action("Book the family group conference", due_on=D(2025, 6, 9))])
    clock.travel_to(at(D(2025, 6, 10), 12))
    placement_move(worker, child, started=D(2025, 6, 2), moved=D(2025, 6, 10))
    iro = make_staff(Role.IRO, first_name="Irene", last_name="Reviewer")
    clock.travel_to(at(D(2025, 7, 2), 10))
    raise_challenge(iro, child, addressed_to=worker, escalate_to=manager, raised_on=D(2025, 7, 2))
    clock.travel_to(at(D(2025, 8, 20), 10))
    later = supervise(manager, worker, D(2025, 8, 20))
    discuss(manager, later, riley)
    clock.travel_to(at(D(2025, 9, 1), 10))
    return riley


def page(client, user, url=FIGURES):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_manager_sees_their_teams_figures(client, manager, team, world, django_assert_max_num_queries):
    client.force_login(manager)
    with django_assert_max_num_queries(25):
        response = client.get(FIGURES)
    html = response.content.decode()
    from performance.oversight import figures
    from performance.selectors import scope_for

    f = figures(manager, scope_for(manager))
    # The worker was last supervised on 20 August: within the 4 weeks.
    assert [(r.team, r.numerator, r.denominator) for r in f.workers.rows] == [(team.name, 1, 1)]
    # Jay was last discussed on 2 June (more than 8 weeks ago), Riley on 20 August.
    assert [(r.numerator, r.denominator) for r in f.case_supervision.rows] == [(1, 2)]
    # Becoming looked after and the placement move: oversight due 5 working days later, never recorded.
    assert [(r.numerator, r.denominator) for r in f.key_events.rows] == [(0, 2)]
    assert f.key_events_waiting == 2
    assert (f.case_actions_overdue, f.challenge_stages_overdue) == (1, 1)
    assert dict((label, n) for _, label, n in f.disputes_by_stage)["Informal"] == 1
    assert dict((label, n) for _, label, n in f.disputes_by_theme)["Drift and delay"] == 1
    assert "Children with case supervision within 8 weeks" in html
    assert "Stranger" not in html


def test_each_number_opens_the_children_behind_it(client, manager, child, world):
    overdue = page(client, manager, f"{FIGURES}children/case-supervision/?part=overdue")
    assert "Jay Smith" in overdue and "Riley Jones" not in overdue
    within = page(client, manager, f"{FIGURES}children/case-supervision/?part=within")
    assert "Riley Jones" in within and "Jay Smith" not in within
    late = page(client, manager, f"{FIGURES}children/key-events/?part=late")
    assert "Jay Smith" in late and "not yet recorded" in late
    assert "Book the family group conference" in page(client, manager, f"{FIGURES}children/case-actions/")
    assert "Jay Smith" in page(client, manager, f"{FIGURES}children/challenge-stages/")
    assert "Jay Smith" in page(client, manager, f"{FIGURES}children/disputes/?stage=0")
    assert "Jay Smith" not in page(client, manager, f"{FIGURES}children/disputes/?stage=1")


def test_a_challenge_past_its_date_is_listed_with_the_manager_it_escalated_to(client, manager, worker, world):
    """Nobody answered by its date, so the challenge is now in the manager's tray: the list says
    so, rather than leaving it with the worker who did not respond."""
    listed = page(client, manager, f"{FIGURES}children/challenge-stages/")
    name = manager.get_full_name()
    assert f"Informal, escalated to {name} ({worker.get_full_name()} did not respond by 16 July 2025)" in listed


def test_a_key_event_overseen_in_time_is_listed_with_the_day_the_oversight_was_given(client, manager, child, world):
    """The oversight of the 10 June move given on 12 June (British Summer Time) is listed as given
    on 12 June, not on the day before as midnight in London reads in UTC."""
    from casework.models import ChronologyEvent
    from oversight.tests.factories import oversee

    move = ChronologyEvent.objects.get(child=child, event_type="looked_after.episode_changed")
    oversee(manager, move, held_on=D(2025, 6, 12))
    within = page(client, manager, f"{FIGURES}children/key-events/?part=in_time")
    assert "placement move: recorded 12 June 2025" in within


def test_a_restricted_child_is_counted_but_not_named(client, make_staff, team, child, world):
    child.__class__.objects.filter(pk=child.pk).update(restricted=True)
    leader = make_staff(Role.QA_OFFICER, team=team)
    html = page(client, leader, f"{FIGURES}children/case-supervision/?part=overdue")
    assert "A child with a restricted record" in html and "Jay Smith" not in html and "1 in all" in html


def test_workers_are_named_to_their_manager_and_leaders_only(client, make_staff, team, manager, worker, world):
    assert "Sam Worker" in page(client, manager, f"{FIGURES}workers/")
    assert "Sam Worker" in page(client, make_staff(Role.SENIOR_LEADER, team=team), f"{FIGURES}workers/")
    qa = page(client, make_staff(Role.QA_OFFICER, team=team), f"{FIGURES}workers/")
    assert "Sam Worker" not in qa and "A worker (not named to you)" in qa


def test_another_teams_list_is_not_found_for_a_manager(client, manager, other_team, world):
    client.force_login(manager)
    assert client.get(f"{FIGURES}workers/?team={other_team.pk}").status_code == 404
    assert client.get(f"{FIGURES}children/key-events/?team={other_team.pk}").status_code == 404
    assert client.get(f"{FIGURES}children/nothing-like-this/").status_code == 404


@pytest.mark.parametrize("query", ["part=%00", "team=x", "team=99999999999999999999", "stage=²", "theme=zz", "page=-1"])
def test_bad_input_is_never_an_error_page(client, make_staff, team, world, query):
    client.force_login(make_staff(Role.SENIOR_LEADER, team=team))
    for url in ("children/disputes/", "children/case-supervision/", "workers/", "supervision-actions/"):
        assert client.get(f"{FIGURES}{url}?{query}").status_code == 200


def test_a_social_worker_may_not_see_the_figures(client, worker, world):
    client.force_login(worker)
    assert client.get(FIGURES).status_code == 403
