"""Units: sentences joined where a quotation runs across their boundary.

A unit is the smallest stretch that holds a quote together with the words around it ("“A. B. C,”
Trump said."), so the attribution rules see the whole quote and its frame at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .paragraphs import Paragraph
from .quotes import Quote


@dataclass(frozen=True)
class Unit:
    """A span of one paragraph with the quotes inside it."""

    index: int
    paragraph: int
    start: int
    end: int
    quotes: tuple[Quote, ...]


def make_units(paragraphs: list[Paragraph], quotes: list[Quote]) -> list[Unit]:
    """Units of every paragraph, in order; no quote is ever cut by a unit boundary."""
    by_paragraph: dict[int, list[Quote]] = {}
    for q in quotes:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    units: list[Unit] = []
    for p in paragraphs:
        pq = by_paragraph.get(p.index, [])
        spans: list[list[int]] = []
        for s, e in p.sentences:
            if spans and any(q.start < s < q.end for q in pq):
                spans[-1][1] = e  # the boundary falls inside a quote: join
            else:
                spans.append([s, e])
        for s, e in spans:
            inside = tuple(q for q in pq if s <= q.start and q.end <= e)
            units.append(Unit(len(units), p.index, s, e, inside))
    return units
