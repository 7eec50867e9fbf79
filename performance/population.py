"""The population behind the rates per 10,000 children: the authority's ONS mid-year estimate
of children aged 0 to 17. An administrator enters each year's estimate (PopulationEstimate, in
the admin); without one the DfE's own figure for the authority (the one its published rates
used) stands in, and the page says so."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from performance.benchmarks import published_population
from performance.models import PopulationEstimate


@dataclass(frozen=True)
class Population:
    children: int | None
    source: str


def mid_year_for(as_of: datetime.date) -> int:
    """Rates for the year to 31 March Y use the mid-(Y - 1) estimate: for a date from 1 April
    of a year, that year's mid-year estimate."""
    return as_of.year if (as_of.month, as_of.day) >= (4, 1) else as_of.year - 1


def population_on(as_of: datetime.date) -> Population:
    estimate = PopulationEstimate.objects.filter(mid_year__lte=mid_year_for(as_of)).order_by("-mid_year").first()
    if estimate is None:
        estimate = PopulationEstimate.objects.order_by("mid_year").first()
    if estimate is not None:
        return Population(estimate.children, f"{estimate.source}, mid-{estimate.mid_year}")
    published = published_population()
    if published is not None:
        year, children = published
        return Population(
            children, f"DfE published estimate used for the year to 31 March {year} (no local estimate entered)"
        )
    return Population(None, "No population estimate entered")
