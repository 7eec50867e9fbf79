"""The improvement plan's RAG rule, in one place: the plan page prints `RULE_TEXT` beside the
tags, so the colour of an action can always be checked by whoever reads it.

- Blue (complete): the action is done.
- Red (overdue): not done and its due date has passed.
- Amber (at risk): not done and due within N working days (the local standard
  `improvement_action_amber`, 10 by default, counted with the bank holiday calendar).
- Green (on track): otherwise.

Derived at the time of reading, never stored: the day changing is enough for an action to turn
amber and then red, as a due item turns overdue (timescales.models.DueItem.overdue)."""

from __future__ import annotations

import datetime

from improvement.choices import ActionStatus, Rag
from timescales.calendar import WorkingDayCalendar, get_calendar
from timescales.rules import effective_rule

AMBER_RULE = "improvement_action_amber"

# The govuk-tag colour for each rating (GOV.UK Frontend's tag modifiers).
TAG_CLASSES = {
    Rag.BLUE: "govuk-tag--blue",
    Rag.GREEN: "govuk-tag--green",
    Rag.AMBER: "govuk-tag--yellow",
    Rag.RED: "govuk-tag--red",
}


def amber_days() -> int:
    return effective_rule(AMBER_RULE).amount


def rule_text() -> str:
    days = amber_days()
    return (
        f"Blue: done. Red: not done and past its due date. Amber: not done and due within {days} working "
        f"days. Green: not done and due later than that."
    )


def rating(
    *,
    status: str,
    due_on: datetime.date,
    today: datetime.date,
    calendar: WorkingDayCalendar | None = None,
    window: int | None = None,
) -> Rag:
    if status == ActionStatus.DONE:
        return Rag.BLUE
    if due_on < today:
        return Rag.RED
    calendar = calendar or get_calendar()
    window = amber_days() if window is None else window
    if calendar.working_days_between(today, due_on) <= window:
        return Rag.AMBER
    return Rag.GREEN
