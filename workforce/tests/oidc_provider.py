"""A small OpenID Connect provider for the tests, run in a thread of the test process on a free
port: a real discovery document, a real JWKS, ID tokens really signed with RS256 (joserfc), the
authorisation code flow with PKCE, and refresh tokens. It stands in for Microsoft Entra ID the
way Entra behaves where OpenCSC relies on it: app roles in the ID token's `roles` claim, the
object id in `oid`, and a refresh refused (400 invalid_grant) once the account is disabled.

The person "at the keyboard" of the provider's sign-in page is whoever the test names with
`provider.signs_in(username)`; the authorisation endpoint then redirects straight back.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import secrets
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "opencsc-test-client"
CLIENT_SECRET = "test-client-secret"


@dataclasses.dataclass
class Account:
    username: str
    name: str
    roles: list[str]
    oid: str = dataclasses.field(default_factory=lambda: str(uuid.uuid4()))
    enabled: bool = True


class Provider:
    def __init__(self):
        self.key = RSAKey.generate_key(2048, parameters={"kid": secrets.token_hex(4), "alg": "RS256", "use": "sig"})
        self.accounts: dict[str, Account] = {}
        self.codes: dict[str, dict] = {}
        self.refresh_tokens: dict[str, str] = {}  # refresh token -> username
        self.at_keyboard: str | None = None
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    @property
    def discovery_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def add(self, username: str, name: str, roles: list[str]) -> Account:
        self.accounts[username] = Account(username, name, list(roles))
        return self.accounts[username]

    def signs_in(self, username: str) -> None:
        self.at_keyboard = username

    # --- what the endpoints answer --------------------------------------------------------------
    def discovery(self) -> dict:
        return {
            "issuer": f"{self.url}/tenant/v2.0",
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "jwks_uri": f"{self.url}/keys",
            "userinfo_endpoint": f"{self.url}/userinfo",
            "response_types_supported": ["code"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
        }

    def authorize(self, query: dict) -> tuple[int, dict, str]:
        account = self.accounts.get(self.at_keyboard or "")
        redirect = query["redirect_uri"]
        if account is None or not account.enabled:
            return 302, {"Location": f"{redirect}?{urlencode({'error': 'access_denied', 'state': query['state']})}"}, ""
        code = secrets.token_urlsafe(16)
        self.codes[code] = {
            "username": account.username,
            "nonce": query.get("nonce"),
            "redirect_uri": redirect,
            "challenge": query.get("code_challenge"),
            "client_id": query["client_id"],
        }
        return 302, {"Location": f"{redirect}?{urlencode({'code': code, 'state': query['state']})}"}, ""

    def token(self, form: dict) -> tuple[int, dict]:
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        if form.get("grant_type") == "authorization_code":
            grant = self.codes.pop(form.get("code", ""), None)
            if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
                return 400, {"error": "invalid_grant"}
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            if grant["challenge"] != digest:
                return 400, {"error": "invalid_grant", "error_description": "PKCE verification failed"}
            return 200, self._tokens(grant["username"], nonce=grant["nonce"])
        if form.get("grant_type") == "refresh_token":
            username = self.refresh_tokens.pop(form.get("refresh_token", ""), None)
            account = self.accounts.get(username or "")
            if account is None or not account.enabled:
                # As Entra: AADSTS50057, "the user account is disabled".
                return 400, {
                    "error": "invalid_grant",
                    "error_description": "AADSTS50057: The user account is disabled.",
                }
            return 200, self._tokens(username, nonce=None)
        return 400, {"error": "unsupported_grant_type"}

    def _tokens(self, username: str, nonce: str | None) -> dict:
        account = self.accounts[username]
        now = int(time.time())
        claims = {
            "iss": self.discovery()["issuer"],
            "aud": CLIENT_ID,
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "sub": f"pairwise-{account.oid}",
            "oid": account.oid,
            "tid": "tenant",
            "preferred_username": f"{username}@northshire.example",
            "name": account.name,
            "email": f"{username}@northshire.example",
            "roles": list(account.roles),
        }
        if nonce:
            claims["nonce"] = nonce
        id_token = jwt.encode({"alg": "RS256", "kid": self.key.kid, "typ": "JWT"}, claims, self.key)
        refresh = secrets.token_urlsafe(24)
        self.refresh_tokens[refresh] = username
        return {
            "token_type": "Bearer",
            "access_token": secrets.token_urlsafe(24),
            "id_token": id_token,
            "refresh_token": refresh,
            "expires_in": 3600,
        }

    def jwks(self) -> dict:
        return {"keys": [self.key.as_dict(private=False)]}


def _handler(provider: Provider):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet: the test output is the test's
            pass

        def _json(self, status: int, body: dict):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlparse(self.path)
            if url.path == "/.well-known/openid-configuration":
                return self._json(200, provider.discovery())
            if url.path == "/keys":
                return self._json(200, provider.jwks())
            if url.path == "/authorize":
                status, headers, _ = provider.authorize({k: v[0] for k, v in parse_qs(url.query).items()})
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            return self._json(404, {"error": "not_found"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            if urlparse(self.path).path == "/token":
                return self._json(*provider.token(form))
            return self._json(404, {"error": "not_found"})

    return Handler
