"""Every log line knows its request; every request leaves one log line and its time.

- `RequestLogMiddleware` (first in MIDDLEWARE) gives each request an id: the load balancer's
  `X-Request-ID` when it sends a sensible one, otherwise a new one; it is sent back in the
  response's `X-Request-ID`, so a person reporting a problem can quote it. When the response is
  ready it writes one line to the `opencsc.requests` logger (method, the URL pattern and view,
  status, milliseconds) and observes the time in the latency histogram for /metrics.
- `RequestContextFilter` (on the log handler) adds the request id and the signed-in user's id to
  every line written while the request runs, whoever writes it.

Never case content: the line names the URL *pattern* ("people/<int:person_id>/"), not the path
or its query string (a search for a child's name is in the query string), and a user by id only.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
import uuid

from prometheus_client import Histogram

logger = logging.getLogger("opencsc.requests")

_current_request = contextvars.ContextVar("opencsc_request", default=None)
_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

REQUEST_SECONDS = Histogram(
    "opencsc_http_request_duration_seconds",
    "Time to answer a request, by view, method and status class.",
    ["view", "method", "status"],
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)


def _request_id(request) -> str:
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if _VALID_ID.match(given) else uuid.uuid4().hex


def _user_id(request):
    """The signed-in user's id once authentication has looked (never forcing a session read
    from inside a log call)."""
    user = getattr(request, "_cached_user", None)
    return user.pk if user is not None and user.is_authenticated else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = _request_id(request)
        token = _current_request.set(request)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            seconds = time.perf_counter() - started
            match = request.resolver_match
            view = match.view_name if match else "unmatched"
            response["X-Request-ID"] = request.request_id
            REQUEST_SECONDS.labels(view, request.method, f"{response.status_code // 100}xx").observe(seconds)
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "route": match.route if match else None,
                    "view": view,
                    "status": response.status_code,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            return response
        finally:
            _current_request.reset(token)


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `user_id` (None outside a request: commands, the job worker).

    Django's own `django.request` lines (a 500, written after the middleware has finished) carry
    the request as `record.request`: its id is taken from there, and the request itself is
    dropped from the line, because its text is the full URL, query string (a searched-for name)
    included."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = _current_request.get() or record.__dict__.pop("request", None)
        record.__dict__.pop("request", None)
        if not hasattr(record, "request_id"):
            record.request_id = getattr(request, "request_id", None)
        if not hasattr(record, "user_id"):
            record.user_id = _user_id(request) if request is not None else None
        return True
