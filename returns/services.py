"""Building a statutory return and recording that it was built.

Every export, from the web page or from `manage.py export_return`, is a ReturnExport row (audited:
who, what, when, with its outcome). From the web page the build is a job on the queue (returns/
tasks.py), saved in the same transaction as the row and run by the job worker, so a restart of
the web server loses nothing; its progress is written to the row through a connection of its
own (the build itself reads in one read-only snapshot transaction), so the page can poll it.
"""

from __future__ import annotations

import getpass
import logging
import os
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DEFAULT_DB_ALIAS, connections, transaction

from access.capabilities import Capability, may, require
from core import clock
from jobs.queue import defer
from returns.annex_a import build_annex_a
from returns.cin_census import build_cin_census
from returns.models import ExportStatus, ReturnExport, ReturnKind
from returns.output import OutputError, Progress
from returns.periods import PeriodError, parse_date, parse_year
from returns.ssda903 import build_ssda903

logger = logging.getLogger(__name__)

FILE_NAMES = {
    ReturnKind.CIN: "cin-census-{year}.xml",
    ReturnKind.SSDA903: "ssda903-{year}.zip",
    ReturnKind.ANNEX_A: "annex-a-{as_of}.xlsx",
}
# The queue's name for the build (returns/tasks.py runs it).
EXPORT_TASK = "returns.build_export"

CONTENT_TYPES = {
    ReturnKind.CIN: "application/xml",
    ReturnKind.SSDA903: "application/zip",
    ReturnKind.ANNEX_A: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def can_export(user) -> bool:
    """QA and performance officers and senior leaders run the returns (access.capabilities,
    RUN_RETURNS): a capability for the whole authority, not about one child."""
    return may(user, Capability.RUN_RETURNS)


def exports_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "returns"


def build(kind: str, *, year=None, as_of=None, months: int = 12, out, progress: Progress = None) -> dict:
    """Run one builder. For the SSDA903, `out` is a folder and the previous year comes too."""
    if kind == ReturnKind.CIN:
        return build_cin_census(year, out, progress)
    if kind == ReturnKind.SSDA903:
        return {str(y): c for y, c in build_ssda903(year, out, progress).items()}
    if kind == ReturnKind.ANNEX_A:
        return build_annex_a(as_of, out, progress, months=months)
    raise ValueError(f"Unknown return {kind!r}")


def parse_period(kind: str, *, year=None, as_of=None, months=12) -> dict:
    """Check what the user gave for the return they chose; PeriodError says what is wrong."""
    today = clock.today()
    if kind not in ReturnKind.values:
        raise PeriodError(f"Choose a return: {', '.join(ReturnKind.values)}")
    if kind == ReturnKind.ANNEX_A:
        if as_of in (None, ""):
            raise PeriodError("Give the date the period ends, such as 2026-03-31")
        try:
            months = int(months)
        except (TypeError, ValueError):
            raise PeriodError(f"Months must be a whole number from 1 to 24, not {months!r}") from None
        if not 1 <= months <= 24:
            raise PeriodError(f"Months must be a whole number from 1 to 24, not {months}")
        return {"as_of": parse_date(as_of, today=today), "months": months}
    if year in (None, ""):
        raise PeriodError("Give the collection year, such as 2026 (the year ending 31 March 2026)")
    return {"year": parse_year(year, today=today).year}


# --- From the web page ---------------------------------------------------------------------


@transaction.atomic
def export_request(*, actor, kind: str, year=None, as_of=None, months=12) -> ReturnExport:
    """A QA officer or senior leader asks for a return; the job worker builds it."""
    require(actor, Capability.RUN_RETURNS)
    field = "as_of" if kind == ReturnKind.ANNEX_A else "year"
    try:
        period = parse_period(kind, year=year, as_of=as_of, months=months)
    except PeriodError as error:
        raise ValidationError({"months" if "Months" in str(error) else field: str(error)}) from None
    export = ReturnExport.objects.create(kind=kind, requested_by=actor, requested_via="web", **period)
    defer(EXPORT_TASK, export_id=export.pk)  # in this transaction: the row and its job, or neither
    return export


class ExportAttemptFailed(Exception):
    """One attempt failed and another will follow (the queue tries again)."""


class _ProgressWriter:
    """Writes progress to the row through its own autocommitted connection, at most twice a
    second, because the build's own connection is inside a read-only snapshot."""

    def __init__(self, export_id: int, check=None):
        self.export_id = export_id
        self.check = check
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if self.check is not None:
            self.check()  # the job worker may have asked this build to stop (past its time limit)
        now = time.monotonic()
        if done < total and now - self.last < 0.5:
            return
        self.last = now
        with self.connection.cursor() as cursor:
            cursor.execute(
                "UPDATE returns_returnexport SET done = %s, total = %s WHERE id = %s", [done, total, self.export_id]
            )

    def close(self) -> None:
        self.connection.close()


def export_run(export_id: int, *, attempt: int = 1, attempts: int = 1, check=None) -> ReturnExport:
    """Build the return a ReturnExport asked for, into the exports folder, and record the outcome.

    The job worker passes which attempt this is: a failure before the last attempt puts the
    export back to waiting, saying why, and raises ExportAttemptFailed so the queue tries again.
    An export already finished (or given up on by the watchdog) is left as it is."""
    export = ReturnExport.objects.get(pk=export_id)
    started = ReturnExport.objects.filter(pk=export.pk, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]).update(
        status=ExportStatus.RUNNING, started_at=clock.now(), done=0, total=0
    )
    if not started:
        return export
    running = ReturnExport.objects.filter(pk=export.pk, status=ExportStatus.RUNNING)
    folder = exports_root() / str(export.pk)
    name = FILE_NAMES[export.kind].format(year=export.year, as_of=export.as_of)
    progress = _ProgressWriter(export.pk, check)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if export.kind == ReturnKind.SSDA903:
            counts = build(export.kind, year=export.year, out=folder / "tables", progress=progress)
            _zip_folder(folder / "tables", folder / name)
            shutil.rmtree(folder / "tables", ignore_errors=True)
        else:
            counts = build(
                export.kind,
                year=export.year,
                as_of=export.as_of,
                months=export.months or 12,
                out=folder / name,
                progress=progress,
            )
    except Exception as error:  # recorded on the row for the user; the log has the traceback
        logger.exception("return export failed", extra={"export_id": export.pk, "attempt": attempt})
        if not running.exists():
            raise  # given up on meanwhile (the job worker's watchdog): the row already says why
        if attempt < attempts:
            running.update(
                status=ExportStatus.QUEUED,
                error=f"Attempt {attempt} of {attempts} failed ({str(error)[:1500]}). "
                "It will be tried again in a few minutes.",
            )
            raise ExportAttemptFailed(str(error)) from error
        running.update(status=ExportStatus.FAILED, finished_at=clock.now(), error=str(error)[:2000])
    else:
        running.update(
            status=ExportStatus.DONE, finished_at=clock.now(), counts=counts, output=f"{export.pk}/{name}", error=""
        )
    finally:
        progress.close()
    export.refresh_from_db()
    return export


def export_given_up(export_id: int, message: str) -> None:
    """The job worker's watchdog gave up on this export's build (its worker stopped too often, or
    it ran past its limit): the page says so, and why, instead of "running" for ever."""
    ReturnExport.objects.filter(pk=export_id, status__in=[ExportStatus.QUEUED, ExportStatus.RUNNING]).update(
        status=ExportStatus.FAILED, finished_at=clock.now(), error=message
    )


def _zip_folder(source: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(source.rglob("*.csv")):
            archive.write(path, path.relative_to(source))


def export_file(export: ReturnExport) -> Path | None:
    if export.status != ExportStatus.DONE or not export.output:
        return None
    path = exports_root() / export.output
    return path if path.is_file() else None


# --- From the command ---------------------------------------------------------------------


def check_writable(kind: str, out) -> None:
    """Refuse an output the build could not write, before any work is done."""
    target = Path(out)
    if kind == ReturnKind.SSDA903:
        existing = next((p for p in [target, *target.parents] if p.exists()), None)
        if existing is None or not existing.is_dir() or not _writable(existing):
            raise OutputError(f"Cannot write to {target}: not a folder this account can write to")
        return
    parent = target.parent
    if target.is_dir():
        raise OutputError(f"Cannot write {target}: it is a folder; give a file name")
    if not parent.is_dir():
        raise OutputError(f"Cannot write {target}: the folder {parent} does not exist")
    if not _writable(parent) or (target.exists() and not _writable(target)):
        raise OutputError(f"Cannot write {target}: permission denied")


def _writable(path: Path) -> bool:
    """Try it: os.access says yes to root for places such as /proc that refuse new files."""
    if path.is_dir():
        try:
            with tempfile.TemporaryFile(dir=path):
                return True
        except OSError:
            return False
    return os.access(path, os.W_OK)


def export_from_command(kind: str, *, period: dict, out, progress: Progress = None) -> ReturnExport:
    """Build a return for `manage.py export_return`, recorded like a web export (the account
    that ran the command stands for the user)."""
    with transaction.atomic():
        export = ReturnExport.objects.create(
            kind=kind,
            requested_via="command",
            command_user=_os_user(),
            status=ExportStatus.RUNNING,
            started_at=clock.now(),
            output=str(out)[:500],
            **period,
        )
    try:
        counts = build(
            kind,
            year=period.get("year"),
            as_of=period.get("as_of"),
            months=period.get("months", 12),
            out=out,
            progress=progress,
        )
    except BaseException as error:
        ReturnExport.objects.filter(pk=export.pk).update(
            status=ExportStatus.FAILED, finished_at=clock.now(), error=str(error)[:2000] or type(error).__name__
        )
        raise
    ReturnExport.objects.filter(pk=export.pk).update(status=ExportStatus.DONE, finished_at=clock.now(), counts=counts)
    export.refresh_from_db()
    return export


def _os_user() -> str:
    try:
        return getpass.getuser()[:100]
    except (KeyError, OSError):
        return "unknown"
