"""Capacity: how many case summaries a second this machine serves before the page gets slow.

The pages are measured at a fixed number of users; this run raises the number of simulated
users step by step (the same people at their desks, each clicking about once a second) until
the case summary's p95 passes its target (150 ms), and reports the requests per second there.
The figure that matters is the throughput of the last step still within the target: what the
machine serves with the page still fast. The step that passed it is kept beside it, so the
knee of the curve can be seen.
"""

from __future__ import annotations

# Users per step: dense where a two-core machine turns (tens of users), wider beyond.
STEPS = (10, 20, 40, 60, 80, 100, 120, 150, 180, 220, 260, 300)


def levels(start: int, most: int) -> list[int]:
    """The user counts to try, from `start` up to `most`."""
    chosen = [n for n in STEPS if start <= n <= most]
    return chosen or [start]


def run(scenario, measure, *, start: int, most: int) -> dict:
    """measure(scenario, users) -> the scenario's entry (as bench.run._measure makes it).
    Stops at the first step whose p95 is over the target, or that fails requests."""
    target = scenario.target_p95_ms
    result = {"scenario": scenario.name, "label": scenario.label, "target_p95_ms": target, "steps": []}
    if scenario.unavailable:
        return {**result, "unavailable": scenario.unavailable}
    for users in levels(start, most):
        entry = measure(scenario, users)
        step = {
            "users": users,
            **{
                k: entry.get(k)
                for k in (
                    "requests",
                    "errors",
                    "throughput_rps",
                    "p50_ms",
                    "p95_ms",
                    "app_cpu_ms_per_request",
                    "db_cpu_ms_per_request",
                    "load_average",
                )
            },
        }
        result["steps"].append(step)
        if over(step, target):
            break
    return summarise(result)


def over(step: dict, target: float) -> bool:
    return bool(step["errors"]) or step["p95_ms"] is None or step["p95_ms"] > target


def summarise(result: dict) -> dict:
    """Add the capacity (requests per second of the last step within the target) and the step
    where the p95 passed the target (None when it never did, up to the most users tried)."""
    target = result["target_p95_ms"]
    within = [s for s in result["steps"] if not over(s, target)]
    passed = next((s for s in result["steps"] if over(s, target)), None)
    result["capacity_rps"] = within[-1]["throughput_rps"] if within else None
    result["capacity_users"] = within[-1]["users"] if within else None
    result["passed_target_at_users"] = passed["users"] if passed else None
    result["rps_when_passed"] = passed["throughput_rps"] if passed else None
    return result


def describe(result: dict) -> list[str]:
    """The printed lines."""
    if result.get("unavailable"):
        return [f"capacity ({result['label']}): not available: {result['unavailable']}"]
    lines = [f"\nCapacity: {result['label']}, users raised until p95 passes {result['target_p95_ms']} ms"]
    lines.append("  users  requests  err  req/s   p50     p95     app CPU/req  DB CPU/req")
    for s in result["steps"]:
        lines.append(
            f"  {s['users']:<5}  {s['requests']:<8}  {s['errors']:<3}  {_cell(s['throughput_rps']):<6}  "
            f"{_cell(s['p50_ms']):<6}  {_cell(s['p95_ms']):<6}  {_cell(s['app_cpu_ms_per_request']):<11}  "
            f"{_cell(s['db_cpu_ms_per_request'])}"
        )
    if result["capacity_rps"] is None:
        lines.append("  capacity: none (the first step was already over the target)")
    else:
        lines.append(
            f"  capacity: {result['capacity_rps']} requests/s at {result['capacity_users']} users with p95 "
            f"within {result['target_p95_ms']} ms"
        )
    if result["passed_target_at_users"] is None:
        lines.append("  the p95 stayed within the target at every step tried")
    else:
        lines.append(
            f"  p95 passed the target at {result['passed_target_at_users']} users "
            f"({result['rps_when_passed']} requests/s)"
        )
    return lines


def _cell(value) -> str:
    return "-" if value is None else str(value)
