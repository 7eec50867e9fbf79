"""Single sign-on against a real OpenID Connect provider started by the test (oidc_provider.py):
RS256-signed ID tokens checked against its JWKS, endpoints from its discovery document, the
code flow with PKCE; role and team from the app roles claim; a disabled account signed out."""

import datetime
import json
from urllib.parse import urlparse

import pytest
import requests
from django.urls import reverse
from joserfc.jwk import RSAKey

from core import clock
from workforce.models import User
from workforce.roles import Role
from workforce.services import team_create
from workforce.signin import discovery
from workforce.tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, Provider

APP_ROLES = {
    "CSC.TeamManager": {"role": "team_manager"},
    "CSC.SocialWorker": {"role": "social_worker"},
    "CSC.Team.AssessmentNorth": {"team": "Assessment North"},
}


@pytest.fixture
def provider(settings, db):
    with Provider() as running:
        settings.OIDC_ENABLED = True
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_DISCOVERY_URL = running.discovery_url
        settings.OIDC_APP_ROLES = json.dumps(APP_ROLES)
        discovery.forget()
        yield running
        discovery.forget()


def sso_sign_in(client, provider, username, next_url=None):
    """What a browser does: our start page, the provider's sign-in (which redirects straight back
    for the person at its keyboard), our callback. Returns the callback's response."""
    provider.signs_in(username)
    start = client.get(reverse("sso_start") + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302 and start.url.startswith(provider.url + "/authorize?")
    at_provider = requests.get(start.url, allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlparse(at_provider.headers["Location"])
    return client.get(f"{back.path}?{back.query}")


def test_sign_in_page_offers_single_sign_on_only_when_configured(client, db, settings):
    settings.OIDC_ENABLED = False
    assert "Sign in with your council account" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("sso_start")).status_code == 404
    settings.OIDC_ENABLED = True
    assert "Sign in with your council account" in client.get(reverse("login")).content.decode()


def test_app_roles_give_the_role_and_team(client, provider):
    team = team_create(name="Assessment North")
    provider.add("amara.okafor", "Amara Okafor", ["CSC.SocialWorker", "CSC.Team.AssessmentNorth", "Unmapped.Thing"])

    response = sso_sign_in(client, provider, "amara.okafor")

    assert response.status_code == 302 and response.url == reverse("home")
    user = User.objects.get(username="amara.okafor@northshire.example")
    assert (user.role, user.team, user.first_name, user.last_name) == (Role.SOCIAL_WORKER, team, "Amara", "Okafor")
    assert not user.has_usable_password() and not user.is_staff
    assert client.get(reverse("my_work")).status_code == 200


def test_the_role_listed_first_in_the_map_wins_and_changes_follow_the_token(client, provider):
    team_create(name="Assessment North")
    account = provider.add("bo.lee", "Bo Lee", ["CSC.SocialWorker", "CSC.TeamManager"])
    sso_sign_in(client, provider, "bo.lee")
    assert User.objects.get(sso_id=account.oid).role == Role.TEAM_MANAGER

    client.logout()
    account.roles = ["CSC.SocialWorker"]
    sso_sign_in(client, provider, "bo.lee")
    assert User.objects.get(sso_id=account.oid).role == Role.SOCIAL_WORKER
    assert User.objects.filter(sso_id=account.oid).count() == 1


@pytest.mark.parametrize("roles", [[], ["Some.Other.App.Role"], ["CSC.Team.AssessmentNorth"]])
def test_no_mapped_app_role_gets_no_access(client, provider, roles):
    team_create(name="Assessment North")
    provider.add("chris.doe", "Chris Doe", roles)

    response = sso_sign_in(client, provider, "chris.doe")

    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not User.objects.filter(first_name="Chris").exists()
    page = client.get(response.url).content.decode()
    assert "There is a problem" in page and "could not be signed in with your council account" in page
    assert client.get(reverse("my_work")).status_code == 302  # still signed out


def test_a_disabled_account_is_signed_out_at_the_next_check(client, provider):
    team_create(name="Assessment North")
    account = provider.add("dee.khan", "Dee Khan", ["CSC.SocialWorker", "CSC.Team.AssessmentNorth"])
    sso_sign_in(client, provider, "dee.khan")
    with clock.travel_to(clock.now() + datetime.timedelta(minutes=6), tick=True):
        # Still enabled: the check asks the provider, which says yes, and the page opens.
        assert client.get(reverse("my_work")).status_code == 200

    account.enabled = False
    # Within the five minutes since the last yes, nothing is asked.
    assert client.get(reverse("my_work")).status_code == 200
    with clock.travel_to(clock.now() + datetime.timedelta(minutes=12), tick=True):
        response = client.get(reverse("my_work"))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
        assert "You have been signed out" in client.get(response.url).content.decode()
        assert client.get(reverse("my_work")).status_code == 302  # and stays out


def test_an_app_role_taken_away_signs_out_at_the_next_check(client, provider):
    team_create(name="Assessment North")
    account = provider.add("eli.ross", "Eli Ross", ["CSC.SocialWorker"])
    sso_sign_in(client, provider, "eli.ross")
    account.roles = []
    with clock.travel_to(clock.now() + datetime.timedelta(minutes=6), tick=True):
        response = client.post(reverse("my_work"))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_a_token_signed_by_a_key_the_provider_does_not_publish_is_refused(client, provider):
    provider.add("fay.nash", "Fay Nash", ["CSC.SocialWorker"])
    published = provider.jwks()
    # Same key id, another key: what a forged token would look like.
    provider.key = RSAKey.generate_key(2048, parameters={"kid": provider.key.kid, "alg": "RS256", "use": "sig"})
    provider.jwks = lambda: published

    response = sso_sign_in(client, provider, "fay.nash")

    assert response.status_code == 400
    assert client.get(reverse("my_work")).status_code == 302
    assert not User.objects.filter(first_name="Fay").exists()
