"""Quotation spans: paired quote marks, per paragraph, with the news convention for long quotes.

Handles curly and straight double quotes, `` and '' (as in wire copy), « », a closing mark used as an
opener at the start of a paragraph, an apostrophe that is not a quote mark, and a quote that runs over
several paragraphs (an opening mark per paragraph, one closing mark at the end). Single quotes are
taken as top-level quote marks only in a paragraph that has no double quotes (headlines, British
style); inside a double quote they are nested and do not make spans of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..budget import checked
from .paragraphs import Paragraph

_DOUBLE = re.compile(r"``|''|[\"“”„«»‟]")
_SINGLE = re.compile(r"[‘’']")
_OPENERS = frozenset({"“", "„", "«", "``", "‟"})
_CLOSERS = frozenset({"”", "»", "''"})


@dataclass(frozen=True)
class Quote:
    """A quotation span: ``start``/``end`` include the marks, ``inner`` excludes them.

    ``closed`` is False when the paragraph ended before a closing mark (the quote goes on in the
    next paragraph, or the marks are unbalanced); ``continues`` is True when this span goes on a
    quote that was left open at the end of the previous paragraph.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool = True
    continues: bool = False

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


def _role(text: str, pos: int, mark: str, lo: int, hi: int) -> str:
    """Whether a mark opens or closes, from the mark itself or (straight quotes) its neighbours."""
    if mark in _OPENERS:
        return "open"
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + len(mark)] if pos + len(mark) < hi else " "
    if mark in _CLOSERS:
        # A closing mark typed at the start of a paragraph or after a space before a word opens.
        if (pos == lo or before.isspace()) and (after.isalnum()):
            return "open"
        return "close"
    # Straight or single mark: opening after space/start/opening punctuation, closing otherwise.
    if pos == lo or before.isspace() or before in "([{—–-―:/":
        return "open" if not after.isspace() else "close"
    return "close"


def _is_apostrophe(text: str, pos: int, lo: int, hi: int) -> bool:
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    if before.isalnum() and after.isalnum():
        return True  # don't, Kim's, O'Brien
    if before.isspace() and after.isdigit():
        return True  # '90s
    if text[pos] in "’'" and before in "sS" and not after.isalnum():
        return False  # may close a quote; plural possessive is rare at a quote's end
    return False


def _marks(text: str, lo: int, hi: int, pattern: re.Pattern) -> list[tuple[int, str]]:
    out = []
    for m in checked(pattern.finditer(text, lo, hi)):
        mark = m.group()
        if pattern is _SINGLE and _is_apostrophe(text, m.start(), lo, hi):
            continue
        out.append((m.start(), mark))
    return out


def _pair(text: str, paragraph: Paragraph, marks: list[tuple[int, str]], open_at_start: bool
          ) -> tuple[list[Quote], bool]:
    """Pair the marks of one paragraph; returns its quotes and whether a quote is left open."""
    lo, hi = paragraph.start, paragraph.end
    quotes: list[Quote] = []
    opened: Optional[tuple[int, int, bool]] = None  # (start, inner_start, continues)
    if open_at_start:
        # The convention repeats the opening mark; without it the quote still goes on.
        if not marks or marks[0][0] != lo or _role(text, lo, marks[0][1], lo, hi) != "open":
            opened = (lo, lo, True)
    for pos, mark in checked(marks):
        role = _role(text, pos, mark, lo, hi)
        if opened is None:
            if role == "open" or mark in ('"', "'"):
                cont = open_at_start and pos == lo and not quotes
                opened = (pos, pos + len(mark), cont)
            continue
        if role == "close" or mark in ('"', "'", "''"):
            start, inner, cont = opened
            quotes.append(Quote(start, pos + len(mark), inner, pos, paragraph.index, True, cont))
            opened = None
        else:
            # A second opener while one is open: the first was never closed; restart here.
            start, inner, cont = opened
            if pos > inner:
                end = pos
                while end > inner and text[end - 1].isspace():
                    end -= 1
                quotes.append(Quote(start, end, inner, end, paragraph.index, False, cont))
            opened = (pos, pos + len(mark), False)
    if opened is not None:
        start, inner, cont = opened
        if hi > inner:
            quotes.append(Quote(start, hi, inner, hi, paragraph.index, False, cont))
        return quotes, True
    return quotes, False


def find_quotes(text: str, paragraphs: list[Paragraph]) -> list[Quote]:
    """Every quotation span of the document, in order."""
    quotes: list[Quote] = []
    left_open = False
    for paragraph in checked(paragraphs, 256):
        marks = _marks(text, paragraph.start, paragraph.end, _DOUBLE)
        if not marks and not left_open:
            singles = _marks(text, paragraph.start, paragraph.end, _SINGLE)
            found, _ = _pair(text, paragraph, singles, False)
            quotes.extend(q for q in found if q.closed)
            continue
        found, still_open = _pair(text, paragraph, marks, left_open)
        # An open quote carries into the next paragraph only if that paragraph opens with a mark.
        left_open = still_open
        quotes.extend(found)
    return _settle_open_quotes(text, quotes, paragraphs)


def _settle_open_quotes(text: str, quotes: list[Quote], paragraphs: list[Paragraph]) -> list[Quote]:
    """Drop continuations that the next paragraph does not confirm with an opening mark."""
    out = []
    for q in quotes:
        if q.continues:
            p = paragraphs[q.paragraph]
            starts_with_mark = q.start == p.start and q.inner_start > q.start
            if not starts_with_mark:
                # Unbalanced marks spilled over: no quote here after all.
                continue
        out.append(q)
    return out
