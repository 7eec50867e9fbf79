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
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _timed(fn, *args, **kwargs):
    start = time.perf_counter()
    value = fn(*args, **kwargs)
    return time.perf_counter() - start, value


def _build(name, module, function, out, year) -> dict:
    fn = _function(module, function)
    if fn is None:
        return {"name": name, "result": "not available", "why": f"{module}.{function} is not on this branch"}
    seconds, counts = _timed(fn, year, out)
    return {"name": name, "year": year, "seconds": round(seconds, 2), "target_s": BUILD_TARGET_S,
            "result": "met" if seconds <= BUILD_TARGET_S else "MISSED", "counts": _jsonable(counts), "output": str(out)}


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (int, float, str, type(None))):
        return value
    return str(value)


def _validator(name, venv: Path, args: list[str]) -> dict:
    python = venv / "bin" / "python"
    if not python.exists():
        return {"name": name, "result": "not available", "why": f"{venv.name} is missing (the returns Makefile creates it)"}
    start = time.perf_counter()
    done = subprocess.run([str(python), *args], cwd=BASE_DIR, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    entry = {"name": name, "seconds": round(seconds, 2), "exit_code": done.returncode}
    if done.returncode != 0:
        entry["result"] = "failed"
        entry["stderr_tail"] = done.stderr[-500:]
    return entry


def _check_all(year) -> dict:
    fn = _function("data_quality.services", "check_all")
    if fn is None:
        return {"name": "check_all", "result": "not available", "why": "data_quality.services.check_all is not on this branch"}
    params = inspect.signature(fn).parameters
    kwargs = {"year": year} if "year" in params else {}
    seconds, run = _timed(fn, **kwargs)
    counts = getattr(run, "counts", None) or {}
    return {"name": "check_all", "year": year, "seconds": round(seconds, 2),
            "problems": sum(counts.values()), "children_with_problems": getattr(run, "children", None)}


def measure(out_dir: Path) -> tuple[list[dict], list[dict]]:
    year = collection_year()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    cin_file, ssda_dir, annex_dir = out_dir / f"cin_census_{year}.xml", out_dir / "ssda903", out_dir / "annex_a"
    builds = [
        _build("cin_census", "returns.cin_census", "build_cin_census", cin_file, year),
        _build("ssda903", "returns.ssda903", "build_ssda903", ssda_dir, year),
        _build("annex_a", "returns.annex_a", "build_annex_a", annex_dir, year),
    ]
    quality = [_check_all(year)]
    validators = []
    if cin_file.exists():
        validators.append(_validator("cin_validator", BASE_DIR / ".venv-cin",
                                     ["-m", "cin_validator", "run", str(cin_file), "-r", f"cin{year - 1}_{year % 100:02d}"]))
    year_dir = ssda_dir / str(year)
    if year_dir.exists():
        validators.append(_validator("lac_validator", BASE_DIR / ".venv-903",
                                     ["-m", "lac_validator", "run-offline", str(year_dir), "-r", f"lac{year - 1}_{year % 100:02d}"]))
    quality.extend(validators)
    ours = quality[0].get("seconds")
    theirs = [v["seconds"] for v in validators if v.get("exit_code") == 0]
    if ours is not None and theirs and len(theirs) == len(validators):
        quality.append({"name": "ratio", "ours_s": ours, "validators_s": round(sum(theirs), 2),
                        "ours_over_validators": round(ours / sum(theirs), 3)})
    else:
        quality.append({"name": "ratio", "result": "not available",
                        "why": "needs our check_all() and both validators to have run on the same files"})
    return builds, quality
