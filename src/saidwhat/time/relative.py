"""Handlers for expressions relative to the publication date or to an earlier date in the text.

"last week", "this month", "three years ago", "the next day", "later that year", "the weekend".
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Optional

from . import anchor
from .norms import PART_TYPE, Ctx, Norm, Pending
from .norms import mod as _mod
from .norms import ymd as _ymd
from .numbers import duration_value, parse_number, unit_key
from .patterns import EDGE_BEFORE, THE_BEFORE, THE_UNIT_BEFORE

_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SHIFT = {"this": 0, "current": 0, "last": -1, "previous": None, "next": 1, "coming": 1,
          "following": None, "same": None, "that": None}


def shift_date(d: date, unit: str, n: int) -> date:
    """d moved by n days, weeks, months or years (month ends clamp)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit in ("month", "quarter"):
        y, mo = anchor.shift_month(d.year, d.month, n * (3 if unit == "quarter" else 1))
    elif unit in ("year", "decade", "century"):
        k = {"year": 1, "decade": 10, "century": 100}[unit]
        y, mo = d.year + n * k, d.month
    else:
        raise ValueError(unit)
    for day in (d.day, 30, 29, 28):
        try:
            return date(y, mo, day)
        except ValueError:
            continue
    raise ValueError(d)


def format_at(d: date, unit: str) -> str:
    """TIMEX3 value of the calendar unit containing d: day, week, weekend, month, year, decade..."""
    if unit == "day":
        return _ymd(d)
    if unit == "week":
        return anchor.iso_week(d)
    if unit == "weekend":
        return anchor.iso_week(d) + "-WE"
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}X"
    if unit == "century":
        return f"{d.year // 100:02d}"
    if unit == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    raise ValueError(unit)


_THIS_BEFORE = re.compile(r"(?<![\w'])this\s+$")
_X_VALUE = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "year": "XXXX", "decade": "XXXX", "century": "XX", "quarter": "XXXX-QX"}


def h_rel_unit(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    em = ctx.back(m, EDGE_BEFORE)
    edge = re.sub(r"\s+", " ", em["edge"]) if em and em["edge"] else None
    mod = _mod(edge) if edge and edge not in ("earlier", "later") else None
    if edge and edge.startswith("at "):
        start = em.start() + 3
    else:
        start = em.start() if em and em.start() < m.start() else None
    if rel == "last" and em and em["the"] and not edge:
        rel = "past"  # "for the last week" is a stretch of time, like "the past week"
    if rel == "past" and not (em and em["the"]):
        tm = ctx.back(m, _THIS_BEFORE)
        if tm:
            rel, start = "last", tm.start()  # "this past weekend" is the last one
    norm = _rel_unit(m, ctx, rel, unit, edge, mod)
    if norm is None or start is None:
        return norm
    return Norm(norm.type, norm.value, norm.mod, start=start)


def _rel_unit(m: re.Match, ctx: Ctx, rel: str, unit: str, edge: Optional[str], mod: Optional[str]) -> Optional[Norm]:
    if unit in _SEASONS:
        code = _SEASONS[unit]
        if ctx.pub is None or rel not in ("this", "last", "next", "coming", "past", "current"):
            return Norm("DATE", f"XXXX-{code}", mod)
        r = {"coming": "next", "past": "last", "current": "this"}.get(rel, rel)
        return Norm("DATE", f"{anchor.season_year(ctx.pub, code, r, None)}-{code}", mod)
    if rel == "past" and not edge:
        # "the past week" is the week-long stretch up to now: a duration in TimeML.
        return Norm("DURATION", "P2D" if unit == "weekend" else duration_value(1, unit))
    n = _SHIFT.get(rel, -1 if rel == "past" else 0)
    if n is None:
        k = {"previous": -1, "following": 1}.get(rel, 0)
        if unit not in _X_VALUE:
            return None  # "that summer": no reliable anchor
        return Norm("DATE", Pending(unit, k), mod)
    if ctx.pub is None:
        return Norm("DATE", _X_VALUE.get(unit), mod)
    if unit == "quarter":
        y, mo = anchor.shift_month(ctx.pub.year, ctx.pub.month, 3 * n)
        return Norm("DATE", format_at(date(y, mo, 1), "quarter"), mod)
    return Norm("DATE", format_at(shift_date(ctx.pub, unit, n), unit), mod)


def ago(num: str, unit_word: str, direction: str, ctx: Ctx) -> Optional[Norm]:
    """ "three years ago" (from the publication date), "two days later" (from the last date)."""
    unit = unit_key(unit_word)
    if unit in ("second", "quarter", "fortnight"):
        return None
    try:
        n = parse_number(num)
    except ValueError:
        return None
    direction = re.sub(r"\s+", " ", direction.lower())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("before", "after"):
        return None  # "two days before the vote" is a duration with a signal, tagged as such
    gran = {"hour": "day", "minute": "day"}.get(unit, unit)
    if n is None:
        if direction in ("ago",):
            return Norm("DATE", "PAST_REF")
        if direction == "from now":
            return Norm("DATE", "FUTURE_REF")
        return None
    if unit in ("decade", "century"):
        n, unit, gran = n * (10 if unit == "decade" else 100), "year", "year"
    if n != int(n):
        if unit == "year":
            n, unit, gran = n * 12, "month", "month"
        else:
            n = int(n)
    n = int(n)
    if unit in ("hour", "minute"):
        n, unit = 0, "day"
    if direction in ("ago", "from now"):
        if ctx.pub is None:
            return Norm("DATE", _X_VALUE.get(gran))
        return Norm("DATE", format_at(shift_date(ctx.pub, unit, sign * n), gran))
    return Norm("DATE", Pending(gran, sign * n) if unit == gran else Pending(gran, 0))


def h_that_unit(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel == "this":
        if ctx.pub is None:
            return Norm("DATE", _X_VALUE[unit])
        return Norm("DATE", format_at(ctx.pub, unit))
    return Norm("DATE", Pending(unit, 0))


_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def h_ref_day(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    """ "the next day", "that same day", "the day before": a day counted from the last date."""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel in ("that", "the"):
        if unit != "day" or rel == "the" and not m["dir"]:
            return None
        if rel == "that":
            return Norm("DATE", Pending("day", 0), end=m.start("dir") - 1 if m["dir"] else None)
        return Norm("DATE", Pending("day", -1 if m["dir"].lower() == "before" else 1))
    the = ctx.back(m, THE_BEFORE)
    norm = _ref_day(rel, unit)
    return Norm(norm.type, norm.value, start=the.start() if the else None,
                end=m.start("dir") - 1 if m["dir"] else None)


def _ref_day(rel: str, unit: str) -> Norm:
    k = {"same": 0, "next": 1, "following": 1, "previous": -1, "prior": -1}[rel]
    if unit == "day":
        return Norm("DATE", Pending("day", k))
    return Norm(PART_TYPE, Pending("day", k, "T" + _PARTS[unit]))


def h_weekend(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    if ctx.pub is None:
        return Norm("DATE", "XXXX-WXX-WE")
    t = ctx.tense(m)
    pub = ctx.pub
    if t == anchor.FUTURE:
        d = pub + timedelta(days=(5 - pub.weekday()) % 7)
    else:
        d = pub - timedelta(days=(pub.weekday() - 5) % 7) if pub.weekday() >= 5 else \
            pub - timedelta(days=pub.weekday() + 2)
    return Norm("DATE", anchor.iso_week(d) + "-WE")


def h_quarter(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    the = ctx.back(m, THE_BEFORE)
    norm = _quarter(m, ctx)
    return Norm(norm.type, norm.value, start=the.start() if the else None)


def _quarter(m: re.Match, ctx: Ctx) -> Norm:
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4, "last": 4, "q1": 1, "q2": 2, "q3": 3, "q4": 4}[(m["q"] or m["qq"]).lower()]
    if m["year"]:
        return Norm("DATE", f"{m['year']}-Q{q}")
    if ctx.pub is None:
        return Norm("DATE", f"XXXX-Q{q}")
    cur = (ctx.pub.month - 1) // 3 + 1
    year = ctx.pub.year - 1 if q > cur and ctx.tense(m) != anchor.FUTURE else ctx.pub.year
    return Norm("DATE", f"{year}-Q{q}")


def h_half(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    h = 1 if m["h"].lower() == "first" else 2
    the = ctx.back(m, THE_BEFORE)
    start = the.start() if the else None
    y = m["year"]
    if y and y[0].isdigit():
        return Norm("DATE", f"{y}-H{h}", start=start)
    if ctx.pub is None:
        return Norm("DATE", f"XXXX-H{h}", start=start)
    year = ctx.pub.year - (1 if y and y.lower().startswith("last") else 0)
    if not y and h == 2 and ctx.pub.month <= 6 and ctx.tense(m) != anchor.FUTURE:
        year -= 1
    return Norm("DATE", f"{year}-H{h}", start=start)


def h_the_unit(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    """ "earlier in the year", "by the end of the month", "for the week": the period of the last date."""
    bm = ctx.back(m, THE_UNIT_BEFORE)
    if bm is None:
        return None  # "the year" alone is too often generic ("the year of the dragon")
    unit = m["unit"].lower()
    edge = re.sub(r"\s+", " ", bm["edge"]) if bm["edge"] else None
    if edge is None:
        return Norm("DATE", Pending(unit, 0))
    start = bm.start() + 3 if edge.startswith("at ") else bm.start()
    return Norm("DATE", Pending(unit, 0), _mod(edge.removeprefix("at ") + " of"), start=start)
