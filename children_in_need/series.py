"""Recurring due items from a start and the dates things actually happened.

CP visits, core groups, review conferences, CIN visits and CIN plan reviews all work the same
way: the first is due an interval after the plan (or conference) started, and each next one an
interval after the last one ACTUALLY happened (TIMESCALES.md C3.4). The providers of
child_protection and children_in_need describe their series and this turns it into DueSpecs:
one completed spec for each occurrence met (so history is kept), and, while the plan is open,
the one now due.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from timescales.calendar import london_date
from timescales.engine import DueSpec, describe_trigger, due_from, next_recurring


@dataclass(frozen=True)
class Series:
    first_rule: str  # the rule for the first occurrence, counted from `start`
    next_rule: str  # the rule for each later one, counted from the last that happened
    start: datetime.date
    start_label: str  # "Child protection plan started"
    event_label: str  # "Child protection visit"
    key: str
    source: Any
    end: datetime.date | None = None  # the plan ended: nothing after it counts, nothing more is due


def _day(moment) -> datetime.date:
    return london_date(moment) if isinstance(moment, datetime.datetime) else moment


def recurring_specs(series: Series, happened: Iterable, calendar) -> Iterator[DueSpec]:
    """`happened`: dates or aware datetimes of the occurrences, in any order.

    An occurrence on or before the current trigger date does not move the clock (a second visit
    the same day, or a visit on the day the plan started): only a later one meets what is due.
    """
    trigger, trigger_label, held = series.start, series.start_label, 0
    for moment in sorted(happened, key=_day):
        day = _day(moment)
        if series.end is not None and day > series.end:
            break
        if day <= trigger:
            continue
        yield _spec(series, trigger, trigger_label, held, calendar, completed_at=moment)
        trigger, trigger_label, held = day, series.event_label, held + 1
    if series.end is None:
        yield _spec(series, trigger, trigger_label, held, calendar)


def _spec(series: Series, trigger, label: str, held: int, calendar, completed_at=None) -> DueSpec:
    if held == 0:
        rule, due = series.first_rule, due_from(series.first_rule, trigger, calendar)
    else:
        rule, due = series.next_rule, next_recurring(series.next_rule, trigger, held, calendar)
    return DueSpec(
        rule_code=rule,
        due_date=due,
        trigger_date=trigger,
        trigger_description=describe_trigger(label, trigger),
        source=series.source,
        key=series.key,
        completed_at=completed_at,
    )
