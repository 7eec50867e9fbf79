"""/metrics and /healthz, for every role, over the world: /metrics answers only its token (a
signed-in session, any role, gets the ordinary 404), and neither names a child, with the token
or without it."""

import pytest

from tests.security.sweeper import ROLES

pytestmark = pytest.mark.django_db

TOKEN = "sweep-metrics-token-0123456789"


def test_metrics_and_health_answer_the_same_to_every_role_and_name_no_child(sweep, world, settings):
    settings.METRICS_TOKEN = TOKEN
    for role in ROLES:
        plain = sweep.get(role, "/metrics")
        if plain.status_code != 404:
            sweep.violation("metrics", role, "/metrics", f"{plain.status_code} without the token, not 404")
        for url, extra in (("/metrics", {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}), ("/healthz", {})):
            response = sweep.get(role, url, **extra)
            sweep.check_no_server_error("operations", role, url, response)
            if response.status_code != 200:
                sweep.violation("operations", role, url, f"{response.status_code}, not 200")
            shown = sweep.names_shown(response, world.children)
            if shown:
                sweep.violation("operations", role, url, f"names {', '.join(shown)}")
    sweep.assert_none("operations pages that answer a role differently or name a child")
