"""Per-request SQL timing for the benchmark (`make bench`), off unless OPENCSC_BENCH_SQL=1.

With the flag set, every response carries `X-SQL-Time-Ms` (the time spent inside the
database driver's execute calls, in milliseconds) and `X-SQL-Queries` (how many statements
there were; Django's own query log, and so django_assert_num_queries, also lists the BEGIN and
COMMIT of each transaction, which are not statements sent through a cursor and are not counted),
so the benchmark can show how much of a page's time is the database and how much is Python
and templates above it. Without the flag Django drops the middleware at start-up
(MiddlewareNotUsed), so production pays nothing for it and leaks nothing about its queries.

With the flag, a request that also carries `X-Bench-Rollback: 1` runs inside one transaction
that is rolled back when the response is ready: the benchmark records visits exactly as a
worker does (every query, trigger and check runs) and leaves the authority as it found it,
audit rows included. The savepoints that enclosing transaction turns the request's own
transactions into are not counted, so the count is the one a worker's request makes.
"""

from __future__ import annotations

import os
import time

from django.core.exceptions import MiddlewareNotUsed
from django.db import connections, transaction

ENV_FLAG = "OPENCSC_BENCH_SQL"
ROLLBACK_HEADER = "HTTP_X_BENCH_ROLLBACK"
_SAVEPOINT_STATEMENTS = ("SAVEPOINT ", "RELEASE SAVEPOINT ", "ROLLBACK TO SAVEPOINT ")


class _Timer:
    """An execute wrapper (django.db.connection.execute_wrapper) that adds up the time."""

    def __init__(self, *, count_savepoints: bool = True):
        self.seconds = 0.0
        self.queries = 0
        self.count_savepoints = count_savepoints

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            if self.count_savepoints or not sql.startswith(_SAVEPOINT_STATEMENTS):
                self.queries += 1


class SqlTimingMiddleware:
    """Listed first in MIDDLEWARE so that it also counts the session and sign-in queries."""

    def __init__(self, get_response):
        if os.environ.get(ENV_FLAG) != "1":
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        rollback = request.META.get(ROLLBACK_HEADER) == "1"
        timer = _Timer(count_savepoints=not rollback)
        wrappers = [connections[alias].execute_wrapper(timer) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            if rollback:
                response = self._rolled_back(request)
            else:
                response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-SQL-Time-Ms"] = f"{timer.seconds * 1000:.2f}"
        response["X-SQL-Queries"] = str(timer.queries)
        return response

    def _rolled_back(self, request):
        with transaction.atomic():
            response = self.get_response(request)
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            transaction.set_rollback(True)
        return response
