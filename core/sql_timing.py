"""Per-request SQL timing for the benchmark (`make bench`), off unless OPENCSC_BENCH_SQL=1.

With the flag set, every response carries `X-SQL-Time-Ms` (the time spent inside the
database driver's execute calls, in milliseconds) and `X-SQL-Queries` (how many statements
there were; Django's own query log, and so django_assert_num_queries, also lists the BEGIN and
COMMIT of each transaction, which are not statements sent through a cursor and are not counted),
so the benchmark can show how much of a page's time is the database and how much is Python
and templates above it. Without the flag Django drops the middleware at start-up
(MiddlewareNotUsed), so production pays nothing for it and leaks nothing about its queries.
"""

from __future__ import annotations

import os
import time

from django.core.exceptions import MiddlewareNotUsed
from django.db import connections

ENV_FLAG = "OPENCSC_BENCH_SQL"


class _Timer:
    """An execute wrapper (django.db.connection.execute_wrapper) that adds up the time."""

    def __init__(self):
        self.seconds = 0.0
        self.queries = 0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.queries += 1


class SqlTimingMiddleware:
    """Listed first in MIDDLEWARE so that it also counts the session and sign-in queries."""

    def __init__(self, get_response):
        if os.environ.get(ENV_FLAG) != "1":
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        timer = _Timer()
        wrappers = [connections[alias].execute_wrapper(timer) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        response["X-SQL-Time-Ms"] = f"{timer.seconds * 1000:.2f}"
        response["X-SQL-Queries"] = str(timer.queries)
        return response
