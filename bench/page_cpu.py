"""The application's CPU per page, in a few seconds and without the large authority.

    .venv/bin/python -m bench.page_cpu [-n 20] [--profile var/page_cpu.prof] [--fresh]

`make bench` measures throughput on the large authority through gunicorn; that takes half an hour
and mixes PostgreSQL's time with ours. This measures only the Python side: the demo authority is
loaded once into a database of its own (`opencsc_pagecpu`, kept between runs, made from
tests/schema.sql like the test databases), then a social worker and a team manager request the
pages the bench times through Django's test client, N times each, and the median process CPU time
(time.process_time: this process only, so PostgreSQL's work is left out) and the query count of
each page are printed. `--profile` writes a cProfile of the measured requests for pstats or
snakeviz. Figures move with the machine's load: compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

DATABASE = "opencsc_pagecpu"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencsc.settings")
    import django

    django.setup()
    # Not django.test.utils.setup_test_environment(): it wraps every template render in a signal
    # on which the test client copies the context, work a server never does. The development
    # settings already allow the test client's host name.


def _as_owner(connection) -> None:
    """The tables' owner, as the tests and `migrate` connect (conftest.django_db_modify_db_settings)."""
    from django.conf import settings

    from opencsc.database import OWNER, database_settings

    owner = database_settings(settings.BASE_DIR, role=OWNER)
    connection.close()
    for key in ("USER", "PASSWORD", "HOST", "PORT"):
        connection.settings_dict[key] = owner[key]


def _database(fresh: bool) -> None:
    """Point the default connection at the measuring database, building it (schema and demo) if
    it is not there or `fresh`."""
    from django.db import connection

    from tests import db_template, schema

    _as_owner(connection)
    if fresh or not db_template._exists(connection, DATABASE):
        db_template.drop(connection, DATABASE)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(DATABASE)}")
        connection.settings_dict["TEST"]["NAME"] = DATABASE
        loaded = schema.load(connection, DATABASE)
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=True)
        if loaded:
            schema.make_dated_seeds()
        _load_demo()
    else:
        db_template.use(connection, DATABASE)


def _load_demo() -> None:
    from caseloads.testing import seed_configuration
    from synthetic.demo import load_demo
    from timescales.testing import ensure_bank_holidays

    ensure_bank_holidays()
    seed_configuration()
    load_demo()


def _pages():
    """(label, who, url) for each page the bench times, as the people who use them."""
    from django.db import models

    from people.models import Person
    from synthetic import demo
    from workforce.models import User
    from workforce.roles import Role

    people = {u.role: User.objects.get(username=u.username) for u in demo.sign_ins()}
    worker, manager = people[Role.SOCIAL_WORKER], people[Role.TEAM_MANAGER]
    # The worker's child with the longest record: the heaviest summary and chronology.
    child = (
        Person.objects.live()
        .children()
        .filter(current_worker=worker)
        .annotate(lines=models.Count("chronology"))
        .order_by("-lines", "pk")[0]
        .pk
    )
    return [
        ("case summary", worker, f"/people/{child}/"),
        ("chronology", worker, f"/people/{child}/chronology/"),
        ("my work", worker, "/my-work/"),
        ("my team", manager, "/my-team/"),
        ("tray: decisions", manager, "/decisions/"),
        ("search", worker, "/people/search/?name=smith"),
        ("performance", manager, "/performance/indicators/"),
    ]


def measure(n: int, profile_path: str | None, only: str = "") -> list[dict]:
    import cProfile

    from django.db import connection
    from django.test import Client

    from core.sql_timing import _Timer

    results = []
    # Timed by CPU, like the figures: time spent waiting for PostgreSQL is not ours to cut here.
    profiler = cProfile.Profile(time.process_time) if profile_path else None
    for label, user, url in _pages():
        if only and only not in label:
            continue
        client = Client()
        client.force_login(user)
        first = client.get(url)  # warm: templates compiled, caches filled, as in a running server
        if first.status_code != 200:
            raise SystemExit(f"{label}: {url} answered {first.status_code} for {user.username}")
        # Statements sent through a cursor, as `make bench` counts them (core.sql_timing).
        queries = _Timer()
        with connection.execute_wrapper(queries):
            client.get(url)
        if profiler:
            profiler.enable()
        times = []
        for _ in range(n):
            started = time.process_time()
            client.get(url)
            times.append(time.process_time() - started)
        # The median: other work on a shared machine inflates some requests (caches, preemption).
        cpu = statistics.median(times)
        if profiler:
            profiler.disable()
        results.append(
            {
                "page": label,
                "url": url,
                "cpu_ms": round(cpu * 1000, 1),
                "queries": queries.queries,
                "bytes": len(first.content),
            }
        )
    if profiler:
        profiler.dump_stats(profile_path)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="requests per page (default 20)")
    parser.add_argument("--profile", help="write a cProfile of the measured requests here")
    parser.add_argument("--page", default="", help="only the pages whose label contains this")
    parser.add_argument("--fresh", action="store_true", help="rebuild the measuring database")
    args = parser.parse_args(argv)
    _setup_django()
    _database(args.fresh)
    results = measure(args.n, args.profile, args.page)
    width = max(len(r["page"]) for r in results)
    for r in results:
        print(f"{r['page']:<{width}}  {r['cpu_ms']:7.1f} ms CPU  {r['queries']:3d} queries  {r['bytes']:7d} bytes")
    mean = sum(r["cpu_ms"] for r in results) / len(results)
    print(f"{'mean of the pages':<{width}}  {mean:7.1f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
