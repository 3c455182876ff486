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
    "will 'll wo shall going due scheduled schedule slated expected expects expect planned plans plan "
    "planning upcoming next tomorrow until till would intends intend intended set later deadline "
    "awaiting await coming soon".split())
# "set" only counts as future in "set to"/"set for"; the check is below.
_PAST_WORDS = frozenset(
    "said was were had did ago last earlier yesterday went met came took made told gave left found "
    "began held sent saw got won lost fell rose broke struck spoke wrote shot brought thought led ran "
    "paid heard kept stood sought fled flew hit became began arrived killed died occurred ended "
    "announced reported".split())
_NOT_PAST_ED = frozenset("scheduled planned expected slated intended need speed red bed hundred "
                         "indeed united based advanced related alleged proposed".split())

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


def _cue(word: str, nxt: str) -> Optional[str]:
    w = word.lower()
    if w == "set":
        return FUTURE if nxt in ("to", "for") else None
    if w in _FUTURE_WORDS:
        return FUTURE
    if w in _PAST_WORDS:
        return PAST
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST_ED:
        return PAST
    return None


def tense(text: str, start: int, end: int) -> Optional[str]:
    """FUTURE, PAST or None: the tense cue nearest to text[start:end] within its sentence."""
    left = _WORD.findall(_left_context(text, start))
    right = _WORD.findall(_right_context(text, end))
    best: Optional[tuple[int, str]] = None
    for i in range(len(left) - 1, max(-1, len(left) - 13), -1):
        nxt = left[i + 1].lower() if i + 1 < len(left) else ""
        c = _cue(left[i], nxt)
        if c:
            # A future word ("will", "due") outranks a nearer past form in the same clause.
            dist = len(left) - i
            best = (dist, c)
            break
    for j in range(min(len(right), 8)):
        nxt = right[j + 1].lower() if j + 1 < len(right) else ""
        c = _cue(right[j], nxt)
        if c:
            if best is None or j + 1 < best[0]:
                best = (j + 1, c)
            break
    if best is None:
        return None
    if best[1] == PAST:
        # "said ... will meet on Thursday": an explicit future word anywhere before wins.
        for w in left[-8:]:
            if w.lower() in ("will", "'ll", "shall", "due", "scheduled", "expected", "planned", "plans",
                             "plan", "would", "wo", "going", "slated", "until"):
                return FUTURE
    return best[1]


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
    """The year of a month named without one."""
    if t == FUTURE:
        return pub.year if month >= pub.month else pub.year + 1
    if t == PAST:
        return pub.year if month <= pub.month else pub.year - 1
    diff = month - pub.month
    if diff > 6:
        return pub.year - 1
    if diff < -6:
        return pub.year + 1
    return pub.year


def month_day_year(pub: date, month: int, day: int, t: Optional[str]) -> int:
    """The year of a month and day named without one (nearest occurrence, bent by tense)."""
    def mk(y: int) -> Optional[date]:
        try:
            return date(y, month, day)
        except ValueError:
            return None
    this = mk(pub.year)
    if this is None:
        return pub.year
    if t == FUTURE and this < pub and (pub - this).days > 30:
        return pub.year + 1
    if t == PAST and this > pub and (this - pub).days > 30:
        return pub.year - 1
    if (this - pub).days > 183:
        return pub.year - 1
    if (pub - this).days > 183:
        return pub.year + 1
    return pub.year


def iso_week(d: date) -> str:
    """TIMEX3 week value "YYYY-Www" of a date."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def season_of(d: date) -> tuple[int, str]:
    """(year, season code) a date falls in; January and February close the previous year's winter."""
    m = d.month
    if m <= 2:
        return d.year - 1, "WI"
    code = "WI" if m == 12 else "SP" if m <= 5 else "SU" if m <= 8 else "FA"
    return d.year, code


_SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


def season_year(pub: date, code: str, rel: Optional[str], t: Optional[str]) -> int:
    """The year of "last fall", "next spring", "this winter", or a bare season in context."""
    year, cur_code = season_of(pub)
    cur, tgt = _SEASON_ORDER[cur_code], _SEASON_ORDER[code]
    if rel == "last" or (rel is None and t == PAST):
        return year if tgt < cur else year - 1
    if rel == "next" or (rel is None and t == FUTURE):
        return year if tgt > cur else year + 1
    return year
