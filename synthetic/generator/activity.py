"""The day-to-day work on a case: visits (statutory and other), case notes and the documents
attached to them, at the rhythm the plan needs, mostly on time with a realistic minority late.
Nothing is dated after the case closed or after yesterday."""

from __future__ import annotations

import datetime

from casework.choices import CaseNoteType, VisitType
from casework.models import Document
from synthetic.generator.text import DOCUMENTS, NOTE_BODIES, NOTE_SUBJECTS, OBSERVATIONS, VOICES

ON_TIME = 0.88


def _weekday(day: datetime.date) -> datetime.date:
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def casework(
    ctx, batch, child, worker, start: datetime.date, end: datetime.date | None, *, visit_type: str, every: int
):
    """Visits every `every` days (a late one now and then) and case notes, from `start` to
    `end` (or to yesterday for an open case)."""
    rng = ctx.rng
    last = min(end or ctx.today, ctx.today - datetime.timedelta(days=1))
    day = ctx.days(start, rng.randint(1, max(2, every // 2)))
    while True:
        visit_day = _weekday(day)
        if visit_day > last or visit_day < start:
            break
        visit(ctx, batch, child, worker, visit_day, visit_type)
        gap = (
            rng.randint(max(1, every - every // 3), every)
            if rng.random() < ON_TIME
            else rng.randint(every + 1, every * 2)
        )
        day = ctx.days(visit_day, gap)
    day = ctx.days(start, rng.randint(0, 4))
    while day <= last:
        note(ctx, batch, child, worker, day)
        day = ctx.days(day, rng.randint(6, 20))


def visit(ctx, batch, child, worker, day, visit_type):
    rng = ctx.rng
    seen = rng.random() < 0.95
    older = (day - child.date_of_birth).days > 5 * 365
    alone = seen and older and rng.random() < 0.75
    home = visit_type in (VisitType.HOME, VisitType.STATUTORY_CIN, VisitType.STATUTORY_CP, VisitType.STATUTORY_CLA)
    moment = ctx.at(day, rng.randint(9, 17))
    bedroom = (rng.random() < 0.8) if home and seen else None
    # Columns as in VISIT_COLUMNS (writer.py).
    v = batch.copy(
        "casework_visit",
        (
            child,
            moment,
            visit_type,
            seen,
            alone,
            bedroom,
            rng.choice(VOICES) if seen and older else "",
            rng.choice(OBSERVATIONS),
            "Next visit booked.",
            worker,
            moment,
        ),
    )
    batch.event(
        child,
        "visit.recorded",
        moment,
        worker,
        v,
        visit_type=VisitType(visit_type).label,
        child_seen=seen,
        seen_alone=alone,
        bedroom_seen=bedroom,
    )


def note(ctx, batch, child, worker, day):
    rng = ctx.rng
    note_type, subject = rng.choice(NOTE_SUBJECTS)
    moment = ctx.at(day, rng.randint(8, 18))
    n = batch.copy("casework_casenote", (child, note_type, moment, subject, rng.choice(NOTE_BODIES), worker, moment))
    batch.event(child, "note.recorded", moment, worker, n, note_type=CaseNoteType(note_type).label, subject=subject)
    if rng.random() < 0.08:
        name, content_type = rng.choice(DOCUMENTS)
        # Metadata only: the generator stores no files (the path names where one would be).
        d = batch.add(
            "document",
            Document(
                child=child,
                original_name=name,
                content_type=content_type,
                size=rng.randint(20_000, 2_000_000),
                uploaded_by=worker,
                file=f"documents/generated/{rng.getrandbits(64):016x}",
            ),
        )
        batch.documents_of[id(d)] = n
        batch.event(child, "document.added", moment, worker, d, name=name)
