"""The pages: a figure opens the children behind it, within the user's teams, a restricted child
counted but not named; the CSV for the roles allowed; bad input is a message, never an error."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command

from children_in_need.testing import at
from performance.selectors import evaluate
from performance.tests.helpers import new_child, referral_on
from workforce.roles import Role

pytestmark = pytest.mark.django_db
D = datetime.date
AS_OF = "2026-03-31"
CHILDREN = "/performance/indicators/rereferrals_12m/children/"


@pytest.fixture
def referrals(clock, worker, manager, stranger):
    ours = new_child(clock, worker, D(2025, 6, 2), given_name="Olive", family_name="Ours")
    hidden = new_child(clock, worker, D(2025, 6, 2), given_name="Harriet", family_name="Hidden")
    theirs = new_child(clock, stranger, D(2025, 6, 2), given_name="Theo", family_name="Theirs")
    for child, actor in ((ours, worker), (hidden, worker), (theirs, stranger)):
        referral_on(clock, actor, child, D(2025, 6, 3))
    hidden.__class__.objects.filter(pk=hidden.pk).update(restricted=True)
    clock.travel_to(at(D(2026, 4, 2)))
    return ours, hidden, theirs


def _get(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_a_manager_sees_their_teams_children_and_a_restricted_one_unnamed(client, manager, referrals):
    response = _get(client, manager, f"{CHILDREN}?as_of={AS_OF}&part=denominator")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Olive Ours" in page and f'href="/people/{referrals[0].pk}/"' in page
    assert "A child with a restricted record" in page and "Hidden" not in page
    assert "Theirs" not in page  # another team's child is not in a manager's figures
    assert "2 referrals" in page
    assert "Download this list as CSV" not in page
    assert (
        _get(client, manager, f"/performance/indicators/rereferrals_12m/children.csv?as_of={AS_OF}").status_code == 403
    )


def test_a_senior_leader_sees_every_child_and_downloads_the_list(client, make_staff, team, referrals):
    leader = make_staff(Role.SENIOR_LEADER, team=team)
    page = _get(client, leader, f"{CHILDREN}?as_of={AS_OF}&part=denominator").content.decode()
    assert "Olive Ours" in page and "Theo Theirs" in page and "Hidden" not in page
    response = client.get(f"/performance/indicators/rereferrals_12m/children.csv?as_of={AS_OF}&part=denominator")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert sorted(r["Name"] for r in rows) == ["A child with a restricted record", "Olive Ours", "Theo Theirs"]
    assert all(r["LA child ID"] == "" for r in rows if r["Name"].startswith("A child"))


def test_the_filters_narrow_the_list(client, make_staff, team, other_team, referrals):
    leader = make_staff(Role.SENIOR_LEADER, team=team)
    page = _get(client, leader, f"{CHILDREN}?as_of={AS_OF}&part=denominator&team={other_team.pk}").content.decode()
    assert "Theo Theirs" in page and "Olive Ours" not in page
    page = client.get(f"{CHILDREN}?as_of={AS_OF}&part=denominator&legal_status=C2").content.decode()
    assert "Theo Theirs" not in page and "Olive Ours" not in page  # none of them is looked after
    page = client.get(f"{CHILDREN}?as_of={AS_OF}&part=denominator&age=5_to_9").content.decode()
    assert "Olive Ours" not in page  # born 2015: 10 at the date
    page = client.get(f"{CHILDREN}?as_of={AS_OF}&part=denominator&age=10_to_15").content.decode()
    assert "Olive Ours" in page


@pytest.mark.parametrize(
    "query",
    [
        "as_of=2026-13-45",
        "as_of=2099-01-01",
        "as_of_0=31&as_of_1=2&as_of_2=2026",
        "part=all&team=x&age=old",
        "legal_status=%00&page=-1",
        "team=99999999999999999999",
    ],
)
def test_bad_input_is_never_an_error_page(client, make_staff, team, referrals, query):
    leader = make_staff(Role.SENIOR_LEADER, team=team)
    client.force_login(leader)
    for url in ("/performance/indicators/", "/performance/indicators/rereferrals_12m/", CHILDREN):
        assert client.get(f"{url}?{query}").status_code == 200, url
    page = client.get("/performance/indicators/?as_of=2026-13-45").content.decode()
    assert "There is a problem" in page and "must be a real date" in page


def test_an_unknown_indicator_is_404_and_other_roles_are_refused(client, worker, make_staff, team, referrals):
    leader = make_staff(Role.QA_OFFICER, team=team)
    assert _get(client, leader, "/performance/indicators/nothing/").status_code == 404
    assert _get(client, worker, "/performance/indicators/").status_code == 403


def test_the_pages_read_in_a_bounded_number_of_queries(client, manager, referrals, django_assert_max_num_queries):
    client.force_login(manager)
    client.get("/performance/indicators/")  # the session and the calendar are read once
    with django_assert_max_num_queries(60):
        assert client.get(f"/performance/indicators/?as_of={AS_OF}").status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(f"{CHILDREN}?as_of={AS_OF}&part=denominator").status_code == 200


def test_the_page_and_the_command_give_the_same_figures(client, make_staff, team, referrals, capsys):
    call_command("indicators", "--as-of", AS_OF, "--json", "--by", "team")
    printed = {row["code"]: row for row in json.loads(capsys.readouterr().out)["indicators"]}
    figure = evaluate("rereferrals_12m", D(2026, 3, 31)).figure()
    assert (printed["rereferrals_12m"]["numerator"], printed["rereferrals_12m"]["denominator"]) == (0, 3)
    assert printed["rereferrals_12m"]["denominator"] == figure.denominator
    assert {t["team"]: t["denominator"] for t in printed["rereferrals_12m"]["teams"]}[team.name] == 2
    leader = make_staff(Role.SENIOR_LEADER, team=team)
    page = _get(client, leader, f"/performance/indicators/?as_of={AS_OF}").content.decode()
    assert 'data-testid="value-rereferrals_12m">0.0%' in page


def test_snapshots_feed_the_dashboard_and_the_trend(client, make_staff, team, referrals):
    from performance.models import IndicatorSnapshot
    from performance.selectors import trend
    from performance.services import snapshot_take

    snapshot_take(D(2026, 3, 31))
    row = IndicatorSnapshot.objects.get(code="rereferrals_12m", as_of=D(2026, 3, 31), team__isnull=True)
    assert (row.numerator, row.denominator) == (0, 3)
    points = trend("rereferrals_12m", D(2026, 3, 31))
    assert len(points) == 24 and points[-1].kept and not points[0].kept
    assert points[-1].denominator == 3
    # A kept figure is what the dashboard shows, even after the record changes.
    IndicatorSnapshot.objects.filter(pk=row.pk).update(numerator=1, value=33.3)
    leader = make_staff(Role.SENIOR_LEADER, team=team)
    page = _get(client, leader, f"/performance/indicators/?as_of={AS_OF}").content.decode()
    assert 'data-testid="value-rereferrals_12m">33.3%' in page


def test_the_indicators_page_works_out_only_the_chosen_date_and_leaves_unkept_months_blank(
    client, make_staff, team, referrals, django_assert_max_num_queries
):
    from performance.services import snapshot_take

    snapshot_take(D(2026, 2, 28))
    leader = make_staff(Role.QA_OFFICER, team=team)
    client.force_login(leader)
    client.get("/performance/indicators/rereferrals_12m/")  # the session and the calendar are read once
    with django_assert_max_num_queries(15):  # one indicator's computation, not one a month end
        response = client.get(f"/performance/indicators/rereferrals_12m/?as_of={AS_OF}")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("</a></td><td") == 24  # a row a month end, each opening that date's figure
    assert "22 month ends without a figure kept by the monthly snapshot are left blank" in page
    trend = page.split('data-testid="trend"')[1].split("</table>")[0]
    february = trend.split("28 February 2026</a>")[1].split("</tr>")[0]
    march = trend.split("31 March 2026</a>")[1].split("</tr>")[0]
    assert "0.0%" in february and "0.0%" in march  # kept, and worked out for the page
    january = trend.split("31 January 2026</a>")[1].split("</tr>")[0]
    assert "0.0%" not in january and "–" in january
