"""Pre-proceedings (the Public Law Outline before court) for some children on a child protection
plan, and deprivation of liberty orders for some children in children's homes. Both are drawn
from the context's side source (ctx.side), so the rest of an authority generated from a seed is
the same as before they existed.

Pre-proceedings: most plans that end in care had them, stepping up to a court application; a
few plans still open have pre-proceedings under way (some with the letter not yet sent weeks
later: late work a manager should see), and some stepped down.
"""

from __future__ import annotations

import datetime
import random

from codelists.cin import PreProceedingsOutcome
from looked_after.models import DOLO_PLACEMENT_TYPES, DeprivationOfLiberty
from permanence.models import PreProceedings, PreProceedingsMeeting


def _at(ctx, day):
    return ctx.at(day, 10, 0)


def pre_proceedings(
    ctx, batch, child, plan_start: datetime.date, end_day: datetime.date | None, to_care: bool, worker
) -> None:
    # A stream of each plan's own (seed, child, plan start), not the shared side stream: the
    # journeys' other draws from ctx.side (re-referrals, which adopted children no longer have
    # since their journeys end at the adoption order) moved every later plan's draw, and the
    # small authority was left with no pre-proceedings in a whole year.
    side = random.Random(f"pre-proceedings:{ctx.seed}:{child.la_id}:{plan_start.isoformat()}")
    if end_day is not None and to_care:
        if side.random() >= 0.75:
            return
        decided = end_day - datetime.timedelta(days=side.randint(3, 20))
        started = decided - datetime.timedelta(days=side.randint(70, 120))
        outcome = PreProceedingsOutcome.STEP_UP
    elif end_day is None:
        # A plan open six months or more without progress is the one the Public Law Outline is for.
        long_running = (ctx.today - plan_start).days >= 182
        if side.random() >= (0.4 if long_running else 0.12):
            return
        started = ctx.today - datetime.timedelta(days=side.randint(10, 240))
        decided, outcome = None, ""
    else:
        if side.random() >= 0.08:
            return
        decided = end_day - datetime.timedelta(days=side.randint(20, 60))
        started = decided - datetime.timedelta(days=side.randint(60, 110))
        outcome = PreProceedingsOutcome.STEP_DOWN
    started = max(started, plan_start)
    if decided is not None and decided < started:
        return
    last = decided or ctx.today
    pre = batch.add("pre_proceedings", PreProceedings(child=child, started_on=started, recorded_by=worker))
    batch.event(child, "pre_proceedings.started", _at(ctx, started), worker, pre)
    letter = started + datetime.timedelta(days=side.randint(3, 14))
    # Late work: a few letters not sent weeks after the decision to start.
    if letter <= last and not (decided is None and side.random() < 0.2):
        pre.letter_sent_on, pre.fgdm_offered = letter, side.random() < 0.8
        batch.event(child, "pre_proceedings.letter", _at(ctx, letter), worker, pre, fgdm_offered=pre.fgdm_offered)
        if pre.fgdm_offered:  # whether it was held is recorded with the offer (CIN census rule 9010Q)
            pre.fgdm_held = side.random() < 0.7
            batch.event(child, "pre_proceedings.fgdm", _at(ctx, letter), worker, pre, held=pre.fgdm_held)
        meeting, first = letter + datetime.timedelta(days=side.randint(5, 14)), True
        while meeting <= last:
            row = batch.add(
                "pp_meeting", PreProceedingsMeeting(pre_proceedings=pre, held_on=meeting, recorded_by=worker)
            )
            batch.event(child, "pre_proceedings.meeting", _at(ctx, meeting), worker, row, first=first)
            meeting, first = meeting + datetime.timedelta(days=side.randint(35, 50)), False
    if decided is None:
        return
    pre.decided_on, pre.outcome = decided, outcome
    if outcome == PreProceedingsOutcome.STEP_UP:
        application = decided + datetime.timedelta(days=side.randint(0, 3))
        if application <= ctx.today:
            pre.court_application_on = application
            issue_letter = application + datetime.timedelta(days=side.randint(0, 2))
            if issue_letter <= ctx.today:
                pre.letter_issue_on = issue_letter
    batch.event(
        child, "pre_proceedings.decided", _at(ctx, decided), worker, pre, outcome=PreProceedingsOutcome(outcome).label
    )


def deprivation_of_liberty(ctx, batch, child, period, worker) -> None:
    """Once a period's placements are settled (end dates included): an order over part of some
    children's home placements, from a day after the move there to the day before the next move
    (or open while the placement lasts): the validator's rules 709 and 710 count an episode that
    ends or starts on the order's first or last day as one the order overlaps."""
    for placement in [p for p in batch.rows["placement"] if p.period is period]:
        if placement.placement_type not in DOLO_PLACEMENT_TYPES:
            continue
        # Each placement's own stream (as the pre-proceedings above): not moved by other draws.
        side = random.Random(f"dolo:{ctx.seed}:{child.la_id}:{placement.start_date.isoformat()}")
        if side.random() >= 0.3:
            continue
        start = placement.start_date + datetime.timedelta(days=side.randint(1, 30))
        end = placement.end_date - datetime.timedelta(days=1) if placement.end_date else None
        if start > ctx.today or (end is not None and end <= start):
            continue
        order = batch.add(
            "dolo",
            DeprivationOfLiberty(
                child=child,
                period=period,
                start_date=start,
                end_date=end,
                court="High Court, Family Division",
                recorded_by=worker,
            ),
        )
        batch.event(child, "looked_after.dolo_started", _at(ctx, start), worker, order, court=order.court)
        if end is not None:
            batch.event(child, "looked_after.dolo_ended", _at(ctx, end), worker, order)
