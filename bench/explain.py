"""The slowest SQL of each measured page, with its plan: where to look when a page misses.

    OPENCSC_DB_NAME=opencsc_bench .venv/bin/python -m bench.explain [--top 2]

Requests each page in-process (Django's test client, signed in as the same staff the benchmark
uses), captures its queries, and runs EXPLAIN (ANALYZE, BUFFERS) on the slowest SELECTs.
Read-only apart from what opening a page writes anyway (the read log, the session).
"""

from __future__ import annotations

import argparse
import os
import random


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(prog="bench.explain")
    parser.add_argument("--top", type=int, default=2, help="how many of each page's slowest queries")
    parser.add_argument("--name", default="", help="a name to search for (default: one from the authority)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencsc.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench import data

    rng = random.Random(1)
    worker = data.social_workers(1, rng=rng)[0]
    manager = data.managers(1)
    searcher = data.searchers(1) or [worker]
    name = args.name or data.names_to_search(1, rng=rng)[0]

    def client_for(w):
        client = Client()
        client.cookies["sessionid"] = w.session_key
        return client

    pages = [
        ("case summary", client_for(worker), f"/people/{worker.children[0]}/"),
        ("chronology", client_for(worker), f"/people/{worker.children[0]}/chronology/"),
        (f"search {name!r}", client_for(searcher[0]), "/people/search/?" + _query(name)),
        ("my work", client_for(worker), "/my-work/"),
    ]
    if manager:
        pages.append(("my team", client_for(manager[0]), "/my-team/"))
    for label, client, path in pages:
        client.get(path)  # warm the caches, as a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        # Reads only: a write carries pghistory's context as "SELECT set_config(...); INSERT ...",
        # and EXPLAIN ANALYZE of that would run the INSERT.
        queries = [
            q
            for q in captured.captured_queries
            if q["sql"].lstrip().upper().startswith("SELECT") and "set_config(" not in q["sql"]
        ]
        total = sum(float(q["time"]) for q in captured.captured_queries) * 1000
        print(
            f"\n=== {label} ({path}): HTTP {response.status_code}, {len(captured.captured_queries)} queries, {total:.1f} ms of SQL"
        )
        for query in sorted(queries, key=lambda q: -float(q["time"]))[: args.top]:
            print(f"\n--- {float(query['time']) * 1000:.1f} ms: {query['sql'][:300]}")
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query["sql"])
                print("\n".join(row[0] for row in cursor.fetchall()))


def _query(name: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"name": name})


if __name__ == "__main__":
    main()
