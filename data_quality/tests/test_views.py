"""The child's data-quality tab and summary panel, and the data-quality page: who may see them,
what they count, and what they cost."""

import pytest
from django.urls import reverse

from data_quality.models import Problem
from data_quality.tests.conftest import D
from looked_after.tests.factories import start_care
from people.models import Person
from people.services import person_create
from workforce.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_care(today, worker, complete):
    start_care(worker, complete, D(2024, 5, 1))  # four OC2 problems
    return complete


@pytest.fixture
def qa(make_staff):
    return make_staff(Role.QA_OFFICER, first_name="Quinn", last_name="Auditor")


def make_children(worker, n):
    """n more children in care with their details complete: four problems each."""
    children = []
    for i in range(n):
        child = person_create(actor=worker, given_name=f"Child{i}", family_name="Many", date_of_birth=D(2014, 1, 1))
        Person.objects.filter(pk=child.pk).update(
            sex="F", ethnicity="WBRI", disabilities=["NONE"], upn_unknown_reason="UN2"
        )
        start_care(worker, child, D(2024, 5, 1))
        children.append(child)
    return children


class TestTheChildsPage:
    def test_the_summary_lists_each_problem_with_a_link_to_fix_it(self, client, worker, in_care):
        client.force_login(worker)
        response = client.get(reverse("people:summary", args=[in_care.pk]))
        html = response.content.decode()
        assert 'data-testid="data-problems"' in html and "4 problems with this record" in html
        assert f'href="/people/{in_care.pk}/looked-after/sdq/new/"' in html

    def test_no_panel_when_there_is_nothing_wrong(self, client, worker, complete, today):
        client.force_login(worker)
        assert (
            'data-testid="data-problems"'
            not in client.get(reverse("people:summary", args=[complete.pk])).content.decode()
        )

    def test_the_tab_lists_them_with_the_return_and_since_when(self, client, worker, in_care):
        client.force_login(worker)
        html = client.get(reverse("data_quality_record:record", args=[in_care.pk])).content.decode()
        assert "4 problems" in html and "SSDA903" in html and "2 Jun 2025" in html

    def test_someone_who_may_not_see_the_child_gets_the_404_of_a_missing_record(self, client, make_staff, in_care):
        from workforce.services import team_create

        stranger = make_staff(Role.SOCIAL_WORKER, team=team_create(name="Elsewhere"))
        client.force_login(stranger)
        assert client.get(reverse("data_quality_record:record", args=[in_care.pk])).status_code == 404
        assert client.get(reverse("data_quality_record:record", args=[999999])).status_code == 404

    def test_the_tab_costs_the_same_with_more_problems(self, client, worker, in_care, django_assert_max_num_queries):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from data_quality.services import refresh_child

        client.force_login(worker)
        url = reverse("data_quality_record:record", args=[in_care.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as four:
            client.get(url)
        Person.objects.filter(pk=in_care.pk).update(sex="", ethnicity="")
        refresh_child(in_care)
        with django_assert_max_num_queries(len(four)):
            assert "6 problems" in client.get(url).content.decode()


class TestTheDataQualityPage:
    @pytest.mark.parametrize("role", [Role.SOCIAL_WORKER, Role.IRO, Role.MASH_WORKER, Role.SYSTEM_ADMIN])
    def test_only_managers_qa_and_senior_leaders_open_it(self, client, make_staff, role):
        client.force_login(make_staff(role))
        assert client.get(reverse("data_quality:dashboard")).status_code == 403
        assert client.get(reverse("data_quality:children")).status_code == 403

    def test_counts_by_check_team_and_worker_each_link_to_the_children(self, client, qa, worker, in_care):
        client.force_login(qa)
        response = client.get(reverse("data_quality:dashboard"))
        by_check = {row["check"].id: row for row in response.context["by_check"]}
        assert by_check["186"]["problems"] == 1 and by_check["4180"]["problems"] == 0
        assert response.context["total"] == 4
        (team,) = response.context["by_team"]
        assert (team["team"], team["problems"], team["children"]) == ("Assessment Team West", 4, 1)
        (row,) = response.context["by_worker"]
        assert (row["worker"], row["problems"]) == ("Sam Worker", 4)
        html = response.content.decode()
        assert 'href="/data-quality/children/?check=186"' in html
        assert f'href="/data-quality/children/?team={worker.team_id}"' in html
        assert f'href="/data-quality/children/?worker={worker.pk}"' in html
        listed = client.get(reverse("data_quality:children") + "?check=186")
        assert [c.pk for c in listed.context["page"]] == [in_care.pk]
        assert [p.check_id for p in listed.context["page"][0].problems] == ["186"]

    def test_a_manager_counts_only_their_teams_children(self, client, make_staff, manager, in_care):
        from workforce.services import team_create

        other = team_create(name="Elsewhere")
        other_worker = make_staff(Role.SOCIAL_WORKER, team=other)
        make_children(other_worker, 1)
        client.force_login(manager)
        response = client.get(reverse("data_quality:dashboard"))
        assert response.context["total"] == 4
        assert [row["team"] for row in response.context["by_team"]] == ["Assessment Team West"]
        listed = client.get(reverse("data_quality:children"))
        assert [c.pk for c in listed.context["page"]] == [in_care.pk]
        # Asking for the other team's children shows none of them.
        assert list(client.get(reverse("data_quality:children") + f"?team={other.pk}").context["page"]) == []

    def test_an_unknown_check_is_404_and_bad_numbers_are_ignored(self, client, qa):
        client.force_login(qa)
        assert client.get(reverse("data_quality:children") + "?check=NOPE").status_code == 404
        assert client.get(reverse("data_quality:children") + "?team=abc").status_code == 200

    def test_page_and_list_cost_the_same_with_3_or_30_children(
        self, client, qa, worker, in_care, django_assert_max_num_queries
    ):
        make_children(worker, 2)
        client.force_login(qa)
        dashboard, listed = reverse("data_quality:dashboard"), reverse("data_quality:children")
        client.get(dashboard)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as small_dashboard:
            client.get(dashboard)
        with CaptureQueriesContext(connection) as small_list:
            client.get(listed)
        make_children(worker, 27)
        with django_assert_max_num_queries(len(small_dashboard)):
            response = client.get(dashboard)
        assert response.context["total"] == 120
        with django_assert_max_num_queries(len(small_list)):
            response = client.get(listed)
        assert response.context["page"].paginator.count == 30 and len(response.context["page"]) == 25
        assert len(small_list) <= 10
