"""The workforce figures at 30 September with the DfE's definitions, drilling down to the staff
for the workforce lead only (senior leaders see the numbers), and the census and agency return
files."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from caseloads.figures import children_with_many_workers, workforce_figures
from casework.models import Allocation
from staff.models import Post, StaffProfile
from workforce.roles import Role

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


@pytest.fixture
def workforce(worker, child, manager, make_staff, team):
    """At 30 September 2024: the worker and the manager employed, one agency worker, one vacant
    post; a leaver in the year."""
    agency = make_staff(Role.SOCIAL_WORKER, team=team, first_name="Ada", last_name="Agency")
    agency.agency_worker = True
    agency.save()
    leaver = make_staff(Role.SOCIAL_WORKER, team=team, first_name="Lee", last_name="Leaver")
    for user, started in (
        (worker, D(2020, 1, 1)),
        (manager, D(2015, 1, 1)),
        (agency, D(2024, 5, 1)),
        (leaver, D(2019, 1, 1)),
    ):
        user.started_on = started
        user.save()
    for user in (worker, manager, agency):
        StaffProfile.objects.create(user=user, fte=Decimal("1"), registered_until=D(2025, 11, 30))
    StaffProfile.objects.create(user=leaver, fte=Decimal("1"), left_on=D(2024, 3, 31), leaving_reason="other_la")
    Post.objects.create(team=team, title="Social worker", opened_on=D(2020, 1, 1))
    Allocation.objects.filter(worker=worker).update(start_date=D(2024, 1, 1))
    return agency


def test_the_figures_follow_the_dfe_definitions(workforce, worker):
    figures = {f.code: f for f in workforce_figures(2024)}
    assert figures["agency_rate"].value == "33.3%"  # 1 agency FTE of 3
    assert figures["vacancy_rate"].value == "33.3%"  # 1 vacant FTE of 1 vacant + 2 employed
    assert figures["turnover_rate"].value == "50.0%"  # 1 leaver FTE / 2 in post
    assert figures["leavers"].value == "1 FTE, 1"
    assert figures["caseload"].value == "1.0"  # 1 case / 1 FTE holding a case
    assert figures["agency_rate"].staff == [workforce]


def test_the_workforce_lead_drills_down_to_the_agency_worker_and_a_senior_leader_sees_numbers_only(
    client, workforce, lead, make_staff
):
    client.force_login(lead)
    page = client.get(reverse("caseloads:figures"), {"year": "2024"}).content.decode()
    assert "Agency rate (FTE)" in page and "33.3%" in page
    drill = client.get(reverse("caseloads:figure", args=["agency_rate"]), {"year": "2024"})
    assert "Ada Agency" in drill.content.decode()
    leader = make_staff(Role.SENIOR_LEADER)
    client.force_login(leader)
    assert "33.3%" in client.get(reverse("caseloads:figures"), {"year": "2024"}).content.decode()
    assert client.get(reverse("caseloads:figure", args=["agency_rate"]), {"year": "2024"}).status_code == 404
    assert client.get(reverse("caseloads:figure", args=["nonsense"])).status_code == 404
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    assert client.get(reverse("caseloads:figures")).status_code == 403


def test_the_census_file_has_a_row_per_social_worker_with_the_cases_at_30_september(client, workforce, worker, lead):
    client.force_login(lead)
    response = client.get(reverse("caseloads:census"), {"year": "2024"})
    assert response["Content-Disposition"] == 'attachment; filename="workforce-census-2024.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_id = {int(r["worker_id"]): r for r in rows}
    assert by_id[worker.pk]["cases_at_30_september"] == "1"
    assert by_id[workforce.pk]["record_type"] == "agency"
    leaver = [r for r in rows if r["leaving_date"] == "2024-03-31"]
    assert leaver and leaver[0]["leaving_reason"] == "Resigned: to another local authority"


def test_the_agency_return_lists_the_agency_workers_of_the_quarter(client, workforce, lead):
    client.force_login(lead)
    response = client.get(reverse("caseloads:agency_return"), {"quarter": "2024-08-15"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [int(r["worker_id"]) for r in rows] == [workforce.pk]
    assert "2024-q3" in response["Content-Disposition"]


def test_children_with_three_or_more_workers_in_the_year(worker, manager, child, make_staff, team):
    from casework.services import allocation_change

    Allocation.objects.filter(child=child).update(start_date=D(2023, 11, 1))
    for n, day in enumerate((D(2024, 2, 1), D(2024, 6, 1))):
        allocation_change(
            actor=manager, child=child, team=team, worker=make_staff(Role.SOCIAL_WORKER, team=team), start_date=day
        )
    assert children_with_many_workers(2024) == {child.pk: 3}
    assert children_with_many_workers(2025) == {}
