"""Statutory visits to a looked-after child (CPPCR reg 28), from the child's placements and the
casework visits of type "Looked-after child statutory visit" in which the child was seen.

Which visiting rule applies depends on the arrangement, worked out from the episode and its
placement (timescales.phases chooses the interval within each arrangement):

- placed with parents (P1) under an interim care order (C1): reg 28(4), weekly until the first
  review, then 4-weekly;
- placed with parents when a care order (C2) is made while the child lives there: reg 28(5),
  within a week of the order, then 6-weekly;
- otherwise placed with parents, before the assessment of the parent was complete (reg 19):
  reg 28(3), weekly until the first review, then 6-weekly;
- a connected person approved temporarily (reg 24): reg 28(4);
- short breaks (legal status V3 or V4): reg 48(3)(c), within 3 months of the first short break in
  the placement, then at most 6-monthly;
- any other placement: reg 28(2), within a week, 6-weekly in the first year, then 3-monthly if the
  placement is intended to last until 18.

Interpretations, the stricter reading each time:
- "placement" starts with every episode whose reason is a change of placement (P, T, B, U),
  including a change of placement type with the same carers;
- "until the first review" counts the first looked-after review held on or after the placement
  (or the care order) began, not the first review of the period of care.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from codelists.ssda903 import LegalStatus, PlacementType
from timescales.calendar import london_date
from timescales.engine import DueSpec, describe_trigger
from timescales.phases import PlacementArrangement, reg28_next_visit

A = PlacementArrangement


@dataclass(frozen=True)
class Segment:
    """Consecutive episodes in one placement under one visiting arrangement."""

    arrangement: PlacementArrangement
    placement: object  # looked_after.models.Placement
    begins: datetime.date  # first day of the segment's first episode
    ends: datetime.date | None  # end of its last episode (None while it lasts)
    # Short breaks became full-time care in the same placement, or the other way round: the
    # visiting clock starts afresh on that day, as for a new placement.
    fresh: bool = False

    @property
    def start(self) -> datetime.date:
        """What reg28_next_visit calls the start: the care order for reg 28(5), or the change
        between short breaks and full-time care, else the placement."""
        return self.begins if self.arrangement == A.CARE_ORDER_AT_HOME or self.fresh else self.placement.start_date

    @property
    def start_label(self) -> str:
        if self.arrangement == A.CARE_ORDER_AT_HOME:
            return "Care order made while living with a parent"
        if self.fresh:
            return "Short breaks started" if self.arrangement == A.SHORT_BREAKS else "Full-time care started"
        return "Start of the placement"

    @property
    def key(self) -> str:
        return f"placement-{self.placement.pk}-{self.arrangement}"


def arrangement_for(episode, placement, agreement, care_order_began: datetime.date | None) -> PlacementArrangement:
    """The visiting arrangement for one episode.

    `care_order_began`: for a C2 episode, the date the full care order took effect in this
    placement (the first C2 episode's start within it), or None.
    """
    if episode.short_break:
        return A.SHORT_BREAKS
    if placement.placement_type == PlacementType.P1:
        if episode.legal_status == LegalStatus.C1:
            return A.INTERIM_CARE_ORDER_AT_HOME
        if episode.legal_status == LegalStatus.C2 and care_order_began and care_order_began > placement.start_date:
            return A.CARE_ORDER_AT_HOME
        assessed = agreement.assessment_completed_on if agreement is not None else None
        if assessed is not None and assessed <= placement.start_date:
            return A.STANDARD  # placed under reg 17 after the assessment: the ordinary rule
        return A.PLACED_WITH_PARENTS
    if placement.temporary_approval:
        return A.CONNECTED_PERSON
    return A.STANDARD


def segments(episodes: Iterable, agreements: dict) -> list[Segment]:
    """`episodes` oldest first, each with its placement loaded; `agreements` by placement id."""
    result: list[Segment] = []
    care_order_began: dict[int, datetime.date] = {}
    for episode in episodes:
        placement = episode.placement
        if episode.legal_status == LegalStatus.C2:
            care_order_began.setdefault(placement.pk, episode.start_date)
        arrangement = arrangement_for(
            episode, placement, agreements.get(placement.pk), care_order_began.get(placement.pk)
        )
        last = result[-1] if result else None
        same_placement = last is not None and last.placement.pk == placement.pk
        if same_placement and last.arrangement == arrangement:
            result[-1] = Segment(arrangement, placement, last.begins, episode.end_date, last.fresh)
        else:
            fresh = same_placement and (last.arrangement == A.SHORT_BREAKS) != (arrangement == A.SHORT_BREAKS)
            result.append(Segment(arrangement, placement, episode.start_date, episode.end_date, fresh))
    return result


def visit_specs(
    segment: Segment, visits: list[datetime.datetime], reviews: list[datetime.date], calendar
) -> Iterator[DueSpec]:
    """The due items of one segment: each visit met (history), then the one due now.

    `visits` are the moments of statutory visits in which the child was seen, oldest first;
    `reviews` the dates of the child's looked-after reviews, oldest first.
    """
    first_review = next((day for day in reviews if day >= segment.start), None)
    carries_visits = segment.arrangement != A.CARE_ORDER_AT_HOME and not segment.fresh
    # A segment that began part-way through a placement continues from the last visit made in it.
    last = None
    if carries_visits:
        earlier = [london_date(m) for m in visits if segment.placement.start_date < london_date(m) < segment.begins]
        last = earlier[-1] if earlier else None

    def due(last_visit, as_of):
        review = first_review if first_review is not None and first_review <= as_of else None
        return reg28_next_visit(
            arrangement=segment.arrangement,
            start=segment.start,
            last_visit=last_visit,
            first_review=review,
            intended_until_18=segment.placement.intended_until_18,
            calendar=calendar,
        )

    def spec(current, completed_at=None) -> DueSpec:
        label = segment.start_label if current.trigger_date == segment.start and last is None else "Statutory visit"
        return DueSpec(
            rule_code=current.rule_code,
            due_date=current.due_date,
            trigger_date=current.trigger_date,
            trigger_description=describe_trigger(label, current.trigger_date),
            source=segment.placement,
            key=segment.key,
            completed_at=completed_at,
        )

    current = due(last, segment.begins)
    for moment in visits:
        day = london_date(moment)
        if day < segment.begins:
            continue
        if segment.ends is not None and day > segment.ends:
            break
        if day <= current.trigger_date:
            continue  # a second visit the same day, or one on the day the clock started
        yield spec(current, completed_at=moment)
        last = day
        current = due(last, day)
    if segment.ends is None:
        yield spec(due(last, datetime.date.max))
