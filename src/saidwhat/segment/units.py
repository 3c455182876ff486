"""Units: sentences joined where a quotation runs across their boundary.

A unit is the smallest stretch that holds a quote together with the words around it ("“A. B. C,”
Trump said."), so the attribution rules see the whole quote and its frame at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

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


# A place dateline that opens a story's first paragraph: "WASHINGTON --", "LOS ANGELES, Sept. 28
# (UPI) —". It names where the story was filed, never who speaks.
_PLACE_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?:\s+[A-Z][A-Z.'-]+){0,3}"
    r"(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z.]+)?(?:\s+\d{1,2})?){0,2}"
    r"(?:\s*\([A-Za-z .]+\))?\s*(?:--|—|–|―)\s*")


def make_units(paragraphs: list[Paragraph], quotes: list[Quote],
               text: Optional[str] = None) -> list[Unit]:
    """Units of every paragraph, in order; no quote is ever cut by a unit boundary.

    With ``text``, a place dateline at the start of a paragraph is left out of its first unit.
    """
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
        if text is not None and spans:
            m = _PLACE_DATELINE.match(text, spans[0][0], spans[0][1])
            if m and m.end() < spans[0][1] and not any(q.start < m.end() for q in pq):
                spans[0][0] = m.end()
        for s, e in spans:
            inside = tuple(q for q in pq if s <= q.start and q.end <= e)
            units.append(Unit(len(units), p.index, s, e, inside))
    return units
