"""Turn one regex match into a TIMEX3 (type, value, mod), or reject it as not a time expression.

A handler returns a ``Norm``; values that depend on an earlier date in the text ("the next day",
"later that year", a bare "10 a.m.") carry a ``Pending`` that the finder resolves in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Optional

from . import anchor
from .durations import h_per, h_ref, h_set, h_unit
from .holidays import holiday_date
from .norms import PART_TYPE, Ctx, Norm, Pending  # noqa: F401 - Pending: this module's API too
from .norms import date_str as _date_str
from .norms import look_back as _look_back
from .norms import mod as _mod
from .norms import sentence_start as _sentence_start
from .norms import valid_day as _valid_day
from .norms import year_for as _year_for
from .norms import ymd as _ymd
from .patterns import (
    CENTURY_ORD_BEFORE,
    DAY_BEFORE,
    MOD_BEFORE,
    MONTH_MOD_BEFORE,
    THE_BEFORE,
    WEEKDAY_BEFORE,
    WEEKDAY_REL_BEFORE,
    month_number,
    weekday_number,
)
from .relative import h_half, h_quarter, h_ref_day, h_rel_unit, h_that_unit, h_the_unit, h_weekend


_DIGITS = re.compile(r"\d+")
# A month name (or its abbreviation) then a day: "Monday, Oct. 26" — not "Friday, Jane Porter said".
_MONTH_FOLLOWS = re.compile(
    r",?\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d")


_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_NOT_YEAR_AFTER = frozenset(
    "people persons troops soldiers men women children students votes cases dead deaths killed "
    "kilometers kilometres km miles meters metres feet ft tons tonnes dollars yuan euros pounds acres "
    "hours hrs points members residents families homes houses cars words pages gmt utc calories "
    "square sq yards employees workers jobs units shares barrels refugees police officers seats "
    "rupees rubles francs marks yen won hectares degrees".split())
_NOT_YEAR_BEFORE = frozenset(
    "$ no number flight route room page pages rs us$ about some nearly almost than over under at "
    "approximately roughly".split())
_YEAR_CONTEXT = frozenset(
    "in since by of from until till to between and during year early late mid the before after "
    "around about through spring summer fall autumn winter january february march april may june july "
    "august september october november december fiscal".split())


def h_monthname(m: re.Match, ctx: Ctx) -> "Optional[Norm] | list[Norm]":
    """A month name, with the day, range, year or weekday written around it."""
    mon = month_number(m["mon"])
    day_s = m["day"]
    start = None
    if day_s is None and not m["rel"]:
        dm = _look_back(ctx, m, DAY_BEFORE, 16)
        if dm:
            day_s, start = dm["day"], dm.start()
    if day_s is None:
        return _month_only(m, ctx, mon)
    day = int(_DIGITS.match(day_s).group())
    wdm = _look_back(ctx, m if start is None else start, WEEKDAY_BEFORE)
    start = wdm.start() if wdm else start
    ys = m["year"] or m["myear"]
    if ys:
        year = int(ys)
    elif m["drel"] and ctx.pub is not None:
        year = ctx.pub.year + {"this": 0, "next": 1, "last": -1}[m["drel"].lower()]
    elif wdm and ctx.pub is not None:
        year = _weekday_year(ctx.pub, mon, day, weekday_number(wdm["wd"])) or _year_for(ctx, m, mon, day)
    else:
        year = _year_for(ctx, m, mon, day)
    if not _valid_day(year, mon, day):
        return None
    value = _date_str(year, mon, day)
    if m["day2"]:
        day2 = int(_DIGITS.match(m["day2"]).group())
        if day2 > day and _valid_day(year, mon, day2):
            value += "/" + _date_str(year, mon, day2)
    if m["dayand"]:
        # "April 24 and 25": two dates, the first ending before " and".
        day2 = int(_DIGITS.match(m["dayand"]).group())
        if not _valid_day(year, mon, day2):
            return None
        return [Norm("DATE", value, start=start, end=m.end("day")),
                Norm("DATE", _date_str(year, mon, day2), start=m.start("dayand"))]
    return Norm("DATE", value, start=start)


def _weekday_year(pub: date, mon: int, day: int, wd: int) -> Optional[int]:
    for y in (pub.year, pub.year - 1, pub.year + 1):
        try:
            if date(y, mon, day).weekday() == wd:
                return y
        except ValueError:
            return None
    return None


def h_slash(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    y = int(m["year"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    mo, d = int(m["mon"]), int(m["day"])
    return Norm("DATE", _date_str(y, mo, d)) if _valid_day(y, mo, d) else None


def _month_only(m: re.Match, ctx: Ctx, mon: int) -> Optional[Norm]:
    name = m["mon"]
    modm = _look_back(ctx, m, MONTH_MOD_BEFORE)
    mod = modm["mod"] if modm else None
    nxt = ctx.after(m, 1)
    prev = ctx.before(m, 1)
    if not m["myear"] and not m["rel"] and not mod:
        if re.match(r"\s+(?:for|of\s+the|on\s+[A-Z])\b", ctx.text[m.end():m.end() + 16]) \
                or ctx.text[max(0, m.start() - 2):m.start()] in ("``", '"', "“"):
            return None  # "the annual March for Life", "the March of the Mothers": an event
        # A capitalised word right after a month name makes it a person ("April Smith") or a title.
        glued = re.match(r"[ \t]+[A-Z]", ctx.text[m.end():m.end() + 3])
        if glued and nxt and nxt[0] not in ("The", "A"):
            return None
        if name == "May" and not (prev and prev[0] in _YEAR_CONTEXT | {"last", "next", "this", "on"}):
            return None
        if name == "March" and prev and prev[0] in ("to", "will", "would", "and", "they", "we"):
            return None
    if m["rel"] and ctx.pub is not None:
        year = ctx.pub.year + {"this": 0, "next": 1, "last": -1}[m["rel"].lower()]
    else:
        year = int(m["myear"]) if m["myear"] else _year_for(ctx, m, mon, None)
    return Norm("DATE", _date_str(year, mon), _mod(mod), start=modm.start() if modm else None)


def h_week_of(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    mon, day = month_number(m["mon"]), int(_DIGITS.match(m["day"]).group())
    year = int(m["year"]) if m["year"] else _year_for(ctx, m, mon, day)
    if year is None or not _valid_day(year, mon, day):
        return Norm("DATE", "XXXX-WXX")
    return Norm("DATE", anchor.iso_week(date(year, mon, day)))


def h_year(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    y = int(m["year"])
    before = ctx.text[m.start() - 1] if m.start() else " "
    if before in "$£€.,/-" and not (before == "-" and ctx.low[max(0, m.start() - 5):m.start()].endswith(
            ("post-", "pre-", "mid-"))):
        return None  # glued to a number, an amount or a word
    if m["isomon"]:
        mo, d = int(m["isomon"]), int(m["isoday"])
        return Norm("DATE", _date_str(y, mo, d)) if _valid_day(y, mo, d) else None
    if m["season"] and not m["year2"]:
        return Norm("DATE", f"{y}-{_SEASONS[m['season'].lower()]}")  # "the 2019 spring meeting"
    nxt = [w.lower() for w in ctx.after(m, 1)]
    prev = ctx.before(m, 1)
    if nxt and nxt[0] in _NOT_YEAR_AFTER:
        return None
    if prev and prev[0] in _NOT_YEAR_BEFORE:
        return None  # "about 1500", "flight 1995", "more than 2000": counts and labels
    if prev and (prev[0] in ("a", "an", "his", "her", "their", "its", "my", "our") or prev[0].endswith(("'s", "’s"))) \
            and not m["year2"] and re.match(r"\s+[A-Z]", ctx.text[m.end():m.end() + 2]):
        return None  # "a 1987 Chevrolet": a model year inside a name
    modm = ctx.back(m, MOD_BEFORE)
    mod = modm["mod"] if modm else None
    has_context = prev and prev[0] in _YEAR_CONTEXT or mod
    if not (1900 <= y <= 2039) and not has_context:
        return None
    value = f"{y}"
    if m["year2"]:
        y2s = m["year2"]
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        if y2 <= y:
            return None
        value = f"{y}/{y2}"
    return Norm("DATE", value, _mod(mod), start=modm.start() if modm else None)


def h_fiscal(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    ys = m["year"]
    y = int(ys) if len(ys) == 4 else 1900 + int(ys[1:]) if int(ys[1:]) > 50 else 2000 + int(ys[1:])
    return Norm("DATE", f"FY{y}")


def h_decade(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    d = m["dec"]
    if d.startswith("'"):
        two = int(d[1:])
        cent = 19 if ctx.pub is None or two > ctx.pub.year % 100 else 20
        d = f"{cent}{two:02d}"
    modm = ctx.back(m, MOD_BEFORE)
    start = modm.start() if modm else m.start()
    the = ctx.back(start, THE_BEFORE)
    return Norm("DATE", d[:3] + "X", _mod(modm["mod"] if modm else None), start=the.start() if the else start)


_ORD = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORD["twenty-first"] = 21


def h_century(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    om = ctx.back(m, CENTURY_ORD_BEFORE)
    if om is None:
        return None
    o = om["ord"]
    n = int(_DIGITS.match(o).group()) if o[0].isdigit() else _ORD[o]
    return Norm("DATE", f"{n - 1:02d}", start=om.start())


_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def h_season_year(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    modm = ctx.back(m, MOD_BEFORE)
    return Norm("DATE", f"{m['year']}-{_SEASONS[m['season'].lower()]}", _mod(modm["mod"] if modm else None),
                start=modm.start() if modm else None)


def h_season(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    s = m["season"].lower()
    prev = ctx.before(m, 1)
    prep = prev and prev[0] in ("in", "the", "during", "this", "since", "until", "by", "over", "through",
                                "early", "late", "mid", "that", "each", "every", "next", "last", "all")
    if s in ("fall", "spring") and not prep:
        return None  # "prices fall", "a hot spring"
    code = _SEASONS[s]
    t = ctx.tense(m)
    if ctx.pub is None or not prep or t is None:
        return Norm("DATE", f"XXXX-{code}")
    return Norm("DATE", f"{anchor.season_year(ctx.pub, code, None, t)}-{code}")


def h_holiday(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    name = m["hol"]
    rel = m["rel"].lower() if m["rel"] else None
    if m["year"]:
        d = holiday_date(name, int(m["year"]))
        return Norm("DATE", _holiday_value(name, d))
    if ctx.pub is None:
        return Norm("DATE", None)
    t = ctx.tense(m)
    cands = [(y, holiday_date(name, y)) for y in (ctx.pub.year - 1, ctx.pub.year, ctx.pub.year + 1)]
    past = [d for _, d in cands if d <= ctx.pub]
    future = [d for _, d in cands if d >= ctx.pub]
    nearest = min((x for _, x in cands), key=lambda x: abs((x - ctx.pub).days))
    if rel is None and abs((nearest - ctx.pub).days) <= 45:
        d = nearest  # a holiday this close is the one meant, whatever the tense
    elif rel == "last" or (rel is None and t == anchor.PAST):
        d = past[-1]
    elif rel == "next" or (rel is None and t == anchor.FUTURE):
        d = future[0]
    else:
        d = nearest
    return Norm("DATE", _holiday_value(name, d))


def _holiday_value(name: str, d: date) -> str:
    return anchor.iso_week(d) if name.lower().endswith("week") else _ymd(d)


def h_weekday(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    g = m.groupdict()
    if g["wd"].endswith(".") and not ctx.text[m.start()].isupper():
        return None  # "the sun." is not "Sun."
    wd = weekday_number(g["wd"])
    relm = _look_back(ctx, m, WEEKDAY_REL_BEFORE)
    rel = relm["rel"].lower() if relm else None
    start = relm.start() if relm else None
    mod = {"early": "START", "late": "END"}.get(rel or "")
    if ctx.pub is None:
        return Norm("DATE", f"XXXX-WXX-{wd + 1}", mod)
    if g["part"] is None and _MONTH_FOLLOWS.match(ctx.text, m.end()):
        return None  # part of a full date ("Monday, Oct. 26"), found by the month-name pattern
    if _is_title(ctx, m):
        return None
    # "Wednesday's ruling": a possessive weekday names something already at hand.
    t = None if g.get("poss") else ctx.tense(m)
    d = anchor.weekday_date(ctx.pub, wd, rel if rel in ("last", "next", "this", "coming") else None, t)
    value = _ymd(d)
    if g["part"]:
        return Norm(PART_TYPE, value + "T" + _PARTS[g["part"].lower()], mod, start=start)
    return Norm("DATE", value, mod, start=start)


_TITLE_WORDS = frozenset(
    "Times Telegraph Express Mirror Post Herald Independent Tribune Star Observer Mail Journal Sun "
    "Bloody Night Live School Service Edition Magazine Review Standard World Nation Today".split())


def _is_title(ctx: Ctx, m: re.Match) -> bool:
    """A weekday that is part of a name: "the Sunday Times", "Saturday Night Live", "Fox News Sunday"."""
    nxt = re.match(r"[ \t]+([A-Z][a-z]+)", ctx.text[m.end():m.end() + 16])
    if nxt and nxt.group(1) in _TITLE_WORDS:
        return True
    return ctx.text[max(0, m.start() - 5):m.start()] in ("News ", "Meet ")


_TIMEPARSE = re.compile(r"(?i)(?P<h>\d{1,2})(?::(?P<m>\d\d))?\s*(?P<ap>[ap])?|(?P<w>noon|midday|midnight)")


def _clock(s: str, part: Optional[str]) -> Optional[str]:
    m = _TIMEPARSE.match(s.strip())
    if not m:
        return None
    if m["w"]:
        return "T24:00" if m["w"].lower() == "midnight" else "T12:00"
    h, mi = int(m["h"]), int(m["m"] or 0)
    ap = (m["ap"] or "").lower()
    if part in ("afternoon", "evening") or ap == "p" or part == "night" and h >= 6:
        if h < 12:
            h += 12
    elif ap == "a" and h == 12:
        h = 0
    if h > 24:
        return None
    return f"T{h:02d}:{mi:02d}"


def h_time(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    if m.start() and ctx.text[m.start() - 1] in "$£€.,/-:":
        return None  # part of an amount, a score or a longer number
    if m["word"] and ctx.before(m, 1) == ["high"]:
        return None  # "high noon"
    if m["h24"] and not re.search(r"(?i)\b(?:at|by|until|from|before|after|around|about)\s*$",
                                  ctx.text[max(0, m.start() - 10):m.start()]):
        return None  # "3:2" scores, bible verses and ratios need "at" to be clock times
    deictic = re.sub(r"\s+", " ", m["deictic"].lower()) if m["deictic"] else None
    part = m["part"].lower() if m["part"] else None
    if deictic in ("tonight", "last night"):
        part = "night"
    elif deictic and deictic.startswith("this "):
        part = deictic[5:]
    clock = _clock(m["time"], part)
    if clock is None:
        return None
    if deictic and ctx.pub is not None:
        shift = {"tomorrow": 1, "yesterday": -1, "last night": -1}.get(deictic, 0)
        return Norm("TIME", _ymd(ctx.pub + timedelta(days=shift)) + clock)
    if m["wd"] and ctx.pub is not None:
        d = anchor.weekday_date(ctx.pub, weekday_number(m["wd"]), None, ctx.tense(m))
        return Norm("TIME", _ymd(d) + clock)
    return Norm("TIME", Pending("time", 0, clock))


def h_deictic(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    w = m["word"].lower()
    if w == "overnight":
        return None
    if ctx.text[m.start()].isupper() and re.search(r"[A-Z][\w.]*\s+$", ctx.text[max(0, m.start() - 12):m.start()]) \
            and not _sentence_start(ctx, m.start()):
        return None  # "USA Today", "NBC Today": a title
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w]
    part = m["part"].lower() if m["part"] else ("night" if w == "tonight" else None)
    if ctx.pub is None:
        return Norm("DATE", None)
    value = _ymd(ctx.pub + timedelta(days=shift))
    if part:
        return Norm(PART_TYPE, value + "T" + _PARTS[part])
    return Norm("DATE", value)


def h_this_part(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    rel = m["rel"].lower()
    if ctx.text[m.start()].isupper() and ctx.text[m.start("part")].isupper() \
            and not _sentence_start(ctx, m.start()):
        return None  # "CBS This Morning": a title, not a time
    part = m["part"].lower()
    if ctx.pub is None:
        return Norm(PART_TYPE, None)
    d = ctx.pub - timedelta(days=1) if rel == "last" else ctx.pub
    return Norm(PART_TYPE, _ymd(d) + "T" + _PARTS[part])


HANDLERS: dict[str, Callable[[re.Match, Ctx], Optional[Norm]]] = {
    "monthname": h_monthname, "slash": h_slash,
    "week_of": h_week_of, "year": h_year, "fiscal": h_fiscal, "decade": h_decade, "century": h_century,
    "season_year": h_season_year, "holiday": h_holiday, "weekday": h_weekday,
    "deictic": h_deictic, "this_part": h_this_part, "rel_unit": h_rel_unit,
    "that_unit": h_that_unit, "ref_day": h_ref_day, "season": h_season, "unit": h_unit, "set": h_set,
    "per": h_per, "time": h_time, "ref": h_ref, "the_unit": h_the_unit, "weekend": h_weekend, "quarter": h_quarter, "half": h_half,
}
