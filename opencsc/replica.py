"""Reports read from a streaming replica, when one is configured (DATABASE_REPLICA_URL).

The pages that read the most and write nothing — the performance indicators, the statutory
returns, the data-quality page — send their reads to the replica, so that a quarter's return or a
24-month trend never competes with the people recording. Everything else stays on the primary.

Read-your-writes: a replica is a moment behind the primary (milliseconds usually; longer under
load). So when a signed-in person sends anything but a GET (a save, a new export), the primary's
WAL position after it is kept in their session, and their report pages read from the primary
until the replica has replayed past that position (asked of the replica, one cheap query). A
person never sees a report without what they have just recorded; everyone else reads the replica.

Only the report pages' own reads move. Sessions, staff accounts, sign-in attempts and form tokens
always come from the primary (a session made a moment ago must not look signed out), and every
write goes to the primary whatever the page.
"""

from __future__ import annotations

import contextvars

from django.conf import settings
from django.db import connections

REPLICA = "replica"
# The namespaces of the report pages (their urls.py app_name).
REPORT_NAMESPACES = frozenset({"performance", "returns", "data_quality"})
# Apps whose tables are always read on the primary.
PRIMARY_ONLY_APPS = frozenset({"sessions", "auth", "workforce", "axes", "otp_totp", "django_otp", "core", "admin"})
SESSION_KEY = "opencsc_primary_lsn"

_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("opencsc_use_replica", default=False)


def configured() -> bool:
    return settings.OPENCSC_READ_REPLICA


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _use_replica.get() and model._meta.app_label not in PRIMARY_ONLY_APPS:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


class ReplicaMiddleware:
    """Decides, per request, whether a report page reads from the replica; and remembers where
    the primary's WAL was after a person's write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            response = self.get_response(request)
        finally:
            # A worker thread serves the next request in the same context: start it on the primary.
            _use_replica.set(False)
        if (
            request.method not in ("GET", "HEAD", "OPTIONS")
            and configured()
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            request.session[SESSION_KEY] = _primary_position()
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.method in ("GET", "HEAD")
            and configured()
            and request.resolver_match is not None
            and request.resolver_match.namespace in REPORT_NAMESPACES
            and _caught_up(request)
        ):
            _use_replica.set(True)
        return None


def _primary_position() -> str:
    # The insert position, not pg_current_wal_lsn() (the write position): with asynchronous
    # commit (the tests' servers; a council may choose it) the person's commit record can still be
    # in the WAL buffers, behind the write position, and a replica that had replayed up to there
    # would count as caught up without their write.
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_insert_lsn()::text")
        return cursor.fetchone()[0]


def _caught_up(request) -> bool:
    """Whether the replica has replayed this person's last write (or they have made none)."""
    position = request.session.get(SESSION_KEY)
    if not position:
        return True
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, false)", [position])
            caught_up = cursor.fetchone()[0]
    except Exception:  # the replica is down: the primary answers, as it would without one
        return False
    if caught_up:
        request.session.pop(SESSION_KEY, None)
    return caught_up
