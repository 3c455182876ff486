"""Handlers for durations ("three years", "16-hour"), sets ("every week", "daily") and reference
words ("now" -> PRESENT_REF, "recently" -> PAST_REF, "the future" -> FUTURE_REF)."""

from __future__ import annotations

import re
from typing import Optional

from .norms import Ctx, Norm
from .norms import sentence_start as _sentence_start
from .numbers import duration_value, parse_number, unit_key
from .patterns import BARE_BEFORE, FREQ_BEFORE, NUM_BEFORE
from .relative import ago

_VAGUE_SINGULAR_OK = frozenset({"a", "an"})
_NUMBERISH = re.compile(r"(?i)^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|twice|once|"
                        r"times|million|billion|trillion|percent|dozen|hundred|thousand)$")


def h_unit(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    """A unit word with what stands before it: "three years", "the past two months", "16-hour",
    "recent days", "years", "day-long", "three years ago", "two days later"."""
    unit_word = m["unit"]
    if unit_word[0].isupper() and m.start() > 0 and not _sentence_start(ctx, m.start()):
        return None  # "60 Minutes", "The Day After": a title
    unit_word = unit_word.lower()
    nm = ctx.back(m, NUM_BEFORE)
    if nm is not None and nm["num"] == "some" and not m["dir"]:
        nm = None if unit_word.endswith("s") else nm
    if m["dir"]:
        if nm is None:
            if m["dir"].lower() == "ago" and unit_word.endswith("s"):
                bm = ctx.back(m, BARE_BEFORE)
                return Norm("DATE", "PAST_REF", start=bm.start() if bm else None)
            return None
        norm = ago(nm["num"], unit_word, m["dir"], ctx)
        return None if norm is None else Norm(norm.type, norm.value, norm.mod, start=nm.start())
    if nm is not None:
        norm = _duration(nm["num"], unit_word)
        if norm is None:
            return None
        every = ctx.back(nm.start(), _EVERY_BEFORE)
        if every is not None:
            return Norm("SET", norm.value, start=every.start())  # "every three months"
        start = nm.start("num") if nm["qual"] and not nm["the"] and not nm["rel"] else nm.start()
        return Norm(norm.type, norm.value, start=start)
    if m["long"]:
        return Norm("DURATION", duration_value(None if unit_word.endswith("s") else 1, unit_key(unit_word)))
    if not unit_word.endswith("s") or unit_word in ("centurys",):
        return None
    bm = ctx.back(m, BARE_BEFORE)
    unit = unit_key(unit_word)
    if unit in ("minute", "second") and bm is None:
        return None  # "minutes apart", "the minutes of the meeting"
    prev = ctx.before(m, 1)
    if prev and _NUMBERISH.match(prev[0]):
        return None  # "1,000 years" and the like, whose number the reader did not take
    return Norm("DURATION", duration_value(None, unit), start=bm.start() if bm else None)


_EVERY_BEFORE = re.compile(r"(?<![\w'])(?:every|each)\s+$")




def _duration(num: str, unit_word: str) -> Optional[Norm]:
    raw = re.sub(r"\s+", " ", num.lower())
    unit = unit_key(unit_word)
    plural = unit_word.endswith("s")
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


_SET_UNIT = {"day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "hour": "PT1H", "minute": "PT1M",
             "weekend": "XXXX-WXX-WE", "morning": "XXXX-XX-XXTMO", "afternoon": "XXXX-XX-XXTAF",
             "evening": "XXXX-XX-XXTEV", "night": "XXXX-XX-XXTNI", "spring": "XXXX-SP",
             "summer": "XXXX-SU", "fall": "XXXX-FA", "autumn": "XXXX-FA", "winter": "XXXX-WI"}
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_ADV = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
        "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H"}


# A determiner and maybe proper adjectives right before "daily"/"weekly" make it a noun.
_NOUN_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir)\s+(?:[A-Z][A-Za-z’'-]*\s+){0,2}$")


_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|$|which\b|that\b|said\b|reported\b)")


def h_set(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    w = m["w"].lower()
    if w in _ADV:
        if _NOUN_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()) and \
                _NO_NOUN_AFTER.match(ctx.text, m.end("w")):
            return None  # "the Japanese daily", "a weekly": a newspaper, not a frequency
        return Norm("SET", _ADV[w], end=m.end("w"))
    if not m["unit"]:
        return None
    unit = m["unit"].lower()
    if unit in _DAYS:
        return Norm("SET", f"XXXX-WXX-{_DAYS.index(unit) + 1}")
    value = _SET_UNIT[unit]
    if m["other"] and value.startswith("P1"):
        value = value.replace("1", "2", 1)
    return Norm("SET", value)


def h_per(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    fm = ctx.back(m, FREQ_BEFORE)
    if not (fm or m.group(0).lower().startswith("per")):
        prev = ctx.before(m, 3)
        if not any(_NUMBERISH.match(w) for w in prev):
            return None
    return Norm("SET", _SET_UNIT[m["unit"].lower()], start=fm.start() if fm else None)


def h_ref(m: re.Match, ctx: Ctx) -> Optional[Norm]:
    w = re.sub(r"\s+", " ", m["word"].lower())
    prev = ctx.before(m, 1)
    if w == "past":
        return None  # "walked past", "past experience": only "the past" is a reference
    if w == "future":
        if not prev or prev[0] not in ("in", "near", "foreseeable", "distant", "his", "her",
                                       "their", "its", "our", "my", "your") and not prev[0].endswith(("'s", "’s")):
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
