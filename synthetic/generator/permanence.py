"""Permanence within a period of care: previous permanence (PrevPerm), the adoption route
(meeting, agency decision maker's decision, placement order at the final hearing, match,
placement for adoption, adoption order), special guardianship and child arrangements orders
that end a period, and long-term fostering decisions, some of which are never followed by a step
(the permanence tracker's drift).

Dates follow the SSDA903 rules the returns are validated against: a decision after care starts
and on or before the placement order (1003, 554), the match on or before the placement (331) and
before the adoption order (582), the placement for adoption from a foster placement (336) with
the E1 legal status (408), a reversed decision always with its reason (119), and no two live
adoption decisions (579). care.py lays the episodes; this module plans the dates and records.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from codelists.ssda903 import AdopterSex, ReasonPlacedCeased
from permanence.choices import (
    AdoptionPlacementEnd,
    DatePrecision,
    OrderKind,
    PermanenceOption,
    SpecialGuardians,
    StepKind,
)
from permanence.models import (
    AdoptionMatch,
    AdoptionPlacement,
    PermanenceDecision,
    PermanenceMeeting,
    PermanenceOrder,
    PermanenceStep,
    PreviousPermanence,
)
from timescales.calendar import age_on

DECISION_MAKER = "Agency decision maker"
COURT = "Family Court at Birmingham"
# (sex, legal status) of the prospective adopters: single adopters are L0 (rules 511, 514, 517-524).
ADOPTERS = [
    (1, "F1", "L0", 14),
    (1, "M1", "L0", 2),
    (2, "MF", "L11", 58),
    (2, "MF", "L3", 12),
    (2, "FF", "L12", 5),
    (2, "MM", "L2", 4),
    (2, "FF", "L4", 5),
]


def _at(ctx, day, hour=None, minute=None):
    """A time on `day` from the side stream (Context.side), so permanence and leaving care leave
    the journeys' own random stream as it was."""
    hour = ctx.side.randint(9, 16) if hour is None else hour
    return ctx.at(day, hour, ctx.side.choice((0, 15, 30, 45)) if minute is None else minute)


@dataclass
class AdoptionRoute:
    """The planned dates of one child's adoption route; None where the route stops before."""

    meeting_on: datetime.date
    panel_on: datetime.date
    decision_on: datetime.date
    hearing_on: datetime.date  # care order and, unless refused, placement order (legal status E1)
    reversed_on: datetime.date | None = None
    reversal_reason: str = ""
    match_on: datetime.date | None = None
    placed_on: datetime.date | None = None
    order_on: datetime.date | None = None
    foster_carers: bool = False
    consent_dispensed: bool = False

    @property
    def placement_order(self) -> bool:
        return self.reversal_reason != ReasonPlacedCeased.RD2

    @property
    def revert_on(self) -> datetime.date | None:
        """After an RD3 reversal the placement order is revoked: back to a care order."""
        return self.reversed_on if self.reversal_reason == ReasonPlacedCeased.RD3 else None


def plan_adoption(ctx, start: datetime.date, age: int, hearing_on: datetime.date | None) -> AdoptionRoute | None:
    """Most young children in care under a care order are planned for adoption (about one period
    of care in ten ends in adoption nationally)."""
    rng = ctx.side
    if hearing_on is None or age >= 5 or rng.random() >= 0.6:
        return None
    decision_on = max(ctx.days(start, 28), ctx.days(hearing_on, -rng.randint(15, 75)))
    meeting_on = max(start, ctx.days(decision_on, -rng.randint(20, 60)))
    panel_on = max(meeting_on, ctx.days(decision_on, -rng.randint(3, 14)))
    route = AdoptionRoute(meeting_on, panel_on, decision_on, hearing_on)
    roll = rng.random()
    if roll < 0.1:  # the court makes a care order but no placement order
        route.reversed_on, route.reversal_reason = hearing_on, ReasonPlacedCeased.RD2
        return route
    if roll < 0.2:  # no adopters found: the decision is reversed long after the placement order
        route.reversed_on, route.reversal_reason = ctx.days(hearing_on, rng.randint(300, 600)), ReasonPlacedCeased.RD3
        return route
    # Matching usually within 1 to 8 months of the placement order (A2); one in eight waits far longer.
    wait = rng.randint(300, 600) if rng.random() < 0.12 else rng.randint(40, 240)
    route.match_on = ctx.days(hearing_on, wait)
    route.placed_on = ctx.days(route.match_on, rng.randint(7, 35))
    route.order_on = ctx.days(route.placed_on, rng.randint(70, 300))
    route.foster_carers = rng.random() < 0.12
    route.consent_dispensed = rng.random() < 0.4
    return route


def _meeting(ctx, batch, child, day, option, worker):
    meeting = batch.add(
        "perm_meeting",
        PermanenceMeeting(
            child=child,
            held_on=day,
            proposed_option=option,
            notes="Options for permanence discussed.",
            recorded_by=worker,
        ),
    )
    batch.event(child, "permanence.meeting", _at(ctx, day), worker, meeting, option=PermanenceOption(option).label)


def _decision(ctx, batch, child, day, option, worker, panel_on=None):
    decision = batch.add(
        "perm_decision",
        PermanenceDecision(
            child=child,
            option=option,
            decided_on=day,
            panel_on=panel_on,
            decision_maker=DECISION_MAKER,
            notes="Recommendation of the panel accepted.",
            recorded_by=worker,
        ),
    )
    batch.event(
        child,
        "permanence.decision",
        _at(ctx, day, 15),
        worker,
        decision,
        decision_maker=DECISION_MAKER,
        option=PermanenceOption(option).label,
    )
    return decision


def _order(ctx, batch, child, decision, kind, day, worker, **fields):
    order = batch.add(
        "perm_order",
        PermanenceOrder(
            child=child, decision=decision, kind=kind, made_on=day, court=COURT, recorded_by=worker, **fields
        ),
    )
    batch.event(child, "permanence.order", _at(ctx, day, 14), worker, order, order=OrderKind(kind).label, court=COURT)
    return order


def _reverse(ctx, batch, child, decision, day, reason, worker, notes):
    decision.reversed_on, decision.reversal_reason, decision.reversal_notes = day, reason, notes
    batch.event(
        child,
        "permanence.decision_reversed",
        _at(ctx, day, 15),
        worker,
        decision,
        option=PermanenceOption(decision.option).label,
        reason=ReasonPlacedCeased(reason).label,
    )


def record_adoption(ctx, batch, child, route: AdoptionRoute, last: datetime.date, worker, ended) -> None:
    """The records of the route up to `last` (today, or the end of the period of care). A decision
    still live when care ends without adoption is reversed then (rule 557), its placement order
    revoked."""
    decision, placement_order = _adoption_records(ctx, batch, child, route, last, worker)
    if ended is not None and decision is not None and decision.reversed_on is None and decision.achieved_on is None:
        _reverse(ctx, batch, child, decision, ended, ReasonPlacedCeased.RD1, worker, "The child left care.")
        if placement_order is not None and placement_order.revoked_on is None:
            placement_order.revoked_on = ended


def _adoption_records(ctx, batch, child, route, last, worker):
    rng = ctx.side
    option = PermanenceOption.ADOPTION
    if route.meeting_on > last:
        return None, None
    _meeting(ctx, batch, child, route.meeting_on, option, worker)
    if route.decision_on > last:
        return None, None
    decision = _decision(ctx, batch, child, route.decision_on, option, worker, panel_on=route.panel_on)
    finding = ctx.days(route.decision_on, rng.randint(3, 20))
    if finding <= last:
        step = batch.add(
            "perm_step",
            PermanenceStep(decision=decision, kind=StepKind.FAMILY_FINDING, taken_on=finding, recorded_by=worker),
        )
        batch.event(
            child,
            "permanence.step",
            _at(ctx, finding),
            worker,
            step,
            step=StepKind.FAMILY_FINDING.label,
            option=option.label,
        )
    if route.hearing_on > last:
        return decision, None
    if not route.placement_order:
        _reverse(
            ctx,
            batch,
            child,
            decision,
            route.hearing_on,
            route.reversal_reason,
            worker,
            "The court made a care order without a placement order.",
        )
        return decision, None
    placement_order = _order(ctx, batch, child, decision, OrderKind.PLACEMENT_ORDER, route.hearing_on, worker)
    if route.reversed_on is not None:
        if route.reversed_on <= last:
            _reverse(
                ctx,
                batch,
                child,
                decision,
                route.reversed_on,
                route.reversal_reason,
                worker,
                "No prospective adopters could be found; the plan is now long-term fostering.",
            )
            placement_order.revoked_on = route.reversed_on
        return decision, placement_order
    if route.match_on > last:
        return decision, placement_order
    sex, legal_status = _adopters(rng)
    match = batch.add(
        "adoption_match",
        AdoptionMatch(
            decision=decision,
            matched_on=route.match_on,
            number_of_adopters=1 if sex in ("M1", "F1") else 2,
            adopter_sex=sex,
            adopter_legal_status=legal_status,
            foster_carers_adopting=route.foster_carers,
            adopters_reference=f"ADP{rng.randint(1000, 9999)}",
            recorded_by=worker,
        ),
    )
    batch.event(
        child, "adoption.matched", _at(ctx, route.match_on), worker, match, adopters=AdopterSex(sex).label.lower()
    )
    if route.placed_on > last:
        return decision, placement_order
    placement = batch.add(
        "adoption_placement", AdoptionPlacement(decision=decision, placed_on=route.placed_on, recorded_by=worker)
    )
    batch.event(child, "adoption.placed", _at(ctx, route.placed_on), worker, placement)
    if route.order_on > last:
        return decision, placement_order
    _order(
        ctx,
        batch,
        child,
        decision,
        OrderKind.ADOPTION_ORDER,
        route.order_on,
        worker,
        consent_dispensed=route.consent_dispensed,
    )
    placement.ended_on, placement.end_reason = route.order_on, AdoptionPlacementEnd.ADOPTED
    decision.achieved_on = route.order_on
    return decision, placement_order


def _adopters(rng):
    weights = [w for *_, w in ADOPTERS]
    _n, sex, legal_status, _w = rng.choices(ADOPTERS, weights)[0]
    return sex, legal_status


def record_order_ending(ctx, batch, child, start, end, reason_ceased: str, worker) -> None:
    """A special guardianship (E45 to E48) or child arrangements order (E41) ending the period:
    planned at a meeting, decided, then made on the day care ends."""
    rng = ctx.side
    sgo = reason_ceased != "E41"
    option = PermanenceOption.SPECIAL_GUARDIANSHIP if sgo else PermanenceOption.CHILD_ARRANGEMENTS
    decided = max(start, ctx.days(end, -rng.randint(40, 120)))
    _meeting(ctx, batch, child, max(start, ctx.days(decided, -rng.randint(14, 60))), option, worker)
    decision = _decision(ctx, batch, child, decided, option, worker)
    kind = OrderKind.SPECIAL_GUARDIANSHIP_ORDER if sgo else OrderKind.CHILD_ARRANGEMENTS_ORDER
    _order(ctx, batch, child, decision, kind, end, worker, special_guardians=reason_ceased if sgo else "")
    decision.achieved_on = end


def sgo_reason(placement_type: str) -> str:
    """Who the guardians were follows from the last placement (rule 516: E45/E46 only from foster care)."""
    if placement_type in ("U1", "U2", "U3"):
        return SpecialGuardians.FOSTER_CARER_RELATIVE
    if placement_type.startswith("U"):
        return SpecialGuardians.FOSTER_CARER_OTHER
    return SpecialGuardians.RELATIVE


def long_term_fostering(ctx, batch, child, start, last, end, worker) -> None:
    """Half the children in care for over a year get a long-term fostering decision; about one in
    five of those is never followed by a step (the tracker's entries). A decision still live when
    care ends is closed then, so a later period can have its own."""
    rng = ctx.side
    decided = ctx.working(ctx.days(start, rng.randint(120, 300)))
    if (last - start).days < 365 or age_on(child.date_of_birth, start) < 5 or decided > last or rng.random() >= 0.5:
        return
    option = PermanenceOption.LONG_TERM_FOSTERING
    _meeting(ctx, batch, child, ctx.days(decided, -rng.randint(14, 45)), option, worker)
    decision = _decision(ctx, batch, child, decided, option, worker)
    if rng.random() >= 0.2:
        taken = ctx.days(decided, rng.randint(20, 150))
        if taken <= last:
            step = batch.add(
                "perm_step",
                PermanenceStep(decision=decision, kind=StepKind.LONG_TERM_MATCH, taken_on=taken, recorded_by=worker),
            )
            batch.event(
                child,
                "permanence.step",
                _at(ctx, taken),
                worker,
                step,
                step=StepKind.LONG_TERM_MATCH.label,
                option=option.label,
            )
    if end is not None:
        _reverse(ctx, batch, child, decision, end, ReasonPlacedCeased.RD4, worker, "The child left care.")


def previous_permanence(ctx, batch, child, start, worker) -> None:
    """PrevPerm, asked once for each period of care: most children had no permanence order before."""
    rng = ctx.side
    roll = rng.random()
    age_days = (start - child.date_of_birth).days
    if roll < 0.93 or age_days < 400:
        record = PreviousPermanence(child=child, care_started_on=start, option="Z1", recorded_by=worker)
    elif roll < 0.98:
        made = ctx.days(child.date_of_birth, rng.randint(180, age_days - 200))
        precision = rng.choice([DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR])
        if precision == DatePrecision.YEAR and made.year == start.year:
            # A year alone (zz/zz/YYYY) is read as its last day (rule 632 takes the latest date
            # the zz's allow), which would be on or after this care began: the month is known.
            precision = DatePrecision.MONTH
        record = PreviousPermanence(
            child=child,
            care_started_on=start,
            option=rng.choice(["P2", "P3"]),
            order_date=made,
            order_date_known=precision,
            arranged_by_la="330",
            recorded_by=worker,
        )
    else:
        # P4: a previous permanence option of a kind the records no longer show, with its date
        # unknown (zz/zz/zzzz); the authority that arranged it is known, since rule 630 requires
        # LA_PERM for every option but Z1.
        record = PreviousPermanence(
            child=child,
            care_started_on=start,
            option="P4",
            order_date_known=DatePrecision.UNKNOWN,
            arranged_by_la="330",
            recorded_by=worker,
        )
    batch.add("prev_perm", record)
    batch.event(
        child,
        "permanence.previous",
        _at(ctx, start, 12),
        worker,
        record,
        option=record.get_option_display(),
        care_started_on=start.strftime("%-d %B %Y"),
    )
