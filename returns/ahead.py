"""Reading a build's lists ahead of writing them, on other connections that share the build's
snapshot.

Annex A on the large authority is about 4 s of PostgreSQL running the lists' queries and 6 s of
this process making and writing rows, one after the other. Here two threads, each with its own
connection, take the lists in turn and read each one (the query, and the rows made from it)
ahead of the caller, who writes them in order: the database's work overlaps the making and the
writing of rows, PostgreSQL on one core and this process on the other (a thread waiting on its
socket releases the GIL).

Each thread's connection imports the build's snapshot (pg_export_snapshot / SET TRANSACTION
SNAPSHOT), so every connection sees exactly the same committed state of the record, as one
connection would. Inside a transaction already (the tests), another connection could not see
that transaction's rows, so the lists are read on the caller's connection, in turn.

    with snapshot() as own, read_ahead(jobs, own_snapshot=own) as lists:  # jobs: [(name, make_rows)]
        for name, rows in lists:          # rows: a list, already read
            ...
"""

from __future__ import annotations

import contextlib
import queue
import re
import threading
from collections.abc import Callable, Iterable, Iterator

from django.db import connection, transaction

Job = tuple[str, Callable[[], Iterable[list]]]
_SNAPSHOT_ID = re.compile(r"^[0-9A-Fa-f-]+$")
# One list waiting beside the one being written and the one being read: the large authority's
# biggest list is about 70,000 rows, so memory stays at a few of them at most.
_WAITING = 1
# Two connections reading: one list's query runs while the other list's rows are being made.
READERS = 2


@contextlib.contextmanager
def read_ahead(jobs: list[Job], *, own_snapshot: bool) -> Iterator[Iterator[tuple[str, list]]]:
    """Call inside returns.output.snapshot(), giving what it yielded: whether the snapshot is a
    transaction of its own (else it is the caller's transaction, whose rows another connection
    cannot see, and the lists are read here in turn)."""
    if not own_snapshot:
        yield ((name, list(make())) for name, make in jobs)
        return
    lists = _ahead(jobs, _export_snapshot())
    try:
        yield lists
    finally:
        lists.close()  # stops and waits for the thread, whether or not every list was taken


def _export_snapshot() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_export_snapshot()")
        return cursor.fetchone()[0]


def _ahead(jobs: list[Job], snapshot_id: str) -> Iterator[tuple[str, list]]:
    if not _SNAPSHOT_ID.match(snapshot_id):  # it goes into SQL as text: SET takes no parameters
        raise ValueError(f"unexpected snapshot id {snapshot_id!r}")
    # Reader r reads jobs r, r + READERS, ...: while one shapes its list's rows (Python, holding
    # the GIL) the other's query runs in PostgreSQL, so the database is seldom left waiting.
    slots: list[queue.Queue] = [queue.Queue(maxsize=_WAITING) for _ in range(READERS)]
    stop = threading.Event()

    def put(slot: queue.Queue, item) -> bool:
        while not stop.is_set():
            try:
                slot.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def work(reader: int) -> None:
        slot = slots[reader]
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot_id}'")
                for name, make in jobs[reader::READERS]:
                    if stop.is_set() or not put(slot, (name, list(make()))):
                        return
        except BaseException as error:  # handed to the writer, which raises it as its own
            put(slot, error)
        finally:
            connection.close()  # this thread's connection: nothing else will use it

    threads = [threading.Thread(target=work, args=(r,), name=f"read-ahead-{r}", daemon=True) for r in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for i in range(len(jobs)):
            item = slots[i % READERS].get()
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        for thread in threads:
            thread.join()
