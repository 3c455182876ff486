"""Units: sentences joined where a quotation runs across their boundary.

A unit is the smallest stretch that holds a quote together with the words around it ("“A. B. C,”
Trump said."), so the attribution rules see the whole quote and its frame at once.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from typing import Optional

from ..budget import check_budget, checked
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
    cut: bool = False  # a piece of a stretch longer than MAX_UNIT_CHARS (see ``cut_long``)


# Longest unit the rules read at once. News sentences, even joined around a quote of several
# sentences, stay under 2,000 characters; a longer stretch with no sentence end (a 1 MB line, a wall
# of quote marks) is read in pieces of at most this length, cut at white space outside quotes where
# it can be, so the work per unit, and hence per document, stays linear in the document's length.
MAX_UNIT_CHARS = 3_000


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
    for p in checked(paragraphs, 256):
        # Quotes by start, with the furthest end reached so far: whether a boundary falls inside
        # one, and which lie in a piece, are then bisections (a wall of quote marks is 10^5 quotes).
        pq = sorted(by_paragraph.get(p.index, []), key=lambda q: q.start)
        starts = [q.start for q in pq]
        reach = list(accumulate((q.end for q in pq), max))
        spans: list[list[int]] = []
        for s, e in checked(p.sentences):
            before = bisect_left(starts, s) - 1  # the quotes starting before s: pq[:before + 1]
            if spans and before >= 0 and reach[before] > s:
                spans[-1][1] = e  # the boundary falls inside a quote: join
            else:
                spans.append([s, e])
        if text is not None and spans:
            m = _PLACE_DATELINE.match(text, spans[0][0], spans[0][1])
            if m and m.end() < spans[0][1] and not any(q.start < m.end() for q in pq):
                spans[0][0] = m.end()
        for s, e in spans:
            pieces = cut_long(text, s, e, pq) if text is not None and e - s > MAX_UNIT_CHARS \
                else [(s, e)]
            for a, b in pieces:
                inside = tuple(q for q in pq[bisect_left(starts, a):bisect_left(starts, b)]
                               if q.end <= b)
                units.append(Unit(len(units), p.index, a, b, inside, len(pieces) > 1))
    return units


def cut_long(text: str, start: int, end: int, quotes: list[Quote]) -> list[tuple[int, int]]:
    """``text[start:end]`` in consecutive pieces of at most ``MAX_UNIT_CHARS`` characters.

    Each cut falls at the last white space before the limit that is not inside a quote, else at the
    last white space, else at the limit; pieces are trimmed of white space, and no character other
    than white space is left out.
    """
    inside = sorted((q.start, q.end) for q in quotes if q.start < end and q.end > start)
    pieces, lo, qi = [], start, 0
    while end - lo > MAX_UNIT_CHARS:
        check_budget()
        limit = lo + MAX_UNIT_CHARS
        while qi < len(inside) and inside[qi][1] <= lo:
            qi += 1
        cut = None
        for j in range(limit, lo, -1):
            if text[j - 1].isspace() or text[j].isspace():
                if cut is None:
                    cut = j  # the fallback: white space, even inside a quote
                if not any(qs < j < qe for qs, qe in inside[qi:qi + 64] if qs < limit):
                    cut = j
                    break
            if limit - j > 400 and cut is not None:
                break
        cut = cut or limit
        pieces.append((lo, cut))
        lo = cut
        while lo < end and text[lo].isspace():
            lo += 1
    if lo < end:
        pieces.append((lo, end))
    return [(a, _rstrip(text, a, b)) for a, b in pieces if _rstrip(text, a, b) > a]


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and text[b - 1].isspace():
        b -= 1
    return b
