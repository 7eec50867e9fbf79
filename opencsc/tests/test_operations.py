"""What a council's IT team reads: the JSON log lines (a request id and the user's id on each,
never case content), /metrics for Prometheus (only with the token), and /healthz."""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import logging

import pytest

from workforce.roles import Role

TOKEN = "a-long-random-token-for-the-scraper"


@contextlib.contextmanager
def log_lines():
    """The lines the project's own log handler writes (settings.LOGGING), as parsed JSON."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    lines = []
    try:
        yield lines
    finally:
        handler.setStream(previous)
        lines.extend(json.loads(line) for line in stream.getvalue().splitlines() if line.strip())


@pytest.fixture
def worker_with_child(make_staff, team):
    from people.services import person_create

    worker = make_staff(Role.SOCIAL_WORKER, team=team)
    child = person_create(
        actor=worker, given_name="Evangeline", family_name="Quartermaine", date_of_birth=datetime.date(2015, 3, 27)
    )
    return worker, child


def test_a_request_logs_one_json_line_with_its_id_and_the_user_and_no_child_name(client, worker_with_child):
    worker, child = worker_with_child
    client.force_login(worker)
    with log_lines() as lines:
        response = client.get(
            "/people/search/", {"name": "Evangeline Quartermaine"}, HTTP_X_REQUEST_ID="lb-0123456789abcdef"
        )
        summary = client.get(f"/people/{child.pk}/")
    assert response.status_code == 200 and "Quartermaine" in response.content.decode()  # the page does show it
    assert summary.status_code == 200
    requests = [line for line in lines if line["logger"] == "opencsc.requests"]
    assert [(r["view"], r["status"]) for r in requests] == [("people:search", 200), ("people:summary", 200)]
    search = requests[0]
    assert search["request_id"] == "lb-0123456789abcdef" == response["X-Request-ID"]
    assert search["user_id"] == worker.pk and search["method"] == "GET" and search["duration_ms"] >= 0
    assert requests[1]["request_id"] == summary["X-Request-ID"] != search["request_id"]  # each its own, made up
    assert search["route"] == "people/search/"  # the pattern, never the query string
    everything = json.dumps(lines)
    assert "Evangeline" not in everything and "Quartermaine" not in everything


def test_a_line_written_during_a_request_carries_its_id(client, make_staff, team):
    """Any logger, not only the request line: a failed sign-in is logged by django-axes."""
    with log_lines() as lines:
        response = client.post(
            "/sign-in/", {"username": "nobody", "password": "wrong"}, HTTP_X_REQUEST_ID="req-abcdef12"
        )
    assert response.status_code == 200
    assert lines and all(line["request_id"] == "req-abcdef12" for line in lines)
    assert all(line["user_id"] is None for line in lines)


def test_a_bad_request_id_from_outside_is_replaced(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert response["X-Request-ID"] != "<script>" and len(response["X-Request-ID"]) == 32


def test_metrics_are_for_the_scraper_with_the_token_only(client, make_staff, team, settings):
    settings.METRICS_TOKEN = TOKEN
    client.get("/healthz")  # a request, so there is a latency to report
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    client.force_login(make_staff(Role.SYSTEM_ADMIN, team=team))
    assert client.get("/metrics").status_code == 404  # signed in is not enough: the token is the key
    client.logout()

    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert 'opencsc_http_request_duration_seconds_count{method="GET",status="2xx",view="healthz"}' in text
    for name in (
        "opencsc_job_queue_depth",
        "opencsc_jobs_running",
        "opencsc_jobs_past_limit",
        "opencsc_job_failures_total",
        "opencsc_job_workers 0.0",
        "opencsc_job_worker_heartbeat_age_seconds NaN",
    ):
        assert name in text


def test_metrics_count_waiting_and_failed_jobs(client, settings, make_staff, team):
    from django.db import connection

    from returns import services

    settings.METRICS_TOKEN = TOKEN
    officer = make_staff(Role.QA_OFFICER, team=team)
    for _ in range(3):
        services.export_request(actor=officer, kind="cin", year="2026")
    with connection.cursor() as cursor:  # as a worker would leave them: one failed, one stopped past its limit
        cursor.execute("SELECT id FROM procrastinate_jobs ORDER BY id")
        failed, overrunning, _ = (row[0] for row in cursor.fetchall())
        cursor.execute("UPDATE procrastinate_jobs SET status = 'failed' WHERE id = %s", [failed])
        cursor.execute(
            "UPDATE procrastinate_jobs SET status = 'doing', abort_requested = true WHERE id = %s", [overrunning]
        )
    text = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    assert 'opencsc_job_queue_depth{queue="exports"} 1.0' in text
    assert 'opencsc_jobs_running{queue="exports"} 1.0' in text
    assert 'opencsc_jobs_past_limit{task="returns.build_export"} 1.0' in text
    assert 'opencsc_job_failures_total{task="returns.build_export"} 1.0' in text


def test_metrics_without_a_token_set_are_not_there_at_all(client, db, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404


def test_health_says_degraded_when_no_job_worker_has_a_heartbeat(client, db):
    from django.db import connection

    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "worker": "not running"}
    with connection.cursor() as cursor:  # a worker that stopped writing its heartbeat a while ago
        cursor.execute("INSERT INTO procrastinate_workers (last_heartbeat) VALUES (now() - interval '10 minutes')")
    assert client.get("/healthz").json()["worker"] == "not running"


def test_djangos_error_line_keeps_the_request_id_and_drops_the_query_string(rf):
    """Django logs a 500 after the middleware has finished, with the request attached: the line
    gets the request's id from it, and the request's text (its full URL) is left out."""
    from django.http import HttpResponse

    from core.request_log import RequestLogMiddleware

    request = rf.get("/people/search/", {"name": "Evangeline Quartermaine"}, HTTP_X_REQUEST_ID="req-500-abcdef")
    RequestLogMiddleware(lambda r: HttpResponse())(request)
    with log_lines() as lines:
        logging.getLogger("django.request").error(
            "Internal Server Error: %s", request.path, extra={"status_code": 500, "request": request}
        )
    [line] = lines
    assert line["request_id"] == "req-500-abcdef" and line["status_code"] == 500
    assert "Quartermaine" not in json.dumps(line) and "request" not in line
