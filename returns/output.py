"""What every builder shares: one consistent snapshot of the record, output files that appear
whole or not at all, progress, and reading children in chunks.

Progress is a callable `progress(done, total)` (children processed so far, of how many); the
command prints it, the web page writes it to the ReturnExport row, the benchmark ignores it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from django.db import connection, transaction
from django.db.models.expressions import RawSQL

Progress = Callable[[int, int], None] | None

# Children per round of queries: each chunk costs one query per table, and holds only that
# chunk's rows in memory while its part of the file is written.
CHUNK = 2000


class OutputError(OSError):
    """The output cannot be written there; the message is for the user."""


@contextlib.contextmanager
def snapshot():
    """Every query of one build sees the same committed state of the database, even while
    social workers keep recording: a repeatable-read, read-only transaction. (Inside a
    transaction already, as in the tests, that transaction is the snapshot.) Yields whether the
    snapshot is a transaction of its own, which a second connection can share (returns.ahead)."""
    outer = connection.in_atomic_block
    with transaction.atomic():
        if not outer:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield not outer


@contextlib.contextmanager
def atomic_file(path, mode: str = "w", **open_kwargs) -> Iterator:
    """Write to a temporary file beside `path` and move it into place only when the build
    finished, so a failed build never leaves half a return where the last good one was."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(f"Cannot write {target}: the folder {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".part")
    except OSError as error:
        raise OutputError(f"Cannot write {target}: {error.strerror or error}") from error
    try:
        with os.fdopen(fd, mode, **open_kwargs) as handle:
            yield handle
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def prepare_directory(path) -> Path:
    directory = Path(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"Cannot write to {directory}: {error.strerror or error}") from error
    if not os.access(directory, os.W_OK):
        raise OutputError(f"Cannot write to {directory}: permission denied")
    return directory


def among(ids: list[int]) -> RawSQL:
    """For `field__in=among(ids)`: a chunk's ids as one array parameter, not one parameter each.
    Two thousand parameters a query, each prepared by Django and spliced into the SQL text by
    psycopg, were over a third of the CIN census's time on the large authority."""
    return RawSQL("SELECT unnest(%s::bigint[])", (list(ids),))


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def by_child(rows: Iterable[dict], key: str = "child_id") -> defaultdict[int, list[dict]]:
    grouped: defaultdict[int, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row[key]].append(row)
    return grouped


def report(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
