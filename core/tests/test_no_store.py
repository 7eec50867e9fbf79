"""Pages for a signed-in user carry Cache-Control: no-store, so no browser or proxy keeps a copy
of a child's record (issue 12, finding 5); static files and /healthz are left as they were."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("today")


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_case_pages_redirects_and_error_pages_for_a_signed_in_user_are_not_stored(client, worker, child):
    client.force_login(worker)
    for url in (
        reverse("people:summary", args=[child.pk]),
        reverse("casework:chronology", args=[child.pk]),
        reverse("casework:visit_new", args=[child.pk]),
        reverse("people:search") + "?name=Smith",
        reverse("home"),
        reverse("people:summary", args=[child.pk + 1000]),
    ):
        response = client.get(url)
        assert no_store(response) and "private" in response["Cache-Control"], (url, response.status_code)
    response = client.post(reverse("casework:visit_new", args=[child.pk]), {})
    assert response.status_code == 200 and no_store(response)


def test_static_files_and_the_health_check_are_left_alone(client, worker):
    client.force_login(worker)
    static = client.get(settings.STATIC_URL + "dist/app.css")
    assert static.status_code == 200 and not no_store(static)
    # /healthz keeps its own never_cache header, for monitors; the middleware adds nothing to it.
    health = client.get(reverse("healthz"))
    assert health["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"


@pytest.mark.parametrize("environment", ["development", "production"])
def test_both_settings_use_the_middleware(environment, tmp_path):
    env = os.environ | {
        "OPENCSC_ENV": environment,
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "postgres://user:pw@localhost:5432/opencsc",
        "OPENCSC_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "opencsc.settings",
    }
    code = "from django.conf import settings; print('\\n'.join(settings.MIDDLEWARE))"
    middleware = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, cwd=settings.BASE_DIR
    ).stdout.split()
    assert "core.middleware.NoStoreForSignedInMiddleware" in middleware
    assert "core.submissions.OnceOnlySubmitMiddleware" in middleware
    assert middleware.index("core.submissions.OnceOnlySubmitMiddleware") > middleware.index(
        "django.middleware.csrf.CsrfViewMiddleware"
    )
