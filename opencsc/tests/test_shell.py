"""The shell: health check, error pages, secure headers, navigation by role."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from conftest import TEST_PASSWORD
from workforce.roles import Role

BASE_DIR = Path(__file__).resolve().parents[2]


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"  # the job worker's part: opencsc/tests/test_operations.py


def test_unknown_url_gets_the_design_system_404_not_a_stack_trace(client, db):
    response = client.get("/no-such-page/at-all")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Page not found" in body
    assert "govuk-template" in body
    assert "Traceback" not in body


def test_unknown_url_when_signed_in_gets_404_with_navigation(client, make_staff):
    user = make_staff(Role.SOCIAL_WORKER)
    client.force_login(user)
    response = client.get("/children/999999999/")
    assert response.status_code == 404
    assert "My work" in response.content.decode()


def test_pages_need_sign_in(client, db):
    response = client.get(reverse("my_work"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_every_response_carries_secure_headers(client, db):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "camera=()" in response["Permissions-Policy"]


EXPECTED_NAVIGATION = {
    Role.SOCIAL_WORKER: ["My work", "Case audits"],
    Role.TEAM_MANAGER: [
        "My team",
        "Authorisations",
        "Decisions",
        "Management oversight",
        "Performance",
        "Staff",
        "Caseloads",
        "Data quality",
        "Case audits",
    ],
    Role.IRO: ["Reviews and conferences", "Challenges", "Case audits"],
    Role.MASH_WORKER: ["Front door"],
    Role.QA_OFFICER: [
        "Performance",
        "Data quality",
        "Returns",
        "IRO challenges",
        "Case audits",
        "Improvement plan",
        "Workforce",
    ],
    Role.SENIOR_LEADER: [
        "Performance",
        "Data quality",
        "Returns",
        "IRO challenges",
        "Case audits",
        "Improvement plan",
        "Workforce",
        "Break-glass access",
    ],
    Role.SYSTEM_ADMIN: ["Administration"],
    Role.LADO_OFFICER: ["Allegations (LADO)"],
    Role.PERSONAL_ADVISER: ["My young people"],
    Role.PRIVATE_FOSTERING_OFFICER: ["Private fostering"],
    Role.SERVICE_MANAGER: ["Challenges", "Performance", "Case audits", "Improvement plan", "Workforce"],
    Role.HEAD_OF_SERVICE: ["Challenges", "Performance", "Case audits", "Improvement plan", "Workforce"],
    Role.DIRECTOR: ["Challenges", "Performance", "Case audits", "Improvement plan", "Workforce"],
    Role.WORKFORCE_LEAD: ["Staff", "Caseloads", "Workforce"],
}
ALL_LABELS = {label for labels in EXPECTED_NAVIGATION.values() for label in labels}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_lands_on_its_home_page_with_its_navigation(client, make_staff, role):
    user = make_staff(role)
    client.force_login(user)
    response = client.get("/", follow=True)
    assert response.status_code == 200
    nav = response.context["navigation"]
    assert [item["text"] for item in nav] == [*EXPECTED_NAVIGATION[role], "Find a person"]
    assert nav[0]["current"] is True
    body = response.content.decode()
    for label in ALL_LABELS - set(EXPECTED_NAVIGATION[role]):
        assert f">{label}<" not in body


def test_a_role_cannot_open_another_roles_home_page(client, make_staff):
    client.force_login(make_staff(Role.SOCIAL_WORKER))
    response = client.get(reverse("performance_home"))
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_server_error_page_is_the_design_system_page(client, db, settings):
    from opencsc.views import server_error

    response = server_error(None)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def _start_in_production(extra_env):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}}
    env.update({"OPENCSC_ENV": "production", "DJANGO_SETTINGS_MODULE": "opencsc.settings", **extra_env})
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    "env, missing",
    [
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": "x" * 50}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "csc.example.gov.uk"}, "DATABASE_URL"),
    ],
)
def test_production_refuses_to_start_without_its_settings(env, missing):
    result = _start_in_production(env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr


def test_production_settings_are_strict():
    result = _start_in_production(
        {
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "csc.example.gov.uk",
            "DATABASE_URL": "postgres://u:p@db.invalid:5432/opencsc",
        }
    )
    assert result.returncode == 0, result.stderr
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.ALLOWED_HOSTS)",
        ],
        cwd=BASE_DIR,
        env={
            **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
            "OPENCSC_ENV": "production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "csc.example.gov.uk",
            "DATABASE_URL": "postgres://u:p@db.invalid:5432/opencsc",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert check.stdout.strip() == "False True True 31536000 ['csc.example.gov.uk']"
