"""Single sign-on with the council's identity provider (Microsoft Entra ID) over OpenID Connect.

mozilla-django-oidc does the protocol: the authorisation code flow with state, nonce and PKCE,
the code exchanged at the token endpoint, the ID token's RS256 signature checked against the
provider's published keys (JWKS) and its expiry. What is ours:

- the endpoints come from the discovery document (`discovery.py`), not from settings;
- the ID token's issuer and audience are checked (the library leaves both to the site);
- who the person is comes from the ID token (Entra's userinfo endpoint is Microsoft Graph, which
  carries no app roles), matched on the provider's stable object id (`oid`), never on an email;
- their role and team come from the `roles` claim through the council's map (`app_roles.py`);
  a token with no mapped app role gets no access, and a new person gets an account only then;
- the refresh token is kept in the (server-side) session, for the re-check (`recheck.py`).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from mozilla_django_oidc import views as oidc_views
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings

from core import clock
from workforce.signin import app_roles, discovery
from workforce.signin.services import SsoRefused, sso_staff_sync

logger = logging.getLogger(__name__)

# The session's record of a single sign-on: the refresh token and when the provider last said yes.
SESSION_KEY = "opencsc_sso"


def _settings(attr, *args):
    """Settings as mozilla-django-oidc reads them, but the endpoints from the discovery document."""
    if attr in discovery.ENDPOINT_SETTINGS:
        value = discovery.document().get(discovery.ENDPOINT_SETTINGS[attr])
        if value is None and args:
            return args[0]
        return value
    return import_from_settings(attr, *args)


class EntraBackend(OIDCAuthenticationBackend):
    get_settings = staticmethod(_settings)

    def __init__(self, *args, **kwargs):
        # Django builds a backend for every request of a signed-in user and for every password
        # sign-in: nothing here may reach the provider. The endpoints are looked up when used.
        from django.contrib.auth import get_user_model

        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None
        self._refresh_token = None

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):
        return _settings("OIDC_OP_TOKEN_ENDPOINT")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):
        return _settings("OIDC_OP_JWKS_ENDPOINT")

    def authenticate(self, request, **kwargs):
        if not settings.OIDC_ENABLED:
            return None
        return super().authenticate(request, **kwargs)

    def get_user(self, user_id):
        # The library's get_user would let a closed account's old session go on.
        user = super().get_user(user_id)
        return user if user is not None and user.is_active else None

    # --- the tokens ---------------------------------------------------------------------------
    def get_token(self, payload):
        info = super().get_token(payload)
        self._refresh_token = info.get("refresh_token")
        return info

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        self._check_issuer_and_audience(payload)
        return payload

    def verify_refreshed(self, token) -> dict:
        """An ID token from a refresh. It comes straight from the token endpoint over TLS, in
        answer to our own request, so there is no nonce to compare: the rest is checked."""
        payload = self.get_payload_data(token, self.retrieve_matching_jwk(token))
        self._check_issuer_and_audience(payload)
        return payload

    def _check_issuer_and_audience(self, payload: dict) -> None:
        if payload.get("iss") != discovery.document()["issuer"]:
            raise SuspiciousOperation("The ID token's issuer is not the configured provider.")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was not issued to this application.")

    def get_userinfo(self, access_token, id_token, payload):
        # Entra's userinfo endpoint is Microsoft Graph: no app roles there. The ID token has them.
        return payload

    def store_tokens(self, access_token, id_token):
        self.request.session[SESSION_KEY] = {
            "refresh_token": self._refresh_token,
            "confirmed_at": clock.now().timestamp(),
        }

    # --- who the token says ---------------------------------------------------------------------
    def verify_claims(self, claims):
        return bool(subject(claims)) and app_roles.resolve(settings.OIDC_APP_ROLES, claims.get("roles")).has_access

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(sso_id=subject(claims))

    def create_user(self, claims):
        return self._sync(None, claims)

    def update_user(self, user, claims):
        return self._sync(user, claims)

    def _sync(self, user, claims):
        try:
            return sso_staff_sync(
                user=user,
                sso_id=subject(claims),
                claims=claims,
                grant=app_roles.resolve(settings.OIDC_APP_ROLES, claims.get("roles")),
            )
        except SsoRefused as refusal:
            raise SuspiciousOperation(str(refusal)) from None


def subject(claims: dict) -> str:
    """Entra's object id (the same in every application of the tenant), or the standard `sub`."""
    return str(claims.get("oid") or claims.get("sub") or "")


class _OnlyWhenEnabled:
    """The single sign-on pages answer 404 when SSO is not configured."""

    get_settings = staticmethod(_settings)

    def dispatch(self, request, *args, **kwargs):
        if not settings.OIDC_ENABLED:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class SsoStartView(_OnlyWhenEnabled, oidc_views.OIDCAuthenticationRequestView):
    def __init__(self, *args, **kwargs):
        # The library reads the endpoint when the view is built: build it only when SSO is on.
        super(oidc_views.OIDCAuthenticationRequestView, self).__init__(*args, **kwargs)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID

    @property
    def OIDC_OP_AUTH_ENDPOINT(self):
        return _settings("OIDC_OP_AUTHORIZATION_ENDPOINT")


class SsoCallbackView(_OnlyWhenEnabled, oidc_views.OIDCAuthenticationCallbackView):
    pass
