"""What the time handlers share: the context they read, the value they give, and small helpers.

``normalize``, ``durations`` and ``relative`` each hold handlers; all of them import from here, and
none from another, so the modules form no import cycle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from . import anchor


@dataclass(frozen=True)
class Pending:
    """A value to compute from the reference date: shift by ``n`` ``unit``s, format at ``unit``."""

    unit: str  # day, week, month, year, or "time" (date of the nearby day + clock suffix)
    n: int = 0
    suffix: str = ""


@dataclass(frozen=True)
class Norm:
    """Normalised TIMEX3 attributes of one expression, and optionally a trimmed span."""

    type: str
    value: "Optional[str] | Pending"
    mod: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


_TOKENS = re.compile(r"[\w'’$]+")


@dataclass(frozen=True)
class Ctx:
    """What a handler may look at: the text, the match's span, the publication date."""

    text: str
    pub: Optional[date]
    low: str = ""  # text.lower() when it keeps the length, else text

    def back(self, m: "re.Match | int", rx: re.Pattern, width: int = 40) -> Optional[re.Match]:
        """rx (anchored with $) matched on the lower-cased text just before m (or a position)."""
        end = m if isinstance(m, int) else m.start()
        return rx.search(self.low or self.text, max(0, end - width), end)

    def tense(self, m: re.Match) -> Optional[str]:
        return anchor.tense(self.text, m.start(), m.end())

    def before(self, m: re.Match, n: int = 3) -> list[str]:
        """The n words before the match, lower-cased."""
        return _TOKENS.findall(self.text[max(0, m.start() - 40):m.start()].lower())[-n:]

    def after(self, m: re.Match, n: int = 2) -> list[str]:
        return _TOKENS.findall(self.text[m.end():m.end() + 40])[:n]


_MODS = {"early": "START", "late": "END", "mid": "MID", "post": "AFTER", "pre": "BEFORE",
         "the end of": "END", "the beginning of": "START", "the start of": "START",
         "the middle of": "MID", "at the end of": "END", "at the beginning of": "START",
         "at the start of": "START", "at the middle of": "MID", "earlier": None, "later": None}
# TimeBank/TempEval annotate "Friday night", "tonight", "this morning" as DATEs valued "...TNI".
PART_TYPE = "DATE"


def mod(word: Optional[str]) -> Optional[str]:
    return _MODS.get(re.sub(r"\s+", " ", word.lower())) if word else None


def ymd(d: date) -> str:
    return d.isoformat()


_SENTENCE_START = re.compile(r"(?:^|[.!?:][\'\"`’”]*\s+|\n\s*|[`\"“‘]\s*)$")


def sentence_start(ctx: Ctx, pos: int) -> bool:
    """Whether pos begins a sentence, a paragraph or a quotation."""
    return bool(_SENTENCE_START.search(ctx.text, max(0, pos - 4), pos))


def year_for(ctx: Ctx, m: re.Match, mon: int, day: Optional[int]) -> Optional[int]:
    if ctx.pub is None:
        return None
    t = ctx.tense(m)
    return anchor.month_day_year(ctx.pub, mon, day, t) if day else anchor.month_year(ctx.pub, mon, t)


def date_str(year: Optional[int], mon: int, day: Optional[int] = None) -> str:
    y = f"{year:04d}" if year else "XXXX"
    return f"{y}-{mon:02d}" + (f"-{day:02d}" if day else "")


def valid_day(year: Optional[int], mon: int, day: int) -> bool:
    try:
        date(year or 2000, mon, day)
        return True
    except ValueError:
        return False


def look_back(ctx: Ctx, m: "re.Match | int", rx: re.Pattern, width: int = 32) -> Optional[re.Match]:
    """rx matched against the text just before m or a position (rx ends with $)."""
    end = m if isinstance(m, int) else m.start()
    return rx.search(ctx.text, max(0, end - width), end)
