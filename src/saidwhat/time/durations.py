"""Handlers for durations ("three years", "16-hour"), sets ("every week", "daily") and reference
words ("now" -> PRESENT_REF, "recently" -> PAST_REF, "the future" -> FUTURE_REF)."""

from __future__ import annotations

import re
from typing import Optional

from .normalize import Ctx, Norm
from .numbers import duration_value, parse_number, unit_key

_VAGUE_SINGULAR_OK = frozenset({"a", "an"})
_NUMBERISH = re.compile(r"(?i)^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twice|once|"
                        r"times|million|billion|trillion|percent|dozen|hundred|thousand)$")


def h_duration(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    raw = re.sub(r"\s+", " ", m["num"].lower())
    if ctx.text[m.start("unit")].isupper() and not ctx.text[m.start()].isupper():
        return None  # "60 Minutes": a title
    unit_word = m["unit"].lower()
    unit = unit_key(unit_word)
    plural = unit_word.endswith("s") and unit_word != "centuries" or unit_word == "centuries"
    if raw in ("some", "many", "several", "a few", "a couple of") and not plural:
        return None  # "some day" is someday, not a duration
    if unit in ("second", "quarter") and (raw in ("a", "an", "some") or not raw[0].isdigit() and not plural):
        return None  # "a second summit", "a quarter of the vote"
    if raw in ("a", "an") and plural:
        return None
    try:
        n = parse_number(raw)
    except ValueError:
        return None
    return Norm("DURATION", duration_value(n, unit))


def h_bare_units(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    unit = unit_key(m["unit"])
    if unit in ("minute", "second") and not m["rel"]:
        return None  # "minutes apart", "the minutes of the meeting"
    prev = ctx.before(m, 1)
    if prev and _NUMBERISH.match(prev[0]):
        return None
    return Norm("DURATION", duration_value(None, unit))


def h_unit_long(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    return Norm("DURATION", duration_value(1, m["unit"].lower()))


_SET_UNIT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "minute": "PT1M",
             "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO", "afternoon": "XXXX-XX-XXTAF",
             "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI", "spring": "XXXX-SP",
             "summer": "XXXX-SU", "fall": "XXXX-FA", "autumn": "XXXX-FA", "winter": "XXXX-WI"}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ADV = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
        "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H"}


def h_set(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    if m["adv"]:
        return Norm("SET", _ADV[m["adv"].lower()])
    unit = m["unit"].lower()
    if unit in _DAYS:
        return Norm("SET", f"XXXX-WXX-{_DAYS.index(unit) + 1}")
    value = _SET_UNIT[unit]
    if m["other"] and value.startswith("P1"):
        value = value.replace("1", "2", 1)
    return Norm("SET", value)


def h_per(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    is_per = m.group(0).lower().split()[-2] == "per"
    if not (m["freq"] or is_per):
        prev = ctx.before(m, 3)
        if not any(_NUMBERISH.match(w) for w in prev):
            return None
    return Norm("SET", _SET_UNIT[m["unit"].lower()])


def h_ref(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    w = re.sub(r"\s+", " ", m["word"].lower())
    prev = ctx.before(m, 1)
    if w == "past":
        return None  # "walked past", "past experience": only "the past" is a reference
    if w == "future":
        if not prev or prev[0] not in ("in", "near", "foreseeable", "distant", "s", "'s", "his", "her",
                                       "their", "its", "our", "my", "your"):
            return None
        return Norm("DATE", "FUTURE_REF")
    if w == "the future":
        return Norm("DATE", "FUTURE_REF")
    if w in ("the past", "recently", "lately", "formerly"):
        if w == "the past" and re.match(r"\s*(?:\d|[a-z]+\s+(?:years|months|weeks|days))", ctx.text[m.end():m.end() + 20]):
            return None
        return Norm("DATE", "PAST_REF")
    if w == "now":
        nxt = ctx.text[m.end():m.end() + 1]
        if nxt == "-":
            return None  # "now-defunct"
        if prev and prev[0] in ("from",) and re.match(r"\s+on\b", ctx.text[m.end():m.end() + 4]):
            return None
    return Norm("DATE", "PRESENT_REF")
