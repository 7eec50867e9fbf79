"""Writes: the snapshots of every indicator's figure, kept by the scheduled job
(`manage.py snapshot_indicators`) so the dashboard and the trends read stored figures."""

from __future__ import annotations

import datetime

from django.db import transaction

from core import clock
from jobs.queue import defer
from performance.indicators import INDICATORS
from performance.models import IndicatorSnapshot
from performance.selectors import evaluate
from workforce.models import Team


@transaction.atomic
def snapshot_take(as_of: datetime.date, *, actor=None, codes: list[str] | None = None) -> int:
    """Compute every indicator at the date, for the authority and for each team, and keep the
    figures (replacing any kept for that date). Returns how many rows were written."""
    teams = list(Team.objects.values_list("pk", flat=True))
    now = clock.now()
    codes = codes or list(INDICATORS)
    rows = []
    for code in codes:
        evaluated = evaluate(code, as_of)
        by_team = evaluated.figures_by_team(teams)
        for team_id in [None, *teams]:
            figure = evaluated.figure() if team_id is None else by_team[team_id]
            if figure.denominator is None:
                continue  # a rate has no team figure
            rows.append(
                IndicatorSnapshot(
                    code=code,
                    as_of=as_of,
                    team_id=team_id,
                    version=evaluated.indicator.version,
                    numerator=figure.numerator,
                    denominator=figure.denominator,
                    value=figure.value,
                    computed_at=now,
                    computed_by=actor,
                )
            )
    # The day's figures are replaced whole, in one transaction: a page never reads half a day.
    IndicatorSnapshot.objects.filter(as_of=as_of, code__in=codes).delete()
    IndicatorSnapshot.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


# --- The corporate parenting board pack -------------------------------------------------------------

NARRATIVE_MAX = 4000
BOARD_PACK_TASK = "performance.build_board_pack"


def board_pack_request(*, actor, quarter_end: datetime.date):
    """A QA officer or senior leader asks for the pack of a quarter; its figures build in the
    background (board_pack_build), the page showing the progress."""
    from django.core.exceptions import ValidationError

    from access.capabilities import Capability, require
    from performance.board_pack import quarter_ends, total_rows
    from performance.models import BoardPack

    require(actor, Capability.PREPARE_BOARD_PACK)
    if quarter_end not in quarter_ends(clock.today()):
        raise ValidationError({"quarter_end": "Choose one of the quarters listed"})
    with transaction.atomic():
        pack = BoardPack.objects.create(
            quarter_end=quarter_end, created_by=actor, created_at=clock.now(), total=total_rows()
        )
        defer(BOARD_PACK_TASK, pack_id=pack.pk)  # in this transaction: the row and its job, or neither
    return pack


def board_pack_given_up(pack_id: int, message: str) -> None:
    """The job worker gave up on the build (performance/tasks.py): the page says why."""
    from performance.models import BoardPack, BuildStatus

    BoardPack.objects.filter(pk=pack_id, issued_at__isnull=True).update(status=BuildStatus.FAILED, error=message[:500])


def board_pack_build(pack_id: int):
    """Work out the pack's figures, writing the progress as each indicator is done (each write
    its own short transaction, so the page polling it sees it), then keep the sections."""
    from performance.board_pack import build_sections
    from performance.models import BoardPack, BuildStatus

    pack = BoardPack.objects.get(pk=pack_id)
    BoardPack.objects.filter(pk=pack_id, issued_at__isnull=True).update(status=BuildStatus.RUNNING, done=0)

    def progress(done, total):
        BoardPack.objects.filter(pk=pack_id).update(done=done, total=total)

    try:
        sections = build_sections(pack.quarter_end, progress)
    except Exception as error:  # the page says it failed instead of polling for ever
        BoardPack.objects.filter(pk=pack_id).update(status=BuildStatus.FAILED, error=str(error)[:500])
        raise
    BoardPack.objects.filter(pk=pack_id).update(status=BuildStatus.BUILT, sections=sections, built_at=clock.now())
    return BoardPack.objects.get(pk=pack_id)


def _draft(actor, pack_id: int):
    from django.core.exceptions import ValidationError

    from access.capabilities import Capability, require
    from performance.models import BoardPack, BuildStatus

    require(actor, Capability.PREPARE_BOARD_PACK)
    pack = BoardPack.objects.select_for_update().get(pk=pack_id)
    if pack.issued:
        raise ValidationError("This pack has been issued and cannot be changed")
    if pack.status != BuildStatus.BUILT:
        raise ValidationError("Wait until the pack's figures are built")
    return pack


@transaction.atomic
def board_pack_narratives_save(*, actor, pack, narratives: dict):
    """The author's short narrative for each section, before the pack is issued."""
    from django.core.exceptions import ValidationError

    from performance.board_pack import SECTION_KEYS

    pack = _draft(actor, pack.pk)
    errors = {}
    clean = {}
    for key, text in narratives.items():
        if key not in SECTION_KEYS:
            continue
        text = (text or "").replace("\x00", "").strip()
        if len(text) > NARRATIVE_MAX:
            errors[key] = f"Write at most {NARRATIVE_MAX} characters about {SECTION_KEYS[key].title.lower()}"
        clean[key] = text
    if errors:
        raise ValidationError(errors)
    pack.narratives = clean
    pack.save(update_fields=["narratives"])
    return pack


@transaction.atomic
def board_pack_issue(*, actor, pack, council: str):
    """Issue the pack: its PDF and xlsx are drawn once, with the narratives, and kept; from now on
    the database refuses any change to it."""
    from django.core.exceptions import ValidationError

    from performance.board_pack import SECTIONS
    from performance.board_pack_files import render_pdf, render_xlsx

    pack = _draft(actor, pack.pk)
    missing = [s.title for s in SECTIONS if not (pack.narratives or {}).get(s.key, "").strip()]
    if missing:
        raise ValidationError(
            {"narratives": "Write the narrative of each section before issuing: " + ", ".join(missing).lower()}
        )
    pack.issued_at = clock.now()
    pack.issued_by = actor
    pack.pdf = render_pdf(pack, council=council, draft=False)
    pack.xlsx = render_xlsx(pack)
    pack.save(update_fields=["issued_at", "issued_by", "pdf", "xlsx"])
    return pack
