"""Talking to the DfE's children's social care data API: an OAuth2 client-credentials token, and
batches of documents POSTed with retries and backoff. Standard library only (urllib), so nothing
new to install; the settings are `settings.DFE_FEED` (opencsc/settings.py, from the environment).

What the API answers (the reference pipeline, specs/dfe-csc-api/api.py): 200 with a JSON list,
one item per document sent, each "date_time_uuid"; 400 for a malformed payload, naming the
failing documents by their index in square brackets; 401, 403 and 429 may pass on a retry (a new
token, a pause), as may a 5xx or a dropped connection. Anything else is final.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

RETRYABLE = {401, 403, 429, 500, 502, 503, 504}
MESSAGES = {
    400: "Malformed payload",
    401: "Invalid API token",
    403: "API access disallowed",
    413: "Payload exceeds the limit",
    429: "Rate limit exceeded",
}


class FeedError(Exception):
    """The feed could not be sent at all (no token, no endpoint); the message is for the operator."""


@dataclass
class BatchResult:
    status: int  # the HTTP status of the last attempt, 0 when no answer came
    accepted: list[str] | None  # one receipt per document, when the batch was accepted
    detail: str  # what the API said (or why nothing came back)
    attempts: int

    @property
    def rejected_indexes(self) -> set[int]:
        """The documents a 400 names, by their place in the batch ("[3]")."""
        import re

        return {int(n) for n in re.findall(r"\[(\d+)\]", self.detail)} if self.status == 400 else set()


class Client:
    def __init__(self, config: dict, *, sleep=time.sleep, timeout: float = 60):
        self.config = config
        self.sleep = sleep
        self.timeout = timeout
        self._token: str | None = None
        self._token_until = 0.0

    # --- OAuth2 client credentials -----------------------------------------------------------------
    def token(self, *, renew: bool = False) -> str:
        if self._token and not renew and time.monotonic() < self._token_until:
            return self._token
        form = urllib.parse.urlencode(
            {
                "grant_type": "client_credentials",
                "client_id": self.config["CLIENT_ID"],
                "client_secret": self.config["CLIENT_SECRET"],
                "scope": self.config.get("SCOPE", ""),
            }
        ).encode()
        request = urllib.request.Request(
            self.config["TOKEN_ENDPOINT"],
            data=form,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = json.loads(response.read().decode("utf-8"))
        except (urllib.error.URLError, OSError, ValueError) as error:
            raise FeedError(f"Could not get a token from {self.config['TOKEN_ENDPOINT']}: {error}") from error
        if "access_token" not in body:
            raise FeedError("The token endpoint answered without an access token")
        self._token = body["access_token"]
        # Renewed a minute before it expires, so a long run never sends a stale one.
        self._token_until = time.monotonic() + max(0, int(body.get("expires_in", 3600)) - 60)
        return self._token

    def endpoint(self, la_code) -> str:
        return self.config["API_ENDPOINT"].format(la_code=la_code)

    # --- one batch, retried ----------------------------------------------------------------------------
    def send(self, url: str, documents: list[dict]) -> BatchResult:
        data = json.dumps(documents, ensure_ascii=False).encode("utf-8")
        retries = int(self.config.get("RETRIES", 3))
        delay = float(self.config.get("BACKOFF_SECONDS", 5))
        status, detail = 0, ""
        for attempt in range(1, retries + 2):
            status, detail, headers = self._post(url, data, renew=status == 401)
            if status == 200:
                try:
                    receipts = json.loads(detail)
                except ValueError:
                    return BatchResult(status, None, f"The API's answer was not JSON: {detail[:500]}", attempt)
                if not isinstance(receipts, list) or len(receipts) != len(documents):
                    return BatchResult(
                        status, None, f"The API answered {detail[:500]} for {len(documents)} documents", attempt
                    )
                return BatchResult(status, [str(r) for r in receipts], detail, attempt)
            if status not in RETRYABLE and status != 0 or attempt > retries:
                return BatchResult(status, None, _describe(status, detail), attempt)
            wait = _retry_after(headers) if status == 429 else None
            self.sleep(wait if wait is not None else delay)
            delay = min(delay * 2, 300)
        return BatchResult(status, None, _describe(status, detail), retries + 1)

    def _post(self, url: str, data: bytes, *, renew: bool) -> tuple[int, str, dict]:
        try:
            token = self.token(renew=renew)
        except FeedError as error:
            return 0, str(error), {}
        request = urllib.request.Request(
            url,
            data=data,
            method="POST",
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
                # The subscription key the DfE's portal issues with the client (api_config.md).
                "SupplierKey": self.config.get("SUPPLIER_KEY", ""),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace"), dict(error.headers or {})
        except (urllib.error.URLError, OSError) as error:
            return 0, f"No answer from {url}: {getattr(error, 'reason', error)}", {}


def _describe(status: int, detail: str) -> str:
    if status == 0:
        return detail
    return f"{status} {MESSAGES.get(status, 'Unexpected answer')}: {detail[:2000]}"


def _retry_after(headers: dict) -> float | None:
    value = {k.lower(): v for k, v in headers.items()}.get("retry-after")
    try:
        return min(float(value), 300) if value is not None else None
    except ValueError:
        return None
