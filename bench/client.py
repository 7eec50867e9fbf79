"""A small HTTP client for simulated users, on the standard library only.

Each simulated user is a thread with its own connection and cookies (its own signed-in
session), so the server sees what it would see from twenty browsers. Gunicorn's sync workers
close the connection after each response; http.client opens a new one on the next request,
as a browser would.
"""

from __future__ import annotations

import http.client
import re
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode

_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict
    ms: float

    @property
    def sql_ms(self) -> float | None:
        value = self.headers.get("x-sql-time-ms")
        return float(value) if value is not None else None

    @property
    def queries(self) -> int | None:
        value = self.headers.get("x-sql-queries")
        return int(value) if value is not None else None


@dataclass
class User:
    host: str
    port: int
    cookies: dict = field(default_factory=dict)
    timeout: float = 60.0

    def __post_init__(self):
        self._conn = None

    def _connection(self):
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        return self._conn

    def request(self, method: str, path: str, form: dict | None = None, headers: dict | None = None) -> Response:
        headers = {"Host": f"{self.host}:{self.port}", "User-Agent": "opencsc-bench", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            # Django checks the origin of a POST against the host (CSRF protection).
            headers["Origin"] = f"http://{self.host}:{self.port}"
        for attempt in (1, 2):
            conn = self._connection()
            start = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                raw = conn.getresponse()
                data = raw.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed a kept-alive connection between requests: reconnect once.
                conn.close()
                self._conn = None
                if attempt == 2:
                    raise
                continue
            ms = (time.perf_counter() - start) * 1000
            response_headers = {k.lower(): v for k, v in raw.getheaders()}
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie":
                    for key, morsel in SimpleCookie(value).items():
                        self.cookies[key] = morsel.value
            if response_headers.get("connection", "").lower() == "close":
                conn.close()
                self._conn = None
            return Response(raw.status, data, response_headers, ms)
        raise AssertionError("unreachable")

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, form: dict, headers: dict | None = None) -> Response:
        return self.request("POST", path, form, headers)

    def csrf_token(self, path: str) -> str:
        """Open a form page and read its CSRF token, as a browser does before submitting."""
        response = self.get(path)
        match = _CSRF_INPUT.search(response.body.decode("utf-8", "replace"))
        if response.status != 200 or match is None:
            raise RuntimeError(f"no CSRF token on {path} (HTTP {response.status})")
        return match.group(1)

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None
