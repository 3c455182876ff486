"""Quotes as content: direct or mixed, speech or not (titles and scare quotes)."""

from __future__ import annotations

import re

from ..model import Span
from ..segment.quotes import Quote

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SMALL = frozenset("a an the of and or in on at to for with from by as is".split())
# Words just before a quote that make it a name or a term, not speech: "with “CBS This Morning”",
# "the so-called “big deal”".
_NAMING = frozenset("""
the a an this that his her their its our my your with on in at of for from by called dubbed titled
named so-called labeled labelled branded word term phrase show program programme book film song
""".split())
_STRIP = " \t\n\"'“”‘’«»„`,.;:!?—–-()"


def widen_to_quotes(span: Span, quotes) -> Span:
    """Grow a content span to cover every quote it cuts: "remains “very good,”" keeps its marks."""
    s, e = span
    changed = True
    while changed:
        changed = False
        for q in quotes:
            if q.start < e and s < q.end and (q.start < s or q.end > e):
                s, e = min(s, q.start), max(e, q.end)
                changed = True
    return (s, e)


def content_kind(text: str, span: Span, quotes) -> tuple[str, list[Quote]]:
    """``direct``, ``mixed`` or ``indirect`` for a content span, and the quotes inside it."""
    s, e = span
    inside = [q for q in quotes if s <= q.start and q.end <= e]
    if not inside:
        return "indirect", []
    outside = text[s:e]
    for q in sorted(inside, key=lambda q: q.start, reverse=True):
        outside = outside[:q.start - s] + outside[q.end - s:]
    return ("direct" if not outside.strip(_STRIP) else "mixed"), inside


def words(text: str, start: int, end: int) -> list[str]:
    return _WORD.findall(text, start, end)


def has_words(text: str, q: Quote) -> bool:
    """Whether a quote holds a phrase that is not a title: a quoted programme is not speech, one
    quoted word is as often a scare quote as a quotation."""
    ws = words(text, q.inner_start, q.inner_end)
    return len(ws) >= 2 and not is_title_like(ws)


def is_title_like(ws: list[str]) -> bool:
    """Capitalised words only, short: a programme, book or event name."""
    content = [w for w in ws if w.lower() not in _SMALL]
    return bool(content) and len(ws) <= 7 and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def is_speech_quote(text: str, q: Quote, unit) -> bool:
    """Whether a quote reads as something said rather than a title, a term or a scare quote."""
    ws = words(text, q.inner_start, q.inner_end)
    if not ws:
        return False
    inner = text[q.inner_start:q.inner_end].rstrip()
    ends_sentence = inner[-1:] in ".?!,…" or inner.endswith(("—", "-"))
    if len(ws) < 4 and not (ends_sentence and len(ws) >= 2 and ws[0][:1].isupper() and not is_title_like(ws)):
        return False
    if is_title_like(ws) and not inner[-1:] in ".?!":
        return False
    before = text[unit.start:q.start].rstrip()
    prev_word = before.rsplit(None, 1)[-1].lower() if before else ""
    if prev_word in _NAMING and len(ws) < 8:
        return False
    return True
