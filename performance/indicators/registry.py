"""The registry of indicators: each a declared definition with the function that counts it.

An indicator is a function of the date the figures are "as at" (`as_of`). It returns a Result:
the units of its denominator and of its numerator (children, or events such as referrals, each
naming the child it is about), so the same code gives the figure and the list of children
behind it. A figure whose denominator is not a count of units (a rate per 10,000 children
uses the population estimate) gives that figure instead.

The period of an indicator "in the year" is the 12 months ending on `as_of` (1 April to 31
March for 31 March, the DfE's reporting year, TIMESCALES.md section B); "at" an as-at date is
on that day.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

PERCENT = "percent"
PER_10K = "per_10k"
AVERAGE = "average"

BY_CHILD = "child"
BY_EVENT = "event"

# The sources an indicator follows.
DFE_CIN = "DfE Children in need statistics (CIN census)"
DFE_CLA = "DfE Children looked after statistics (SSDA903)"
DFE_DASHBOARD = "DfE children's social care dashboard (national framework outcomes and enablers)"
DFE_WORKFORCE = "DfE children's social work workforce census"
LOCAL = "Local measure from the statutory timescale (timescales rules)"


@dataclass(frozen=True)
class Unit:
    """One counted thing: a child, or an event about a child (`on` its date); a social worker
    for a denominator of staff (`child_id` None, `label` their name, `team_id` their team)."""

    child_id: int | None
    on: datetime.date | None = None
    team_id: int | None = None
    label: str = ""


@dataclass
class Result:
    numerator: dict[object, Unit]
    denominator: dict[object, Unit]
    # A denominator that is a figure rather than units: the population aged 0 to 17.
    figure: float | None = None

    @property
    def numerator_count(self) -> int:
        return len(self.numerator)

    @property
    def denominator_count(self) -> float:
        return self.figure if self.figure is not None else len(self.denominator)


@dataclass(frozen=True)
class Indicator:
    code: str
    title: str
    numerator: str  # in words
    denominator: str  # in words
    period: str  # "Year to the date" or "At the date"
    counting: str  # BY_CHILD or BY_EVENT
    source: str
    version: int
    compute: Callable[[datetime.date], Result] = field(compare=False, repr=False)
    kind: str = PERCENT
    # True when a higher figure is better, False when lower is, None when neither.
    higher_is_better: bool | None = None
    notes: str = ""
    unit_name: str = "children"  # what the numerator and denominator count, for the pages
    denominator_unit_name: str = ""  # when the denominator counts something else (social workers)

    def value(self, numerator: int, denominator: float | None) -> float | None:
        if not denominator:
            return None
        if self.kind == PERCENT:
            return round(100 * numerator / denominator, 1)
        if self.kind == PER_10K:
            return round(10000 * numerator / denominator, 1)
        return round(numerator / denominator, 1)

    @property
    def counting_label(self) -> str:
        return "Counts children (each child once)" if self.counting == BY_CHILD else f"Counts events ({self.unit_name})"

    @property
    def kind_label(self) -> str:
        return {PERCENT: "Percentage", PER_10K: "Rate per 10,000 children aged 0 to 17", AVERAGE: "Average"}[self.kind]

    def format(self, value: float | None) -> str:
        if value is None:
            return "No figure"
        return f"{value:.1f}%" if self.kind == PERCENT else f"{value:.1f}"


INDICATORS: dict[str, Indicator] = {}


def indicator(**definition):
    """Decorator: register the function below as the indicator it defines."""

    def register(fn):
        item = Indicator(compute=fn, **definition)
        if item.code in INDICATORS and INDICATORS[item.code].compute is not fn:
            raise ValueError(f"Two indicators share the code {item.code!r}.")
        INDICATORS[item.code] = item
        return fn

    return register
