"""Time: find date, time, duration and set expressions and resolve them against the publication date.

Rule-based and fast: a fixed list of compiled regexes proposes candidates (patterns.py), handlers
turn each into a TIMEX3 type/value or reject it (normalize.py, relative.py, durations.py), the
longest non-overlapping candidates win, and values that hang on an earlier date in the text
("the next day", "later that year", a bare "10 a.m.") are resolved in reading order.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date, datetime
from typing import Optional

from ..model import TimeExpression
from .normalize import HANDLERS, Ctx, Norm, Pending
from .patterns import PATTERNS, TRIGGERS
from .relative import format_at, shift_date

__all__ = ["find_time_expressions"]

_FULL_DATE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d\d))?")
_X = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX", "weekend": "XXXX-WXX-WE"}


def _lower_same_length(text: str) -> str:
    """text.lower(), except characters whose lower case is longer ("İ") stay as they are."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _candidates(text: str, ctx: Ctx) -> list[tuple[int, int, int, Norm]]:
    out = []
    low = ctx.low
    for rank, (kind, rx, on_lower) in enumerate(PATTERNS):
        if not any(t in low for t in TRIGGERS[kind]):
            continue
        handler = HANDLERS[kind]
        for m in rx.finditer(low if on_lower else text):
            start = m.start()
            if m.end() == start or start and text[start - 1].isalnum() and text[start].isalnum():
                continue  # empty, or begins inside a word
            try:
                res = handler(m, ctx)
            except (ValueError, KeyError, IndexError, OverflowError):
                res = None  # an impossible date or an unforeseen shape: skip it, keep the rest
            if res is None:
                continue
            for norm in res if isinstance(res, list) else (res,):
                s = m.start() if norm.start is None else norm.start
                e = m.end() if norm.end is None else norm.end
                out.append((s, e, rank, norm))
    return out


def _select(cands: list[tuple[int, int, int, Norm]]) -> list[tuple[int, int, Norm]]:
    """Longest candidates first (earlier pattern on ties); keep those overlapping nothing kept."""
    starts: list[int] = []  # kept spans, sorted and disjoint
    taken: list[tuple[int, int, Norm]] = []
    for start, end, _rank, norm in sorted(cands, key=lambda c: (c[0] - c[1], c[2], c[0])):
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] < end:
            continue  # a kept span starts inside this one
        if i > 0 and taken[i - 1][1] > start:
            continue  # the kept span before this one reaches into it
        starts.insert(i, start)
        taken.insert(i, (start, end, norm))
    return taken


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop trailing punctuation and whitespace a pattern may have swallowed."""
    while end > start and text[end - 1] in " \t\n,;:(":
        end -= 1
    while start < end and text[start] in " \t\n":
        start += 1
    return start, end


def _resolve(p: Pending, ref: Optional[str], pub: Optional[date], text: str, start: int, end: int,
             chosen: list[tuple[int, int, Norm]], i: int) -> Optional[str]:
    if p.unit == "time":
        day = _nearby_day(text, chosen, i)
        if day is None and ref is not None and _FULL_DATE.match(ref):
            day = ref[:10]
        if day is None and pub is not None:
            day = pub.isoformat()
        return (day or "XXXX-XX-XX") + p.suffix
    base = ref
    if base is None and pub is not None:
        base = pub.isoformat()
    if base is None:
        return _X.get(p.unit, "XXXX") + p.suffix
    m = _FULL_DATE.match(base)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return format_at(shift_date(d, p.unit, p.n), p.unit) + p.suffix
    m = _PARTIAL.match(base)
    if not m:
        return _X.get(p.unit, "XXXX") + p.suffix
    year, month = int(m[1]), m[2]
    if p.unit == "year":
        return f"{year + p.n:04d}"
    if p.unit == "month" and month:
        return format_at(shift_date(date(year, int(month), 1), "month", p.n), "month")
    # The reference is coarser than what is asked ("that day" after "in October"): keep what is known.
    return f"{year:04d}" + (f"-{month}" if month else "-XX") + ("-XX" if p.unit == "day" else "") + p.suffix


def _nearby_day(text: str, chosen: list[tuple[int, int, Norm]], i: int) -> Optional[str]:
    """A day-level date right after or before expression i, in the same sentence ("10 a.m. Friday")."""
    start, end, _ = chosen[i]
    for j in (i + 1, i - 1):
        if 0 <= j < len(chosen):
            s, e, norm = chosen[j]
            gap = text[end:s] if j > i else text[e:start]
            if len(gap) <= 30 and not re.search(r"[.!?;]\s", gap) and isinstance(norm.value, str):
                m = _FULL_DATE.match(norm.value)
                if m:
                    return m.group(0)
    return None


def find_time_expressions(text: str, published: Optional[date]) -> list[TimeExpression]:
    """Every time expression in ``text``, in order, with TIMEX3 values resolved against ``published``.

    Offsets index ``text`` as given. With ``published`` None, relative expressions get values with
    X's ("XXXX-WXX-5") or None; absolute ones keep their full value.
    """
    if not text:
        return []
    if isinstance(published, datetime):
        published = published.date()  # a datetime would leak its clock into every value
    ctx = Ctx(text, published, _lower_same_length(text))
    chosen = _select(_candidates(text, ctx))
    out: list[TimeExpression] = []
    ref: Optional[str] = None
    for i, (start, end, norm) in enumerate(chosen):
        start, end = _trim(text, start, end)
        if start >= end:
            continue
        value = norm.value
        if isinstance(value, Pending):
            try:
                value = _resolve(value, ref, published, text, start, end, chosen, i)
            except (ValueError, KeyError, OverflowError):
                value = None
        if norm.type in ("DATE", "TIME") and value and value[:1].isdigit() and len(value) >= 4 \
                and "W" not in value[:6]:
            ref = value
        out.append(TimeExpression(start, end, text[start:end], norm.type, value, norm.mod))
    return out
