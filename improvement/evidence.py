"""What evidences progress, as an extension point: the performance indicators and the oversight
figures live in a layer above this app (performance reads across the areas), so they are not
imported here. The performance app registers them from its AppConfig.ready():

- `register_indicators(catalogue, figures)`: the indicator codes and titles an action can be
  linked to, and a function giving the latest figure of some codes;
- `register_source(source)`: a function (area, user) -> [Evidence] giving the figures of one
  judgement area for the "how do we know" page.

With the performance app absent an action can still be recorded, linked to no indicator."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable


@dataclasses.dataclass(frozen=True)
class Evidence:
    source: str  # "Indicator", "Oversight", "Case audits"
    label: str
    value: str  # as shown: "23.4%", "17 of 20"
    detail: str = ""  # the period or date, the trend in words, the benchmark
    url: str = ""  # where the figure's children or its definition open
    as_at: str = ""  # a kept figure's date and when it was taken: "31 May 2025, taken 2 June 2025 at 02:30"


@dataclasses.dataclass
class _Registry:
    catalogue: Callable[[], list[tuple[str, str]]] | None = None
    figures: Callable[[Iterable[str]], dict[str, Evidence]] | None = None
    sources: list[Callable[[str, object], list[Evidence]]] = dataclasses.field(default_factory=list)


_REGISTRY = _Registry()


def register_indicators(
    catalogue: Callable[[], list[tuple[str, str]]], figures: Callable[[Iterable[str]], dict[str, Evidence]]
) -> None:
    _REGISTRY.catalogue, _REGISTRY.figures = catalogue, figures


def register_source(source: Callable[[str, object], list[Evidence]]) -> None:
    if source not in _REGISTRY.sources:
        _REGISTRY.sources.append(source)


def indicator_choices() -> list[tuple[str, str]]:
    return _REGISTRY.catalogue() if _REGISTRY.catalogue else []


def indicator_figures(codes: Iterable[str]) -> dict[str, Evidence]:
    codes = sorted(set(codes))
    return _REGISTRY.figures(codes) if _REGISTRY.figures and codes else {}


def for_area(area: str, user) -> list[Evidence]:
    return [item for source in _REGISTRY.sources for item in source(area, user)]
