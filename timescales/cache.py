"""A per-process cache for small reference tables (bank holidays, local standards).

Why not just query every time: the engine runs on every write to a child's record, and the
calendar and local standards change a few times a year. Why not cache forever: an
administrator may edit them, and a rolled-back edit must not linger.

- A change in this process (a model signal) empties the cache at once.
- A change made inside a transaction marks the cache "pending": until that transaction has
  ended (committed or rolled back), every read reloads from the database, so nothing read
  inside it outlives it. The first read outside any transaction clears the mark.
- Other processes (gunicorn workers) see a change within `ttl` seconds.
"""

from __future__ import annotations

import threading
import time
from typing import Callable, Generic, TypeVar

from django.db import connection

T = TypeVar("T")


class ProcessCache(Generic[T]):
    def __init__(self, loader: Callable[[], T], ttl: float = 300.0):
        self._loader = loader
        self._ttl = ttl
        self._lock = threading.Lock()
        self._value: T | None = None
        self._loaded_at = 0.0
        self._pending = False

    def get(self) -> T:
        with self._lock:
            if self._pending and not connection.in_atomic_block:
                # The transaction that changed the table is over, one way or the other.
                self._pending = False
                self._value = None
            fresh = self._value is not None and time.monotonic() - self._loaded_at < self._ttl
            if fresh and not self._pending:
                return self._value  # type: ignore[return-value]
            value = self._loader()
            if not self._pending:
                self._value, self._loaded_at = value, time.monotonic()
            return value

    def invalidate(self) -> None:
        """Forget the cached value (used by tests, and after a bulk load)."""
        with self._lock:
            self._value = None
            self._pending = False

    def changed(self, **_signal_kwargs) -> None:
        """Signal receiver: the underlying table changed."""
        with self._lock:
            self._value = None
            if connection.in_atomic_block:
                self._pending = True
