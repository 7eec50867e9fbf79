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


def line_chart(
    points: list[tuple[str, float | None]], *, unit: str = "", references: dict[str, float | None] = None
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
    x_ticks = [
        (round(LEFT + i * step, 1), label)
        for i, (label, _) in enumerate(points)
        if i % every == 0 or i == len(points) - 1
    ]
    return Chart(
        WIDTH,
        HEIGHT,
        " ".join(f"{x},{y_}" for x, y_ in dots),
        dots,
        y_ticks,
        x_ticks,
        [(y(v), k) for k, v in refs.items()],
        y(low),
    )


def _nice(value: float) -> float:
    """A round number at or above the value, for the top of the axis (1, 2, 2.5 or 5 times a power of ten)."""
    magnitude = 10 ** math.floor(math.log10(value))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if value <= m * magnitude)


@dataclass(frozen=True)
class Spark:
    width: int
    height: int
    line: str
    last: tuple[float, float] | None


def sparkline(values: list[float | None], *, width: int = 160, height: int = 36) -> Spark | None:
    """A small line of a figure's months, for a dashboard row; the row beside it gives the figures
    in words, so the picture is only a picture (the indicator's page has the full chart and table)."""
    known = [(i, v) for i, v in enumerate(values) if v is not None]
    if len(known) < 2:
        return None
    low, high = min(v for _, v in known), max(v for _, v in known)
    span = (high - low) or 1
    step = (width - 4) / max(len(values) - 1, 1)
    points = [(round(2 + i * step, 1), round(height - 2 - (height - 4) * (v - low) / span, 1)) for i, v in known]
    return Spark(width, height, " ".join(f"{x},{y}" for x, y in points), points[-1])


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: float
    length: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    label_width: int
    scale_max: float


def bar_chart(
    rows: list[tuple[str, int]], *, width: int = 640, bar: int = 22, label_width: int = 180
) -> BarChart | None:
    """Horizontal bars (a caseload per worker): each bar's label and value are drawn beside it,
    and the page gives the same figures as a table."""
    if not rows:
        return None
    top = _nice(max(max(v for _, v in rows), 1))
    plot = width - label_width - 48
    bars = [Bar(label, value, 4 + i * (bar + 6), round(plot * value / top, 1)) for i, (label, value) in enumerate(rows)]
    return BarChart(width, 8 + len(rows) * (bar + 6), bars, label_width, top)
