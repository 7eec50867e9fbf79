"""The team manager's and the senior leader's dashboards: the figures each needs on one page,
each number opening the list behind it; the leader's read from the snapshots."""

import datetime

import pytest

from children_in_need.testing import at
from looked_after.tests.factories import start_care, statutory_visit
from workforce.roles import Role

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def in_care(clock, today, worker, child, second):
    """Jay in care since 2 June 2025 and visited on 25 August; Riley in care the same day and
    never visited. The clock then stands on 1 September 2025."""
    start_care(worker, child, D(2025, 6, 2))
    start_care(worker, second, D(2025, 6, 2))
    clock.travel_to(at(D(2025, 8, 25), 12))
    statutory_visit(worker, child, at(D(2025, 8, 25), 11))
    clock.travel_to(at(D(2025, 9, 1), 10))
    return child, second


@pytest.fixture
def second(worker):
    from people.services import person_create

    return person_create(actor=worker, given_name="Riley", family_name="Jones", date_of_birth=D(2017, 8, 1))


def test_the_team_managers_dashboard_opens_onto_the_children_not_seen(
    client, manager, worker, in_care, django_assert_max_num_queries
):
    from performance.services import snapshot_take

    snapshot_take(D(2025, 9, 1))  # the nightly job, today
    client.force_login(manager)
    # The kept figures (one query), what is overdue, the caseloads and the oversight figures (most
    # of the 25): no indicator computed, where computing today's took 60.
    with django_assert_max_num_queries(25):
        response = client.get("/performance/dashboards/team/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Figures as at 1 September 2025" in html and "Today's are kept tonight" not in html
    assert 'data-testid="missed-cla_visits_in_time"' in html
    assert "Sam Worker" in html  # the caseloads, as bars and as a table
    missed = client.get("/performance/indicators/cla_visits_in_time/children/?as_of=2025-09-01&part=missed")
    page = missed.content.decode()
    assert missed.status_code == 200
    assert "Riley Jones" in page and "Jay Smith" not in page


def test_the_team_dashboard_shows_the_latest_kept_figures_and_says_their_date(client, manager, in_care):
    from performance.services import snapshot_take

    snapshot_take(D(2025, 8, 31))
    client.force_login(manager)
    html = client.get("/performance/dashboards/team/").content.decode()
    assert "Figures as at 31 August 2025" in html and "Today's are kept tonight" in html
    # Each number opens the children behind it at the date it is as at.
    assert "/performance/indicators/cla_visits_in_time/children/?as_of=2025-08-31&amp;part=missed" in html


def test_the_team_dashboard_computes_nothing_before_any_snapshot(
    client, manager, in_care, django_assert_max_num_queries
):
    from performance.models import IndicatorSnapshot

    client.force_login(manager)
    with django_assert_max_num_queries(25):
        html = client.get("/performance/dashboards/team/").content.decode()
    assert "No figures have been kept yet" in html
    # Each indicator is offered to work out for today on its own page.
    visits = html.split('data-testid="value-cla_visits_in_time"')[0].rsplit("<a ", 1)[1]
    assert 'href="/performance/indicators/cla_visits_in_time/?as_of=2025-09-01"' in visits
    assert "Sam Worker" in html  # what stands now is still shown: the caseloads
    assert not IndicatorSnapshot.objects.exists()


def test_the_senior_leaders_dashboard_reads_the_snapshots(
    client, make_staff, team, in_care, django_assert_max_num_queries
):
    from performance.services import snapshot_take

    for day in (D(2025, 6, 30), D(2025, 7, 31), D(2025, 8, 31)):
        snapshot_take(day)
    leader = make_staff(Role.SENIOR_LEADER, team=team)
    client.force_login(leader)
    with django_assert_max_num_queries(12):
        response = client.get("/performance/dashboards/leaders/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "as at 31 August 2025" in html
    assert "taken on 1 September 2025 at 10:00" in html  # when the snapshot was taken (the clock's moment)
    assert 'data-testid="value-rereferrals_12m"' in html and 'data-testid="neighbours-rereferrals_12m"' in html
    assert "<polyline" in html  # three months kept: a trend to draw


def test_the_leaders_dashboard_computes_nothing_and_says_so_before_any_snapshot(
    client, make_staff, team, in_care, django_assert_max_num_queries
):
    from performance.models import IndicatorSnapshot

    leader = make_staff(Role.SENIOR_LEADER, team=team)
    client.force_login(leader)
    with django_assert_max_num_queries(8):  # the session, the user, the latest snapshot: no indicator's queries
        response = client.get("/performance/dashboards/leaders/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No figures have been kept yet" in html
    # Each indicator's own page is offered, to work its figure out on demand.
    assert 'href="/performance/indicators/cla_visits_in_time/?as_of=2025-09-01"' in html
    assert not IndicatorSnapshot.objects.exists()  # and the page kept nothing either


def test_an_indicator_not_kept_at_the_date_is_offered_rather_than_computed(
    client, make_staff, team, in_care, django_assert_max_num_queries
):
    from performance.models import IndicatorSnapshot
    from performance.services import snapshot_take

    snapshot_take(D(2025, 8, 31))
    IndicatorSnapshot.objects.filter(code="cla_visits_in_time").delete()  # say, an indicator added since
    client.force_login(make_staff(Role.SENIOR_LEADER, team=team))
    with django_assert_max_num_queries(12):
        html = client.get("/performance/dashboards/leaders/").content.decode()
    missing = html.split('data-testid="value-cla_visits_in_time"')[1].split("</td>")[0]
    assert "Not kept: work it out" in missing
    assert 'href="/performance/indicators/cla_visits_in_time/?as_of=2025-08-31"' in html
    assert "Not kept at this date." in html


def test_who_may_open_the_dashboards(client, worker, manager, in_care):
    client.force_login(worker)
    assert client.get("/performance/dashboards/team/").status_code == 403
    client.force_login(manager)
    assert client.get("/performance/dashboards/leaders/").status_code == 403


def test_the_trend_has_every_month_end_up_to_the_date():
    from performance.selectors import month_ends

    # At a month's end: that day and the 23 month ends before it, the month before included.
    days = month_ends(D(2025, 8, 31))
    assert len(days) == 24 and days[-3:] == [D(2025, 6, 30), D(2025, 7, 31), D(2025, 8, 31)]
    assert days[0] == D(2023, 9, 30)
    # Within a month: the month ends before it, then the date itself.
    assert month_ends(D(2026, 5, 15))[-3:] == [D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 15)]
    assert month_ends(D(2026, 3, 1), 3) == [D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 1)]


def test_each_teams_kept_figure_is_its_figure(make_staff, team, other_team, in_care):
    from performance.indicators import INDICATORS
    from performance.models import IndicatorSnapshot
    from performance.selectors import evaluate
    from performance.services import snapshot_take

    snapshot_take(D(2025, 8, 31))
    for code in INDICATORS:
        evaluated = evaluate(code, D(2025, 8, 31))
        for each in (team, other_team):
            figure = evaluated.figure(frozenset({each.pk}))
            kept = (
                IndicatorSnapshot.objects.filter(code=code, team=each).values_list("numerator", "denominator").first()
            )
            assert kept == (None if figure.denominator is None else (figure.numerator, figure.denominator)), code
    kept = IndicatorSnapshot.objects.get(code="cla_visits_in_time", team=team)
    assert (kept.numerator, kept.denominator) == (1, 2)  # Jay seen, Riley not
