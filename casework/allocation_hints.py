"""What the allocation page may say about each worker of the chosen team, from an area above the
record (caseloads registers the workers with room on their weighted caseload). An extension point,
so casework imports nothing above it; with nothing registered the page offers no suggestions."""

from __future__ import annotations

from collections.abc import Callable

_HINTS: list[Callable] = []


def register(hint: Callable) -> None:
    """`hint(team=, child=, user=)` returns rows for the page: each with `worker`, `points`,
    `limit`, `after` (the points if this child were allocated) and `has_room`."""
    if hint not in _HINTS:
        _HINTS.append(hint)


def for_team(*, team, child, user) -> list:
    rows: list = []
    for hint in _HINTS:
        rows += hint(team=team, child=child, user=user)
    return rows
