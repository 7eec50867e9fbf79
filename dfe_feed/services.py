"""The daily send of the DfE's children's social care data feed.

    send_daily_feed(full=False) -> FeedRun      what a schedule calls, once a day
    write_documents(out_dir) -> int              `manage.py dfe_feed --dry-run --out DIR`

A run stages every child in the cohort (payload.cohort): builds the document, hashes it and
compares the hash with the one the DfE last accepted. Only new and changed children are sent,
each as the changes since the accepted document (delta.partial), and children who have left the
cohort are sent once as a purge; `full=True` sends every child's whole document. Batches are
sent one at a time; each batch's outcome is saved in its own transaction, so a run cut short
keeps what the DfE already answered. A document the DfE rejects keeps the API's answer and is
sent again at the next run; the rejects page lists them (selectors.rejects).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core import clock
from dfe_feed import delta
from dfe_feed.client import Client, FeedError
from dfe_feed.models import FeedChild, FeedRun, RowState, SubmissionStatus
from dfe_feed.payload import build_documents, cohort, la_code, mis_child_id

logger = logging.getLogger(__name__)


def config() -> dict:
    return dict(settings.DFE_FEED)


@transaction.atomic
def stage(today=None) -> int:
    """Bring the staging table up to date with the record; returns the cohort's size."""
    today = today or clock.today()
    ids = cohort(today)
    existing = {row.mis_child_id: row for row in FeedChild.objects.select_for_update()}
    seen = set()
    for pk, document in build_documents(ids, today):
        key = mis_child_id(pk)
        seen.add(key)
        digest = delta.document_hash(document)
        row = existing.get(key)
        if row is None:
            FeedChild.objects.create(
                person_id=pk,
                la_child_id=document["la_child_id"],
                mis_child_id=key,
                payload=document,
                current_hash=digest,
            )
            continue
        if digest == row.sent_hash and row.status == SubmissionStatus.SENT:
            state = RowState.UNCHANGED
        else:
            state = RowState.NEW if row.sent_payload is None else RowState.UPDATED
        if (row.current_hash, row.row_state) != (digest, state) or row.la_child_id != document["la_child_id"]:
            if state != RowState.UNCHANGED:
                row.status = SubmissionStatus.PENDING
            row.payload, row.current_hash, row.row_state = document, digest, state
            row.la_child_id = document["la_child_id"]
            row.save()
    for key, row in existing.items():
        if key not in seen and row.row_state != RowState.DELETED and row.sent_payload is not None:
            row.row_state, row.status = RowState.DELETED, SubmissionStatus.PENDING
            row.save(update_fields=["row_state", "status", "updated_at"])
    return len(ids)


def _to_send(row: FeedChild, full: bool) -> dict:
    if row.row_state == RowState.DELETED:
        return delta.purge(row.sent_payload or row.payload)
    return row.payload if full else delta.partial(row.payload, row.sent_payload)


def send_daily_feed(*, full: bool = False, client: Client | None = None) -> FeedRun:
    """Stage, then send the children whose documents changed (every child with `full`). The plain
    function a daily schedule calls: dfe_feed.services.send_daily_feed."""
    run = FeedRun.objects.create(full=full)
    try:
        run.cohort = stage()
        cfg = config()
        if not cfg.get("API_ENDPOINT") or not cfg.get("TOKEN_ENDPOINT"):
            raise FeedError("The DfE feed is not configured: set DFE_FEED_API_ENDPOINT and DFE_FEED_TOKEN_ENDPOINT")
        client = client or Client(cfg)
        rows = FeedChild.objects.exclude(row_state=RowState.DELETED, status=SubmissionStatus.SENT)
        if not full:
            rows = rows.exclude(status=SubmissionStatus.SENT)
        rows = list(rows.order_by("la_child_id", "pk"))
        url = client.endpoint(la_code())
        size = int(cfg.get("BATCH_SIZE", 100))
        for i in range(0, len(rows), size):
            _send_batch(client, url, rows[i : i + size], full, run)
    except FeedError as error:
        run.error = str(error)
        logger.error("DfE feed run %s: %s", run.pk, error)
    run.finished_at = timezone.now()
    run.save()
    return run


def _send_batch(client: Client, url: str, rows: list[FeedChild], full: bool, run: FeedRun) -> None:
    documents = [_to_send(row, full) for row in rows]
    result = client.send(url, documents)
    run.sent += len(rows)
    if result.accepted is None and result.rejected_indexes:
        # The batch failed for the documents named; the others were sound: send them again alone.
        bad = result.rejected_indexes
        _record(
            rows=[r for i, r in enumerate(rows) if i in bad],
            documents=None,
            receipts=None,
            status=SubmissionStatus.REJECTED,
            answer=result.detail,
            run=run,
        )
        good = [r for i, r in enumerate(rows) if i not in bad]
        if good:
            run.sent -= len(good)
            _send_batch(client, url, good, full, run)
        return
    if result.accepted is not None:
        _record(
            rows=rows, documents=documents, receipts=result.accepted, status=SubmissionStatus.SENT, answer="", run=run
        )
        return
    status = SubmissionStatus.REJECTED if result.status == 400 else SubmissionStatus.FAILED
    _record(rows=rows, documents=None, receipts=None, status=status, answer=result.detail, run=run)


@transaction.atomic
def _record(*, rows, documents, receipts, status, answer, run) -> None:
    now = timezone.now()
    for i, row in enumerate(rows):
        row.status, row.submitted_at = status, now
        if status == SubmissionStatus.SENT:
            row.partial_payload = documents[i]
            row.api_response = receipts[i]
            if row.row_state != RowState.DELETED:
                row.sent_payload, row.sent_hash = row.payload, row.current_hash
                row.row_state = RowState.UNCHANGED
            run.accepted += 1
        else:
            row.api_response = answer
            if status == SubmissionStatus.REJECTED:
                run.rejected += 1
            else:
                run.failed += 1
        row.save()


def write_documents(out_dir, today=None) -> int:
    """Write every cohort child's whole document to OUT_DIR/<LA child id>.json, sending nothing
    and changing nothing: what the DfE would receive in a full send."""
    today = today or clock.today()
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for _pk, document in build_documents(cohort(today), today):
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in document["la_child_id"])
        (folder / f"{name}.json").write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
        count += 1
    return count
