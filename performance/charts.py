"""Line charts drawn on the server as SVG: no script, no third-party service. Each chart has a
title and a description for assistive technology, and the page shows its data as a table."""

from __future__ import annotations

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 40


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    line: str  # the polyline's points
    dots: list[tuple[float, float]]
    y_ticks: list[tuple[float, str]]  # (y, label)
    x_ticks: list[tuple[float, str]]
    references: list[tuple[float, str]]  # (y, label): England, neighbours
    baseline: float


def line_chart(points: list[tuple[str, float | None]], *, unit: str = "", references: dict[str, float | None] = None
               ) -> Chart | None:
    """`points` are (label, value) oldest first; a value of None leaves a gap in the dots."""
    values = [v for _, v in points if v is not None]
    refs = {k: v for k, v in (references or {}).items() if v is not None}
    if not values:
        return None
    low, high = min([*values, *refs.values()]), max([*values, *refs.values()])
    low = 0 if low >= 0 else low
    if high == low:
        high = low + 1
    high = _nice(high)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(points) - 1, 1)

    def y(value):
        return round(TOP + plot_h * (1 - (value - low) / (high - low)), 1)

    dots = [(round(LEFT + i * step, 1), y(v)) for i, (_, v) in enumerate(points) if v is not None]
    y_ticks = [(y(low + (high - low) * i / 4), f"{low + (high - low) * i / 4:g}{unit}") for i in range(5)]
    every = max(1, len(points) // 6)
    x_ticks = [(round(LEFT + i * step, 1), label) for i, (label, _) in enumerate(points)
               if i % every == 0 or i == len(points) - 1]
    return Chart(WIDTH, HEIGHT, " ".join(f"{x},{y_}" for x, y_ in dots), dots, y_ticks, x_ticks,
                 [(y(v), k) for k, v in refs.items()], y(low))


def _nice(value: float) -> float:
    """A round number at or above the value, for the top of the axis (1, 2, 2.5 or 5 times a power of ten)."""
    magnitude = 10 ** math.floor(math.log10(value))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if value <= m * magnitude)
