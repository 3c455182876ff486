"""Full-text queries: user words made safe for FTS5, and the speaker and period tokens.

Attributions are indexed with their content, a speaker token (``s12``) and period tokens (``y2019
m201904``), exactly as the ``attributions_fts_source`` view computes them, so one FTS5 query can
intersect keyword, speaker and date doclists without touching the table.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

from ..errors import SaidwhatError

# Beyond this many months a date range is searched by whole years (then filtered exactly).
MAX_MONTH_TERMS = 24
_TERM = re.compile(r'"([^"]+)"|(\w+\*?)')


class QueryError(SaidwhatError):
    """A query option with a value the store cannot search by."""

    exit_code = 2


def speaker_token(speaker_id: Optional[int]) -> str:
    return "" if speaker_id is None else f"s{speaker_id}"


def period_tokens(day: Optional[str]) -> str:
    if not day or len(day) < 4:
        return ""
    if len(day) < 7:
        return f"y{day[:4]}"
    return f"y{day[:4]} m{day[:4]}{day[5:7]}"


def words_query(text: str) -> str:
    """An FTS5 query in which every word or "phrase" of ``text`` must appear (no operators pass)."""
    parts = []
    for phrase, word in _TERM.findall(text):
        if phrase:
            words = re.findall(r"\w+", phrase)
            if words:
                parts.append('"' + " ".join(words) + '"')
        elif word.endswith("*"):
            parts.append(f'"{word[:-1]}"*')
        else:
            parts.append(f'"{word}"')
    if not parts:
        raise QueryError(f"--about {text!r} has no words to search for; expected words, e.g. sanctions")
    return " ".join(parts)


def _month(value: str, last: bool) -> tuple[int, int]:
    return int(value[:4]), (int(value[5:7]) if len(value) >= 7 else (12 if last else 1))


def period_query(since: Optional[str], until: Optional[str]) -> Optional[str]:
    """FTS5 terms covering the months from ``since`` to ``until`` (coarse: the SQL filter is exact)."""
    if not since or not until:
        return None  # open-ended ranges: the SQL filter on day alone does better
    lo, hi = _month(since, False), _month(until, True)
    if hi < lo:
        return None
    months = []
    y, m = lo
    while (y, m) <= hi and len(months) <= MAX_MONTH_TERMS:
        months.append(f"m{y}{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    if len(months) <= MAX_MONTH_TERMS:
        return "period : (" + " OR ".join(months) + ")"
    return "period : (" + " OR ".join(f"y{y}" for y in range(lo[0], hi[0] + 1)) + ")"


def match_expression(about: Optional[str], speaker_ids: Sequence[int], since: Optional[str],
                     until: Optional[str]) -> Optional[str]:
    """One FTS5 expression for keyword + speaker + period, or None when there are no keywords."""
    if not about:
        return None
    parts = [f"content : ({words_query(about)})"]
    if speaker_ids:
        parts.append("who : (" + " OR ".join(speaker_token(i) for i in speaker_ids) + ")")
    period = period_query(since, until)
    if period:
        parts.append(period)
    return " AND ".join(parts)
