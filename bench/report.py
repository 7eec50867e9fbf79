"""The printed table and the recorded JSON (bench/results/<date>-<commit>.json)."""

from __future__ import annotations

import datetime
import json
import os
import platform
import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS_DIR = BASE_DIR / "bench" / "results"


def commit() -> dict:
    def git(*args):
        return subprocess.run(["git", *args], cwd=BASE_DIR, capture_output=True, text=True).stdout.strip()

    return {
        "sha": git("rev-parse", "HEAD"),
        "short": git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def machine() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    memory = ""
    try:
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split(":")[1].strip()
    except OSError:
        pass
    return {
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "postgresql": postgres,
    }


def verdict(scenario: dict) -> str:
    """met / MISSED against the p95 target and the query limit."""
    reasons = []
    if scenario.get("unavailable"):
        return "not available"
    if scenario["errors"]:
        reasons.append(f"{scenario['errors']} errors")
    if scenario["target_p95_ms"] is not None and (
        scenario["p95_ms"] is None or scenario["p95_ms"] > scenario["target_p95_ms"]
    ):
        reasons.append("p95 over target")
    if scenario["queries_max"] is not None and scenario["queries_max"] > scenario["query_limit"]:
        reasons.append("over the query limit")
    if reasons:
        return "MISSED: " + ", ".join(reasons)
    return "met" if scenario["target_p95_ms"] is not None else "met (query limit; no p95 target)"


def _cell(value, unit=""):
    return "-" if value is None else f"{value}{unit}"


def print_table(result: dict) -> None:
    header = [
        "scenario",
        "requests",
        "err",
        "p50",
        "p95",
        "max",
        "req/s",
        "SQL p50",
        "SQL p95",
        "app CPU/req",
        "DB CPU/req",
        "queries p50/max",
        "target p95",
        "result",
    ]
    rows = [header]
    for s in result["scenarios"]:
        if s.get("unavailable"):
            rows.append(
                [s["name"], *["-"] * 11, _cell(s["target_p95_ms"], " ms"), "not available: " + s["unavailable"]]
            )
            continue
        rows.append(
            [
                s["name"],
                str(s["requests"]),
                str(s["errors"]),
                _cell(s["p50_ms"]),
                _cell(s["p95_ms"]),
                _cell(s["max_ms"]),
                _cell(s["throughput_rps"]),
                _cell(s["sql_p50_ms"]),
                _cell(s["sql_p95_ms"]),
                _cell(s.get("app_cpu_ms_per_request")),
                _cell(s.get("db_cpu_ms_per_request")),
                f"{_cell(s.get('queries_p50'))}/{_cell(s['queries_max'])}",
                _cell(s["target_p95_ms"], " ms"),
                s["result"],
            ]
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    print(
        f"\nPages: {result['config']['users']} concurrent users, {result['config']['seconds']} s each, "
        f"think time {result['config']['think_s']} s (times in ms)"
    )
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    if result.get("capacity"):
        from bench.capacity import describe

        print("\n".join(describe(result["capacity"])))
    for section in ("returns", "data_quality"):
        for item in result.get(section, []):
            print(f"{section}: " + ", ".join(f"{k}={v}" for k, v in item.items()))
    if result.get("board_pack"):
        print("board_pack: " + ", ".join(f"{k}={v}" for k, v in result["board_pack"].items()))
    if result.get("snapshots"):
        print("snapshots: " + ", ".join(f"{k}={v}" for k, v in result["snapshots"].items()))
    if result.get("indicators"):
        timing = result["indicators"]
        print(f"indicators live at {timing['as_of']} (target {timing['target_s']} s each): {timing['result']}")
        for row in timing["indicators"]:
            print(f"  {row['code']:45s} {row['seconds']:6.2f} s  {row['result']}")


def write(result: dict, directory: Path = RESULTS_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    day = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    path = directory / f"{day}-{result['commit']['short']}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path


def markdown(result: dict) -> str:
    """The results as the README's table: `python -m bench.report bench/results/<file>.json`."""
    lines = [
        "| page | requests | p50 ms | p95 ms | max ms | req/s | SQL p50 / p95 ms | CPU ms/req app / DB | queries p50 / max | target p95 | result |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in result["scenarios"]:
        if s.get("unavailable"):
            lines.append(
                f"| {s['label']} | - | - | - | - | - | - | - | - | {_cell(s['target_p95_ms'], ' ms')} | not available: {s['unavailable']} |"
            )
            continue
        lines.append(
            f"| {s['label']} | {s['requests']} | {_cell(s['p50_ms'])} | {_cell(s['p95_ms'])} | {_cell(s['max_ms'])} | "
            f"{_cell(s['throughput_rps'])} | {_cell(s['sql_p50_ms'])} / {_cell(s['sql_p95_ms'])} | "
            f"{_cell(s.get('app_cpu_ms_per_request'))} / {_cell(s.get('db_cpu_ms_per_request'))} | "
            f"{_cell(s.get('queries_p50'))} / {_cell(s['queries_max'])} | {_cell(s['target_p95_ms'], ' ms')} | {s['result']} |"
        )
    found = result.get("capacity")
    if found and not found.get("unavailable"):
        lines.append("")
        lines.append(
            f"Capacity ({found['label']}, p95 target {found['target_p95_ms']} ms): "
            f"{_cell(found['capacity_rps'])} requests/s at {_cell(found['capacity_users'])} users; "
            f"p95 passed the target at {_cell(found['passed_target_at_users'])} users."
        )
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(markdown(json.loads(Path(sys.argv[1]).read_text())))
