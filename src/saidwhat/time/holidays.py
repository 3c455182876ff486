"""Dates of named holidays in a given year (fixed dates, nth weekdays, Easter)."""

from __future__ import annotations

import re
from datetime import date, timedelta

_FIXED = {"christmas eve": (12, 24), "christmas": (12, 25), "christmas day": (12, 25),
          "new year's eve": (12, 31), "new years eve": (12, 31), "new year's": (1, 1), "new years": (1, 1),
          "new year's day": (1, 1), "new years day": (1, 1), "halloween": (10, 31),
          "independence day": (7, 4), "valentine's day": (2, 14), "valentines day": (2, 14),
          "veterans day": (11, 11), "boxing day": (12, 26)}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        d = date(year, month, 1)
        d += timedelta(days=(weekday - d.weekday()) % 7)
        return d + timedelta(weeks=n - 1)
    d = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(name: str, year: int) -> date:
    """The date of a holiday name as matched by patterns.HOLIDAY, in ``year``."""
    key = re.sub(r"\s+", " ", name.lower()).replace("’", "'")
    if key in _FIXED:
        return date(year, *_FIXED[key])
    if key.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if key == "memorial day":
        return _nth_weekday(year, 5, 0, -1)
    if key == "labor day":
        return _nth_weekday(year, 9, 0, 1)
    if key == "election day":
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if key.startswith("easter"):
        e = easter(year)
        return e + timedelta(days=1) if key.endswith("monday") else e
    raise KeyError(name)
