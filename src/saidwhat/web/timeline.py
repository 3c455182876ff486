"""Geometry of the quotes-per-week bar chart, drawn server-side as SVG by the speaker template.

Each bar is split: quotes dated by when they were said (solid) under quotes dated only by their
article's publication (light). The axis always spans at least ``MIN_SLOTS`` weeks, so one week of
data is one narrow bar with its date under it, not a single full-width block. Only numbers and ISO
dates reach the SVG, so the chart carries nothing from article text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .data import Week

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 720, 160, 34, 22, 8
MIN_SLOTS = 26  # half a year of weeks: the narrowest the axis gets


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    monday: str
    quotes: int
    said: int = 0
    said_y: float = 0.0  # top of the "said" part (the bar's bottom segment)
    said_height: float = 0.0
    weeks: int = 1  # weeks merged into this bar

    @property
    def published(self) -> int:
        return self.quotes - self.said


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Chart:
    """Bars, axis ticks and the scale of one timeline; ``viewbox`` makes the SVG scale to any width."""

    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PAD_LEFT
    base: int = HEIGHT - PAD_BOTTOM
    top: int = PAD_TOP

    @property
    def viewbox(self) -> str:
        return f"0 0 {self.width} {self.height}"


def chart(weeks: Sequence[Week], max_bars: int = 260) -> Chart:
    """A bar per week (weeks merged in groups when there are more than ``max_bars``)."""
    if not weeks:
        return Chart((), (), 0)
    group = max(1, -(-len(weeks) // max_bars))
    merged = [Week(weeks[i].monday, sum(w.quotes for w in weeks[i:i + group]),
                   sum(w.said for w in weeks[i:i + group])) for i in range(0, len(weeks), group)]
    peak = max(w.quotes for w in merged) or 1
    plot_w, plot_h = WIDTH - PAD_LEFT - 4, HEIGHT - PAD_BOTTOM - PAD_TOP
    slots = max(len(merged), MIN_SLOTS)
    step = plot_w / slots
    first = (slots - len(merged)) // 2  # few weeks sit in the middle of the axis
    bars = []
    for i, w in enumerate(merged):
        h = plot_h * w.quotes / peak
        sh = plot_h * w.said / peak
        bars.append(Bar(round(PAD_LEFT + (first + i) * step, 2), round(HEIGHT - PAD_BOTTOM - h, 2),
                        round(max(step * 0.85, 0.8), 2), round(h, 2), w.monday, w.quotes, w.said,
                        round(HEIGHT - PAD_BOTTOM - sh, 2), round(sh, 2), group))
    ticks, last_label = [], None
    for i, w in enumerate(merged):
        label = w.monday if len(merged) <= 4 else w.monday[:7] if len(merged) <= 30 else w.monday[:4]
        if label != last_label:
            ticks.append(Tick(round(PAD_LEFT + (first + i) * step, 2), label))
            last_label = label
    # Keep at most ~8 labels (4 full dates) so they never overlap on a phone.
    keep = max(1, -(-len(ticks) // 8))
    return Chart(tuple(bars), tuple(ticks[::keep]), peak)
