"""Weighted caseloads from the record: each child counts what their case is on the day, with the
weights and limits as data; any past day can be asked ("the caseload on 30 September"); the
manager sees who is over their limit, and the allocation page offers who has room."""

import datetime

import pytest
from django.urls import reverse

from caseloads.models import CaseloadLimit, CaseType, CaseWeight
from caseloads.weights import loads_on
from casework.services import allocation_change
from looked_after.models import PeriodOfCare
from people.choices import RelationshipKind
from people.models import Relationship

pytestmark = pytest.mark.usefixtures("today")
D = datetime.date


def test_each_child_counts_the_weight_of_their_case_on_the_day(worker, manager, child, new_child, today):
    sister = new_child("Kim")
    Relationship.objects.create(from_person=child, to_person=sister, kind=RelationshipKind.SIBLING)
    PeriodOfCare.objects.create(child=sister, start_date=today - datetime.timedelta(days=100), started_by=worker)
    from permanence.services import care_proceedings_start

    care_proceedings_start(actor=worker, child=sister, kind="care", issued_on=today - datetime.timedelta(days=10))
    w = dict(CaseWeight.objects.values_list("case_type", "points"))
    load = loads_on([worker], today)[worker.pk]
    by_child = {c.child_id: c for c in load.cases}
    assert by_child[child.pk].case_type == CaseType.CHILD_IN_NEED
    assert by_child[child.pk].points == w["child_in_need"] + w["sibling"]
    assert by_child[sister.pk].case_type == CaseType.LOOKED_AFTER_NEW
    assert by_child[sister.pk].points == w["looked_after_new"] + w["court"] + w["sibling"]
    # A year on (the proceedings still open), the looked-after tier drops.
    later = loads_on([worker], today + datetime.timedelta(days=370))[worker.pk]
    assert {c.child_id: c.case_type for c in later.cases}[sister.pk] == CaseType.LOOKED_AFTER_SETTLED


def test_a_weight_changed_by_the_authority_changes_the_caseload(worker, child, today):
    before = loads_on([worker], today)[worker.pk].points
    CaseWeight.objects.filter(case_type="child_in_need").update(points=9)
    assert loads_on([worker], today)[worker.pk].points == before - 5 + 9


def test_the_caseload_on_30_september_of_a_past_year_is_the_one_held_then(worker, teammate, manager, child, new_child):
    # The child was the worker's from 2024 until reallocated to the teammate in 2025.
    from casework.models import Allocation

    Allocation.objects.filter(child=child).update(start_date=D(2024, 1, 10))
    allocation_change(actor=manager, child=child, team=worker.team, worker=teammate, start_date=D(2025, 3, 1))
    then = loads_on([worker, teammate], D(2024, 9, 30))
    now = loads_on([worker, teammate], D(2025, 6, 2))
    assert then[worker.pk].children == 1 and then[teammate.pk].children == 0
    assert now[worker.pk].children == 0 and now[teammate.pk].children == 1
    assert loads_on([worker], D(2023, 9, 30))[worker.pk].children == 0


def test_the_limit_is_per_fte_and_protected_in_the_asye(worker, today):
    from staff.models import StaffProfile

    CaseloadLimit.objects.filter(role="social_worker").update(points_per_fte=100, early_career_points_per_fte=70)
    StaffProfile.objects.create(user=worker, fte="0.5")
    assert loads_on([worker], today)[worker.pk].limit == 50
    worker.asye_started_on = today - datetime.timedelta(days=30)
    worker.save()
    assert loads_on([worker], today)[worker.pk].limit == 35


def test_the_manager_sees_a_worker_over_the_limit_after_an_allocation(
    client, worker, teammate, manager, new_child, today
):
    CaseloadLimit.objects.filter(role="social_worker").update(points_per_fte=8)
    client.force_login(manager)
    page = client.get(reverse("my_team")).content.decode()
    assert "No one is over their weighted caseload limit" in page
    # Two children (5 points each, children in need) for the teammate: over 8.
    for extra in (new_child("Ash"), new_child("Bo")):
        allocation_change(actor=manager, child=extra, team=worker.team, worker=teammate, start_date=today)
    page = client.get(reverse("my_team")).content.decode()
    assert "Over their caseload limit: Tess Teammate (10 points, limit 8)" in page


def test_allocation_suggests_the_workers_with_room(client, worker, teammate, manager, child, new_child, today):
    CaseloadLimit.objects.filter(role="social_worker").update(points_per_fte=8)
    client.force_login(manager)
    page = client.get(reverse("casework:allocation", args=[new_child("Ash").pk])).content.decode()
    table = page.split('data-testid="allocation-suggestions"')[1].split("</table>")[0]
    # The teammate holds nothing, so has room; the worker would be over with a second child.
    assert table.index("Tess Teammate") < table.index("Sam Worker")
    assert "Has capacity" in table and "Would be over the limit" in table


def test_caseloads_on_a_past_date_for_the_manager_and_bad_dates_never_fail(client, manager, worker, child, lead):
    client.force_login(manager)
    for on in ("2024-09-30", "nonsense", "2999-01-01", "0001-01-01"):
        response = client.get(reverse("caseloads:team"), {"on": on})
        assert response.status_code == 200
    assert (
        "The date must be today or in the past"
        in client.get(reverse("caseloads:team"), {"on": "2999-01-01"}).content.decode()
    )
    client.force_login(worker)
    assert client.get(reverse("caseloads:team")).status_code == 403
