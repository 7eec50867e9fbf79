"""The identity provider's endpoints and issuer, read from its OpenID Connect discovery document
(`.well-known/openid-configuration`) rather than typed into settings: Entra ID publishes one per
tenant, and its signing keys and endpoints can then move without a change here.

Read once and kept for an hour per process; fetched only when single sign-on is actually used,
so a password sign-in never waits on the provider.
"""

from __future__ import annotations

import threading
import time

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEEP_SECONDS = 3600
_lock = threading.Lock()
_cache: dict[str, tuple[float, dict]] = {}


def document() -> dict:
    url = settings.OIDC_DISCOVERY_URL
    with _lock:
        hit = _cache.get(url)
        # time.monotonic measures how long the copy has been kept; it is not the case clock.
        if hit and time.monotonic() - hit[0] < KEEP_SECONDS:
            return hit[1]
    response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
    response.raise_for_status()
    data = response.json()
    missing = {"issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"} - set(data)
    if missing:
        raise ImproperlyConfigured(f"The discovery document at {url} lacks {', '.join(sorted(missing))}.")
    with _lock:
        _cache[url] = (time.monotonic(), data)
    return data


def forget() -> None:
    """Drop the kept copies (a test's provider, or a provider that rotated its endpoints)."""
    with _lock:
        _cache.clear()


# mozilla-django-oidc's settings for the endpoints, and the document's name for each.
ENDPOINT_SETTINGS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}
