"""An account disabled at the identity provider stops working within minutes.

A session made by single sign-on is asked about again every OIDC_RECHECK_SECONDS (5 minutes):
the refresh token is sent to the provider's token endpoint, server to server, whatever the
request (a POST as much as a GET; no redirect through the browser). Entra ID refuses a refresh
for a disabled or deleted account, or one whose sessions an administrator revoked, and the
new ID token carries the app roles as they are now. So the person is signed out when:

- the provider refuses the refresh (disabled, deleted, sessions revoked, consent withdrawn);
- the new token holds no mapped app role any more (the role was taken away), or names someone else;
- the provider cannot be reached for longer than OIDC_RECHECK_GRACE_SECONDS (15 minutes), so a
  short outage does not sign a whole service out, but a long one does not keep a leaver in.

Otherwise the role and team are brought into line with the token, and the new refresh token kept.
"""

from __future__ import annotations

import logging

import jwt
import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import SuspiciousOperation

from core import clock
from workforce.signin import app_roles
from workforce.signin.services import SsoRefused, sso_staff_sync
from workforce.signin.sso import SESSION_KEY, EntraBackend, subject

logger = logging.getLogger(__name__)

SIGNED_OUT_MESSAGE = (
    "You have been signed out because your council account could not be confirmed. "
    "Sign in again, or ask your IT service desk."
)


class SsoRecheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        record = request.session.get(SESSION_KEY) if request.user.is_authenticated else None
        if record is not None and not still_confirmed(request, record):
            logger.warning("single sign-on session ended: the provider no longer confirms user %s", request.user.pk)
            logout(request)
            messages.warning(request, SIGNED_OUT_MESSAGE)
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


def still_confirmed(request, record: dict) -> bool:
    """Whether the session may go on; asks the provider when the last answer is old enough."""
    if not settings.OIDC_ENABLED:
        return False  # single sign-on was switched off: its sessions end with it
    now = clock.now().timestamp()
    age = now - record.get("confirmed_at", 0)
    if age < settings.OIDC_RECHECK_SECONDS:
        return True
    backend = EntraBackend()
    try:
        info = backend.get_token(
            {
                "grant_type": "refresh_token",
                "refresh_token": record.get("refresh_token") or "",
                "client_id": settings.OIDC_RP_CLIENT_ID,
                "client_secret": settings.OIDC_RP_CLIENT_SECRET,
                "scope": settings.OIDC_RP_SCOPES,
            }
        )
    except requests.HTTPError as error:
        status = error.response.status_code if error.response is not None else None
        if status is not None and 400 <= status < 500:
            return False  # the provider said no
        return age < settings.OIDC_RECHECK_GRACE_SECONDS
    except requests.RequestException:
        return age < settings.OIDC_RECHECK_GRACE_SECONDS
    try:
        claims = backend.verify_refreshed(info["id_token"])
        if subject(claims) != request.user.sso_id:
            return False
        sso_staff_sync(
            user=request.user,
            sso_id=request.user.sso_id,
            claims=claims,
            grant=app_roles.resolve(settings.OIDC_APP_ROLES, claims.get("roles")),
        )
    except (KeyError, jwt.PyJWTError, SuspiciousOperation, SsoRefused, requests.RequestException):
        return False
    request.session[SESSION_KEY] = {
        "refresh_token": info.get("refresh_token") or record.get("refresh_token"),
        "confirmed_at": now,
    }
    return True
