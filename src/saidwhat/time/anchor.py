"""Resolve relative dates against the publication date, using the tense around the expression.

News reports mostly look back: a bare "Friday" is the most recent Friday (the publication day
itself included) unless the clause around it speaks of the future ("will", "is due to", "plans to",
"expected"...), in which case it is the next one. Months and month-days without a year go to the
nearest occurrence unless tense says otherwise.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

FUTURE, PAST = "FUTURE", "PAST"

_FUTURE_WORDS = frozenset(
    "will 'll wo shall would can may might going due scheduled slated expected "
    "expects expect planned plans plan planning upcoming next tomorrow intends intend intended "
    "later deadline awaiting await coming soon".split())
# Words that name the event only when they come before the date ("planned to leave on Thursday");
# after it they are usually plain past verbs ("On Friday, the government planned ...").
_FUTURE_LEFT_ONLY = frozenset("scheduled slated expected planned intended due".split())
_PAST_WORDS = frozenset(
    "said was were had did ago last earlier yesterday went met came took made told gave left found "
    "began held sent saw got won lost fell rose broke struck spoke wrote shot brought thought led ran "
    "paid heard kept stood sought fled flew hit became arrived killed died occurred ended "
    "announced reported since".split())
_NEEDS_TO = frozenset("plan plans planning intend intends".split())
_REPORTING = frozenset("said says told announced reported added noted stated declared".split())
_NOT_PAST_ED = frozenset("scheduled planned expected slated intended need speed red bed hundred "
                         "indeed united based advanced related alleged proposed".split())
_PASSIVE_AUX = frozenset("is are be been being 's 're am".split())

_WORD = re.compile(r"[A-Za-z']+")
_SENT_END = re.compile(r"(?:[.!?](?:''|[\"”’'])?\s+(?=[A-Z`\"“'‘])|\n\s*\n|;)")


def _left_context(text: str, start: int, width: int = 140) -> str:
    lo = max(0, start - width)
    chunk = text[lo:start]
    last = None
    for last in _SENT_END.finditer(chunk):
        pass
    return chunk[last.end():] if last else chunk


def _right_context(text: str, end: int, width: int = 80) -> str:
    chunk = text[end:end + width]
    m = _SENT_END.search(chunk)
    return chunk[:m.start()] if m else chunk


def _cue(word: str, prev: str, nxt: str) -> Optional[str]:
    w = word.lower()
    if w == "set":
        return FUTURE if nxt in ("to", "for") else None
    if w == "next" and nxt == "to":
        return None  # "next to the embassy"
    if w in ("was", "were") and nxt in _FUTURE_WORDS:
        return FUTURE  # "were planning", "was due", "was expected"
    if w in _NEEDS_TO:
        return FUTURE if nxt == "to" else None  # "plans to hold" but "vacation plans"
    if w in _FUTURE_WORDS:
        return FUTURE
    past = w in _PAST_WORDS or (len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED)
    if past and prev in _PASSIVE_AUX and w not in ("was", "were", "had", "did"):
        return None  # "is heard", "will be held": a passive, not a past tense
    return PAST if past else None


def tense(text: str, start: int, end: int) -> Optional[str]:
    """FUTURE, PAST or None: the tense cue nearest to text[start:end] within its sentence.

    Reporting verbs after the date ("..., officials said") speak of the report, not the event, and
    are ignored unless they follow it directly.
    """
    left = _WORD.findall(_left_context(text, start))
    right = _WORD.findall(_right_context(text, end))
    best: Optional[tuple[int, str]] = None
    for i in range(len(left) - 1, max(-1, len(left) - 13), -1):
        nxt = left[i + 1].lower() if i + 1 < len(left) else ""
        prev = left[i - 1].lower() if i > 0 else ""
        c = _cue(left[i], prev, nxt)
        if left[i].lower() == "until" and i > 0 and len(left) - i <= 3:
            c = FUTURE  # a deadline: "gave them until Tuesday" (but "Until Thursday, they had ...")
        if c:
            best = (len(left) - i, c)
            break
    for j in range(min(len(right), 10)):
        w = right[j].lower()
        if best is not None and j + 1 >= best[0]:
            break
        if j > 0 and w in _REPORTING:
            continue
        nxt = right[j + 1].lower() if j + 1 < len(right) else ""
        prev = right[j - 1].lower() if j > 0 else (left[-1].lower() if left else "")
        if w == "since":
            continue  # "since" looks back only from before a date ("since March")
        c = PAST if w in _FUTURE_LEFT_ONLY else _cue(right[j], prev, nxt)
        if c:
            best = (j + 1, c)
            break
    return best[1] if best else None


def weekday_date(pub: date, weekday: int, rel: Optional[str], t: Optional[str]) -> date:
    """The date of a weekday named in a text published on ``pub``."""
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if rel == "last":
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=ahead or 7)
    if rel == "this":
        return pub - timedelta(days=pub.weekday()) + timedelta(days=weekday)
    if t == FUTURE:
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back)


def shift_month(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) moved by n months."""
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def month_year(pub: date, month: int, t: Optional[str]) -> int:
    """The year of a month named without one: a month up to two ahead is this year's, tense decides
    beyond that, and with no tense cue news looks back."""
    ahead = (month - pub.month) % 12
    if ahead == 0 or 0 < ahead <= 2 and t != PAST:
        return pub.year if month >= pub.month else pub.year + 1
    if t == FUTURE:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


def month_day_year(pub: date, month: int, day: int, t: Optional[str]) -> int:
    """The year of a month and day named without one: within two months either way the nearest
    occurrence, beyond that the tense's direction, and the nearest again when there is no cue."""
    def mk(y: int) -> Optional[date]:
        try:
            return date(y, month, day)
        except ValueError:
            return None
    cands = [(y, d) for y in (pub.year - 1, pub.year, pub.year + 1) if (d := mk(y)) is not None]
    if not cands:
        return pub.year
    y, d = min(cands, key=lambda c: abs((c[1] - pub).days))
    if abs((d - pub).days) <= 62:
        return y
    if t == FUTURE:
        return min((c for c in cands if c[1] >= pub), key=lambda c: c[1])[0]
    if t == PAST:
        return max((c for c in cands if c[1] <= pub), key=lambda c: c[1])[0]
    return y


def iso_week(d: date) -> str:
    """TIMEX3 week value "YYYY-Www" of a date."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def season_of(d: date) -> tuple[int, str]:
    """(year, season code) a date falls in; a winter carries the year of its January."""
    m = d.month
    if m == 12:
        return d.year + 1, "WI"
    code = "WI" if m <= 2 else "SP" if m <= 5 else "SU" if m <= 8 else "FA"
    return d.year, code


_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}


def season_year(pub: date, code: str, rel: Optional[str], t: Optional[str]) -> int:
    """The year of "last fall", "next spring", "this winter", or a bare season in context."""
    year, cur_code = season_of(pub)
    cur, tgt = _SEASON_ORDER[cur_code], _SEASON_ORDER[code]
    if rel == "last" or (rel is None and t == PAST):
        return year if tgt < cur else year - 1
    if rel == "next" or (rel is None and t == FUTURE):
        return year if tgt > cur else year + 1
    return year
