"""The benchmark's SQL timing headers: absent by default, present and counting with the flag."""

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
    # /healthz runs exactly one query (SELECT 1) and no session or sign-in work.
    assert health.headers["X-SQL-Queries"] == "1"
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
