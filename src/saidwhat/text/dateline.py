"""The dateline: a first line that is only a date ("April 8, 2019") gives the publication date."""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from ..errors import PublishedDateError
from ..model import Span

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?"
_PATTERNS = [
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(rf"^{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}}){_TIME}$", re.I),
    re.compile(r"^(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})(?:[T ][\d:.+Z-]*)?$"),
]
# A line longer than this is prose, not a dateline.
MAX_DATELINE = 60


def parse_date_line(line: str) -> Optional[date]:
    """The date a line consists of, or None when the line is anything more than a date."""
    line = line.strip()
    if not line or len(line) > MAX_DATELINE:
        return None
    for pattern in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()[:3]]
        try:
            return date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            return None
    return None


def find_dateline(text: str) -> tuple[Optional[date], Optional[Span]]:
    """The publication date given by the first non-blank line of ``text`` and that line's span."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    found = parse_date_line(text[start:end])
    if found is None:
        return None, None
    line_end = start + len(text[start:end].rstrip())
    return found, (start, line_end)


def coerce_published(value: object, document: Optional[str] = None) -> Optional[date]:
    """A publication date from a ``date``, an ISO string (time part ignored) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                pass
    raise PublishedDateError(value, document)
