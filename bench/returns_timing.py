"""Timing of the statutory returns builds, and of our data-quality checks beside the DfE's
validators on the same files.

Runs in-process on the benchmark's database after the server has stopped, so each build has
the machine to itself (apart from whatever else the machine is doing). Each part reports
"not available" with the reason when the code it times is not on this branch, rather than
failing the whole benchmark.

Target (returns issue): each of the three returns for the large authority builds in at most
10 seconds on this machine.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import json
import shutil
import subprocess
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BUILD_TARGET_S = 10.0


def collection_year(today: datetime.date | None = None) -> int:
    """The latest complete collection year: the one that ended on the last 31 March."""
    today = today or datetime.date.today()
    return today.year if today >= datetime.date(today.year, 3, 31) else today.year - 1


def _function(module: str, name: str):
    """(the function, "") or (None, why it cannot be had)."""
    try:
        found = importlib.import_module(module)
    except ImportError as error:
        if error.name == module:
            return None, f"{module} is not on this branch"
        return None, f"{module} cannot be imported: {error}"
    if not hasattr(found, name):
        return None, f"{module}.{name} is not on this branch"
    return getattr(found, name), ""


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def _build(name, module, function, out, year, *, when=None) -> dict:
    """Time one builder. `when` is what it is given as its first argument: the collection year,
    or (Annex A) the date the lists are drawn up on."""
    fn, why = _function(module, function)
    if fn is None:
        return {"name": name, "result": "not available", "why": why}
    when = year if when is None else when
    seconds, counts = _timed(fn, when, out)
    return {
        "name": name,
        "year": year,
        "as_of": str(when),
        "seconds": round(seconds, 2),
        "target_s": BUILD_TARGET_S,
        "result": "met" if seconds <= BUILD_TARGET_S else "MISSED",
        "counts": _jsonable(counts),
        "output": str(out),
    }


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (int, float, str, type(None))):
        return value
    return str(value)


def _validator(name, venv: Path, script: str, args: list[str], timeout: float) -> dict:
    """Run one of the DfE's validators through the project's runner (validators/), which prints
    what it found as JSON, in the validator's own environment. On the large authority the CIN
    validator ran for over 14 minutes without finishing, so each run is bounded: past `timeout`
    it is stopped and reported unfinished, with how long it was given."""
    python, runner = venv / "bin" / "python", BASE_DIR / "validators" / script
    if not runner.exists():
        return {"name": name, "result": "not available", "why": f"validators/{script} is not on this branch"}
    if not python.exists():
        return {
            "name": name,
            "result": "not available",
            "why": f"{venv.name} is missing (validators/README.md says how it is made)",
        }
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [str(python), str(runner), *args], cwd=BASE_DIR, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return {
            "name": name,
            "result": "unfinished",
            "seconds": round(time.perf_counter() - start, 2),
            "why": f"stopped after the {timeout:.0f} s it was given (--validator-timeout)",
        }
    seconds = time.perf_counter() - start
    entry = {"name": name, "seconds": round(seconds, 2), "exit_code": done.returncode}
    if done.returncode != 0:
        entry["result"] = "failed"
        entry["stderr_tail"] = done.stderr[-500:]
        return entry
    try:
        found = json.loads(done.stdout)
        entry["issues"] = len(found.get("issues", []))
        entry["crashed_rules"] = len(found.get("crashed", []))
    except ValueError:
        entry["result"] = "failed"
        entry["stdout_tail"] = done.stdout[-500:]
    return entry


def _check_all(year) -> dict:
    fn, why = _function("data_quality.services", "check_all")
    if fn is None:
        return {"name": "check_all", "result": "not available", "why": why}
    params = inspect.signature(fn).parameters
    kwargs = {"year": year} if "year" in params else {}
    seconds, run = _timed(fn, **kwargs)
    counts = getattr(run, "counts", None) or {}
    return {
        "name": "check_all",
        "year": year,
        "seconds": round(seconds, 2),
        "problems": sum(counts.values()),
        "children_with_problems": getattr(run, "children", None),
    }


def _la_code() -> str:
    """The authority's ONS code, which some of the validator's postcode rules compare."""
    try:
        from returns.tests.validators import LA_ONS_CODE
    except ImportError:
        return "E08000025"
    return LA_ONS_CODE


def measure(out_dir: Path, validator_timeout: float = 600) -> tuple[list[dict], list[dict]]:
    year = collection_year()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    cin_file, ssda_dir = out_dir / f"cin_census_{year}.xml", out_dir / "ssda903"
    builds = [
        _build("cin_census", "returns.cin_census", "build_cin_census", cin_file, year),
        _build("ssda903", "returns.ssda903", "build_ssda903", ssda_dir, year),
        # Annex A is drawn up for an inspection: the lists as at today, over the last 12 months.
        _build(
            "annex_a", "returns.annex_a", "build_annex_a", out_dir / "annex_a.xlsx", year, when=datetime.date.today()
        ),
    ]
    quality = [_check_all(year)]
    validators = []
    rules = f"{year - 1}_{year % 100:02d}"  # 2025_26 for the year ending March 2026
    if cin_file.exists():
        validators.append(
            _validator(
                "cin_validator", BASE_DIR / ".venv-cin", "run_cin.py", [str(cin_file), f"cin{rules}"], validator_timeout
            )
        )
    year_dir, previous_dir = ssda_dir / str(year), ssda_dir / str(year - 1)
    if year_dir.exists():
        validators.append(
            _validator(
                "lac_validator",
                BASE_DIR / ".venv-903",
                "run_903.py",
                [
                    str(year_dir),
                    str(previous_dir) if previous_dir.exists() else "-",
                    str(year),
                    f"lac{rules}",
                    _la_code(),
                ],
                validator_timeout,
            )
        )
    quality.extend(validators)
    ours = quality[0].get("seconds")
    theirs = [v["seconds"] for v in validators if v.get("exit_code") == 0]
    if ours is not None and theirs and len(theirs) == len(validators):
        quality.append(
            {
                "name": "ratio",
                "ours_s": ours,
                "validators_s": round(sum(theirs), 2),
                "ours_over_validators": round(ours / sum(theirs), 3),
            }
        )
    else:
        quality.append(
            {
                "name": "ratio",
                "result": "not available",
                "why": "needs our check_all() and both validators to have run on the same files",
            }
        )
    return builds, quality
