"""Concurrent simulated users: each a thread that makes one request, thinks, and repeats.

A closed loop with think time, like people at their desks: twenty users who each click
about once a second (0.5 to 1.5 s apart, at random) rather than twenty scripts firing as
fast as the server answers, which would measure only the length of the queue.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from typing import Callable

from bench.client import Response, User


@dataclass
class Scenario:
    name: str
    label: str
    target_p95_ms: float | None
    # Who runs it: each simulated user is signed in as one of these (round robin).
    workers: list
    # step(client, worker, rng) -> Response: one measured request.
    step: Callable
    # prepare(client, worker) -> None: untimed, once per user before the clock starts.
    prepare: Callable | None = None
    ok: Callable[[Response], bool] = lambda r: r.status == 200
    unavailable: str = ""  # why it cannot run on this authority, when it cannot


def run(
    scenario: Scenario, *, host: str, port: int, users: int, seconds: float, warmup: float, think: float, seed: int
) -> tuple[list[dict], float, list[str], int]:
    """Run `users` simulated users for warmup + seconds; return samples from after the warm-up,
    the length of the measured window, the first few failures (status and a snippet), and how
    many requests were made in all, warm-up included."""
    samples: list[dict] = []
    made = [0]
    failures: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(users + 1)
    go = threading.Event()
    window = {}

    def simulated_user(index: int):
        rng = random.Random(seed * 1000 + index)
        worker = scenario.workers[index % len(scenario.workers)]
        client = User(host, port, cookies={"sessionid": worker.session_key})
        try:
            if scenario.prepare:
                scenario.prepare(client, worker)
        finally:
            ready.wait()
        go.wait()
        time.sleep(rng.uniform(0, think))  # do not all click at the same instant
        while time.monotonic() < window["end"]:
            response = scenario.step(client, worker, rng)
            finished = time.monotonic()
            ok = scenario.ok(response)
            with lock:
                made[0] += 1
            if window["start"] <= finished <= window["end"]:
                with lock:
                    samples.append(
                        {"ms": response.ms, "ok": ok, "sql_ms": response.sql_ms, "queries": response.queries}
                    )
                    if not ok and len(failures) < 5:
                        failures.append(f"HTTP {response.status}: {response.body[:200]!r}")
            if think:
                time.sleep(think * rng.uniform(0.5, 1.5))
        client.close()

    threads = [threading.Thread(target=simulated_user, args=(i,), daemon=True) for i in range(users)]
    for thread in threads:
        thread.start()
    ready.wait()
    now = time.monotonic()
    window["start"], window["end"] = now + warmup, now + warmup + seconds
    go.set()
    for thread in threads:
        thread.join(timeout=warmup + seconds + 120)
    return samples, seconds, failures, made[0]
