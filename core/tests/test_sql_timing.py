"""The benchmark's SQL timing headers: absent by default, present and counting with the flag."""

import datetime

import pytest
from django.test import Client

from workforce.roles import Role


def test_no_sql_headers_without_the_flag(client, make_staff, monkeypatch):
    monkeypatch.delenv("OPENCSC_BENCH_SQL", raising=False)
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    response = client.get("/my-work/")
    assert response.status_code == 200
    assert "X-SQL-Time-Ms" not in response.headers
    assert "X-SQL-Queries" not in response.headers


@pytest.mark.parametrize("value", ["0", "yes", ""])
def test_only_the_exact_flag_turns_it_on(make_staff, monkeypatch, value):
    monkeypatch.setenv("OPENCSC_BENCH_SQL", value)
    client = Client()  # a new client loads the middleware again, reading the flag
    assert "X-SQL-Queries" not in client.get("/healthz").headers


def test_with_the_flag_each_response_says_its_sql_time_and_query_count(
    make_staff, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setenv("OPENCSC_BENCH_SQL", "1")
    client = Client()
    health = client.get("/healthz")
    # /healthz runs exactly two queries (SELECT 1, and the job workers' heartbeats) and no
    # session or sign-in work.
    assert health.headers["X-SQL-Queries"] == "2"
    assert float(health.headers["X-SQL-Time-Ms"]) > 0

    client.force_login(make_staff(Role.SOCIAL_WORKER))
    with django_assert_max_num_queries(30) as captured:
        page = client.get("/my-work/")
    assert page.status_code == 200
    # The header counts the statements Django's own test machinery sees for the request (its
    # log also lists each transaction's BEGIN and COMMIT, which are not statements).
    statements = [q for q in captured.captured_queries if q["sql"] not in {"BEGIN", "COMMIT", "ROLLBACK"}]
    assert int(page.headers["X-SQL-Queries"]) == len(statements)
    assert float(page.headers["X-SQL-Time-Ms"]) > 0


def test_with_the_flag_a_request_marked_for_rollback_runs_whole_and_leaves_nothing(make_staff, team, monkeypatch):
    """The benchmark records visits this way (bench/scenarios.py), so that its runs do not pile
    visits, chronology lines and audit rows into the authority it measures."""
    from casework.models import ChronologyEvent, Visit
    from people.services import person_create

    monkeypatch.setenv("OPENCSC_BENCH_SQL", "1")
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27))
    events = ChronologyEvent.objects.filter(child=child).count()
    client = Client()
    client.force_login(worker)
    form = {
        "visit_date_0": "1",
        "visit_date_1": "6",
        "visit_date_2": "2025",
        "visit_time": "10:30",
        "visit_type": "home",
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "observations": "Seen at home.",
    }
    url = f"/people/{child.pk}/visits/new/"
    response = client.post(url, form, headers={"X-Bench-Rollback": "1"})
    assert response.status_code == 302  # recorded as a worker's visit is, every check passed
    assert int(response.headers["X-SQL-Queries"]) > 5
    assert Visit.objects.filter(child=child).count() == 0
    assert ChronologyEvent.objects.filter(child=child).count() == events

    # Without the header the same form records the visit.
    assert client.post(url, form).status_code == 302
    assert Visit.objects.filter(child=child).count() == 1


def test_without_the_flag_the_rollback_header_changes_nothing(make_staff, team, monkeypatch):
    from casework.models import Visit
    from people.services import person_create

    monkeypatch.delenv("OPENCSC_BENCH_SQL", raising=False)
    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    child = person_create(actor=worker, given_name="Jay", family_name="Smith", date_of_birth=datetime.date(2015, 3, 27))
    client = Client()
    client.force_login(worker)
    form = {
        "visit_date_0": "1",
        "visit_date_1": "6",
        "visit_date_2": "2025",
        "visit_time": "10:30",
        "visit_type": "home",
        "child_seen": "yes",
        "seen_alone": "yes",
        "bedroom_seen": "yes",
        "observations": "Seen at home.",
    }
    assert client.post(f"/people/{child.pk}/visits/new/", form, headers={"X-Bench-Rollback": "1"}).status_code == 302
    assert Visit.objects.filter(child=child).count() == 1
