"""When a statement was made: a day from the time expression of its own frame, or carried over.

The frame is the unit less its content: "Pompeo said on Friday he is ..." dates the saying; "in
2017" inside the content dates what was said about, not the saying. A statement with no date of its
own takes the date of the same speaker's previous statement when the text ties them ("In the
speech, ...", "also said") or when it continues quoting the same speaker.
"""

from __future__ import annotations

import re
from typing import Optional

from ..model import TimeExpression

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MODIFIER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their)\s+$", re.I)
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# A bound of a span of time, not the day of saying: "until 30 April", "as of February 28",
# "from Nov. 13", "between January to March 11".
_BOUND_BEFORE = re.compile(r"\b(?:until|till|through|thru|from|since|between|to|of|by)\s+$", re.I)
# A participle clause after the cue has its own time: "Nadia added, comparing ... today".
_PARTICIPLE_BETWEEN = re.compile(r",\s+\w+ing\b")


def own_date(text: str, times: list[TimeExpression], frame_lo: int, frame_hi: int,
             content: list[tuple[int, int]], cue: Optional[tuple[int, int]],
             extra: list[tuple[int, int]] = (), quotes: list[tuple[int, int]] = ()
             ) -> Optional[TimeExpression]:
    """The day-valued time expression of a statement's frame nearest to its cue, if any.

    Expressions inside the content or inside quotation marks (a programme called "This Morning")
    do not date the saying, nor do those that modify a noun ("the Feb. 27-28 summit", "Monday's
    debate"), bound a span ("until 30 April", "as of February 28") or sit in a participle clause
    after the cue ("she added, comparing their life today with ...").
    """
    best = None
    anchor = cue[0] if cue else frame_lo
    for t in times:
        if not (frame_lo <= t.start and t.end <= frame_hi) and not any(s <= t.start and t.end <= e for s, e in extra):
            continue
        if any(s < t.end and t.start < e for s, e in list(content) + list(quotes)):
            continue
        if _MODIFIER_BEFORE.search(text, max(0, t.start - 6), t.start) or \
                _POSSESSIVE_AFTER.match(text, t.end) or re.search(r"['’]s$", t.text):
            continue
        if _BOUND_BEFORE.search(text, max(0, t.start - 9), t.start):
            continue
        if cue and t.start > cue[1] and _PARTICIPLE_BETWEEN.search(text, cue[1], t.start):
            continue
        if t.type not in ("DATE", "TIME") or not t.value or not _DAY.match(t.value[:10]):
            continue
        if best is None or abs(t.start - anchor) < abs(best.start - anchor):
            best = t
    return best


def day_of(t: TimeExpression) -> str:
    return t.value[:10]
