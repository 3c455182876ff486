"""Number words, duration units and TIMEX3 duration values ("three and a half years" -> "P42M")."""

from __future__ import annotations

import re
from typing import Optional, Union

_ONES = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90, "hundred": 100}
_VAGUE = {"a few", "few", "several", "many", "some", "a couple of"}

Number = Union[float, None]  # None means "an unspecified number" (X in TIMEX3)


def parse_number(s: str) -> Optional[Number]:
    """The quantity in "three", "twenty-five", "5 1/2", "a", "several" (None = unspecified).

    Raises ValueError when ``s`` is not a number this module knows.
    """
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in _VAGUE:
        return 2.0 if s == "a couple of" else None
    if s in ("a", "an"):
        return 1.0
    if s in ("half a", "half an"):
        return 0.5
    half = 0.0
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], 0.5
    if s.endswith("½"):
        s, half = s[:-1].strip(), 0.5
    if s.endswith(" 1/2"):
        s, half = s[:-4], 0.5
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) + half
    total = 0
    for part in re.split(r"[- ]", s):
        if part in _ONES:
            total += _ONES[part]
        elif part in _TENS:
            total = total * 100 if part == "hundred" and total else total + _TENS[part]
        else:
            raise ValueError(f"not a number word: {part!r}")
    return float(total) + half


# unit -> (designator, is a time-of-day unit, factor applied to the count)
UNITS = {
    "year": ("Y", False, 1), "month": ("M", False, 1), "week": ("W", False, 1), "day": ("D", False, 1),
    "hour": ("H", True, 1), "minute": ("M", True, 1), "second": ("S", True, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100), "fortnight": ("W", False, 2),
    "quarter": ("M", False, 3),
}
_SMALLER = {("Y", False): ("M", False, 12), ("M", False): ("D", False, 30), ("W", False): ("D", False, 7),
            ("D", False): ("H", True, 24), ("H", True): ("M", True, 60), ("M", True): ("S", True, 60)}


def unit_key(word: str) -> str:
    """Singular unit name from "years", "Centuries", "day"."""
    w = word.lower()
    if w == "centuries":
        return "century"
    return w.removesuffix("s")


def duration_value(n: Optional[float], unit: str) -> str:
    """TIMEX3 duration: (3, "year") -> "P3Y"; (5.5, "hour") -> "PT5H30M"; (None, "day") -> "PXD"."""
    des, is_time, factor = UNITS[unit]
    if n is None:
        if unit in ("decade", "century"):
            return "PXY"  # counted decades are written in years ("P40Y"), so are uncounted ones
        return ("PT" if is_time else "P") + "X" + des
    n = n * factor
    whole = int(n)
    frac = n - whole
    parts = [(whole, des, is_time)] if whole else []
    if frac:
        sdes, stime, k = _SMALLER.get((des, is_time), (des, is_time, 1))
        parts.append((round(frac * k), sdes, stime))
    if not parts:
        return ("PT0" if is_time else "P0") + des
    date_part = "".join(f"{q}{d}" for q, d, t in parts if not t)
    time_part = "".join(f"{q}{d}" for q, d, t in parts if t)
    return "P" + date_part + ("T" + time_part if time_part else "")
