"""Compiled regular expressions that find candidate time expressions, each tagged with a kind.

Every pattern is compiled once at import. Month names must be capitalised (so "may" the modal and
"march" the verb never match); relative words are case-insensitive. Spans follow TimeML: leading
prepositions are left out, "the" is kept where it belongs to the phrase ("the past three years").
"""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

# Full names, or an abbreviation with its dot ("Sept." / "Aug."); bare "Mar"/"May" never abbreviate.
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
         r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?=\s+\d))")
WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
           r"|(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)\.)")
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
PART = r"(?i:morning|afternoon|evening|night|overnight)"
AMPM = r"(?i:a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
TIME_OF_DAY = (rf"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*{AMPM}|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"
               rf"|(?:[01]?\d)\s+o'clock|(?i:noon|midday|midnight))")

NUM_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
            r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
            r"|eighty|ninety|hundred)")
NUMBER = (rf"(?:(?<![\d,.])\d+(?:\.\d+)?(?:\s+1/2|\s*½)?|{NUM_WORD}(?:[- ]{NUM_WORD})?(?:\s+and\s+a\s+half)?"
          r"|a\s+couple\s+of|a\s+few|few|several|many|half\s+an?|a|an|some)")
UNIT = r"(?:year|month|week|day|hour|minute|second|decade|century|centuries|fortnight|quarter)"
UNIT_S = r"(?:years|months|weeks|days|hours|minutes|seconds|decades|centuries)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
CAL_UNIT = rf"(?:week|month|year|weekend|decade|century|quarter|{SEASON})"
HOLIDAY = (r"(?:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]?s(?:\s+(?:Day|Eve))?"
           r"|Easter(?:\s+(?:Sunday|Monday|week))?|Halloween|Independence\s+Day|Memorial\s+Day"
           r"|Labor\s+Day|Election\s+Day|Valentine['’]?s\s+Day|Veterans\s+Day|Boxing\s+Day)(?![\w-])")

_B = r"(?<![\w$£€.,/-])"   # not glued to a preceding word, number or currency sign
_E = r"(?![\w%/]|[.,]\d)"  # not glued to a following word or number

_RAW = [
    # Absolute dates, longest forms first (overlaps are resolved by length anyway).
    # A month name with what may follow: a day ("Feb. 27", "Feb. 27-28", "April 24 and 25", with a
    # year or not), a year ("January 1998"), or "this/next/last year". A day written before the
    # month ("12 June 1950") and a weekday before it ("Monday, Oct. 26") are read back by the handler.
    ("monthname", (rf"(?=[JFMASOND])(?P<mon>{MONTH})(?:\s+(?P<day>{DAY})\b(?:\s*(?:-|–|through|to)\s*(?P<day2>{DAY})\b"
                   rf"|\s+and\s+(?P<dayand>{DAY})\b(?!\s*(?:%|[a-z])))?"
                   rf"(?:,?\s+(?P<year>{YEAR})\b|\s+of\s+(?P<drel>(?i:this|last|next))\s+(?i:year)\b)?"
                   rf"|,?\s+(?:of\s+)?(?P<myear>{YEAR})\b|\s+(?P<rel>(?i:this|next|last))\s+(?i:year)\b)?(?![\w-])")),
    ("slash", rf"(?=\d){_B}(?P<mon>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>{YEAR}|\d\d){_E}"),
    ("week_of", rf"(?i:the\s+week\s+of)\s+(?P<mon>{MONTH})\s+(?P<day>{DAY})\b(?:,?\s+(?P<year>{YEAR})\b)?"),
    # A year, an ISO date or a year range; what stands before it is checked by the handler.
    ("year", (rf"(?P<year>{YEAR})(?:-(?P<isomon>0[1-9]|1[0-2])-(?P<isoday>3[01]|[12]\d|0[1-9])"
              rf"|\s*(?:-|–)\s*(?P<year2>{YEAR}|\d\d))?{_E}(?:\s+(?P<season>(?i:{SEASON}))\b)?")),
    ("fiscal", rf"(?i)(?:fiscal(?:\s+year)?)\s+(?P<year>{YEAR}|'\d\d){_E}"),
    ("decade", r"(?i)(?=['12])(?P<dec>(?:1[6-9]|20)\d0|'\d0)'?s(?![\w])"),
    ("century", r"(?i)century\b"),
    ("season_year", (rf"(?i)(?P<season>{SEASON})(?:\s+of)?\s+(?P<year>{YEAR}){_E}"
 )),
    ("holiday", rf"(?=[TCNEHIMLVBtnl])(?:(?P<rel>(?i:last|next|this))\s+)?(?P<hol>{HOLIDAY})(?:,?\s+(?P<year>{YEAR})\b)?"),
    # Weekdays, optionally with a time in front or a part of the day after.
    ("weekday", (r"(?i)(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                 r"|mon\.|tues?\.|wed\.|thu(?:rs)?\.|fri\.|sat\.|sun\.)(?P<poss>['’]s)?"
                 r"(?:\s+(?P<part>morning|afternoon|evening|night|overnight))?")),
    # Relative to the publication date. Lower-cased patterns start with a plain alternation of
    # words (no \\b, no optional prefix) so the regex engine can skip ahead fast; mid-word hits are
    # dropped by the finder and optional prefixes are read back by the handlers.
    ("deictic", rf"(?i)(?P<word>today|tonight|yesterday|tomorrow)(?P<poss>['’]s)?\b(?:\s+(?P<part>{PART}))?"),
    ("this_part", r"(?i)(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b"),
    ("rel_unit", (r"(?i)(?P<rel>this|last|next|past|coming|previous|following|current|same|that)\s+"
                  rf"(?P<unit>{CAL_UNIT})\b")),
    ("that_unit", r"(?i)(?P<edge>earlier|later)\s+(?P<rel>that|the\s+same|this)\s+(?P<unit>day|week|month|year)\b"),
    ("ref_day", (r"(?i)(?P<rel>same|next|following|previous|prior|that|the)\s+(?:same\s+)?"
                 r"(?P<unit>day|morning|night|evening|afternoon)\b(?:\s+(?P<dir>before|after)\b(?!\s+\w*day))?")),
    ("weekend", r"(?i)the\s+weekend\b"),
    ("the_unit", r"(?i)the\s+(?P<unit>week|month|year)\b(?!\s+(?:of|before|after|earlier|later|ago)\b)"),
    ("quarter", (rf"(?i)(?:(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter|(?P<qq>q[1-4]))"
                 rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR}))?\b")),
    ("half", rf"(?i)(?P<h>first|second)\s+half(?:\s+of\s+(?P<year>{YEAR}|the\s+year|this\s+year|last\s+year))?\b"),
    ("season", rf"(?i)(?P<season>{SEASON})\b"),
    ("set", (rf"(?i)(?P<w>every|each|daily|weekly|monthly|yearly|annually|hourly|nightly|biweekly|quarterly)\b"
             rf"(?:\s+(?:(?P<other>other)\s+)?(?P<unit>day|week|month|year|morning|night|evening|afternoon|"
             rf"weekend|hour|minute|{SEASON}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)?")),
    ("per", r"(?i)(?:a|per)\s+(?P<unit>day|week|month|year|hour)\b"),
    # Any unit word; the handler reads the number, "the past", "recent" etc. back from before it.
    ("unit", (r"(?i)(?P<unit>years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|century|centuries"
              r"|fortnights?)(?P<long>-long)?\b(?!-old|\s+old\b)"
              r"(?:\s+(?P<dir>ago|earlier|later|from\s+now))?")),
    # Times of day.
    ("time", (r"(?i)(?=[\dnm])(?P<time>(?:[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
              r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?!\d)|(?P<oc>[01]?\d)\s+o['’]clock"
              r"|(?P<hp>1[0-2]|[1-9])(?=\s+in\s+the\s+(?:morning|afternoon|evening|night)\b)"
              r"|(?P<word>noon|midday|midnight))(?:\s*\(?(?:[ecmp][sd]t|gmt|utc|local\s+time)\)?)?"
              r"(?:\s+in\s+the\s+(?P<part>morning|afternoon|evening|night))?(?!\w)"
              r"(?:\s*,?\s+(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
              r"|\s+(?P<deictic>today|tonight|tomorrow|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night))?")),
    # Reference points.
    ("ref", (r"(?i)(?P<word>now|currently|presently|nowadays|at\s+present|these\s+days|recently|lately"
             r"|the\s+past|past|the\s+future|future|current|formerly)\b")),
]

_MONTH_T = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december", "jan", "feb", "mar.", "apr.", "jun.", "jul.", "aug",
            "sep", "oct", "nov", "dec")
_WD_T = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_UNIT_T = ("year", "month", "week", "day", "hour", "minute", "second", "decade", "centur", "fortnight")
# Lower-case substrings one of which must occur in a document for a pattern to be worth running:
# most articles lack most of them, and a substring test costs far less than a regex scan.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "monthname": _MONTH_T, "slash": ("/",),
    "week_of": ("week of",), "year": ("1", "2"), "fiscal": ("fiscal",), "decade": ("0s",),
    "century": ("century",), "season_year": ("spring", "summer", "fall", "autumn", "winter"),  # either order
    "holiday": ("thanksgiving", "christmas", "new year", "easter", "halloween", "independence day",
                "memorial day", "labor day", "election day", "valentine", "veterans day", "boxing day"),
    "weekday": _WD_T,
    "deictic": ("today", "tonight", "yesterday", "tomorrow"),
    "this_part": ("morning", "afternoon", "evening", "night"),
    "rel_unit": ("this ", "last ", "next ", "past ", "coming ", "previous ", "following ", "current ",
                 "same ", "that "),
"that_unit": ("earlier", "later"),
    "ref_day": ("day", "morning", "night", "evening", "afternoon"), "the_unit": ("the week", "the month", "the year"), "weekend": ("weekend",),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"), "half": ("half",), "season": ("spring", "summer", "fall", "autumn", "winter"),
    "unit": _UNIT_T,
    "set": ("every", "each", "daily", "weekly", "monthly", "yearly", "annually", "hourly", "nightly",
            "quarterly"),
    "per": ("a day", "a week", "a month", "a year", "a hour", "per "),
    "time": ("a.m", "p.m", "am", "pm", ":", "o'clock", "o’clock", "noon", "midday", "midnight", " in the "),
    "ref": ("now", "current", "present", "these days", "recent", "lately", "past", "future", "formerly"),
}

# Look-behinds run by handlers on the few characters before a match (cheaper than optional prefixes).
WEEKDAY_BEFORE = re.compile(rf"(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?$")
_NUM_START = r"(?<![\w'])"
# Read back from a unit word: "the past three", "more than four", "5 1/2", "recent", "several".
NUM_BEFORE = re.compile(
    rf"(?:(?P<the>the\s+)?(?:(?P<rel>past|last|next|coming|first|final|previous|following)\s+)?"
    rf"(?:(?P<qual>more\s+than|about|almost|nearly|over|less\s+than|at\s+least|some)\s+)?"
    rf"{_NUM_START}(?P<num>{NUMBER})(?:[\s-]+|(?<=\d))(?:(?:more|additional|full|straight)\s+)?)$")
BARE_BEFORE = re.compile(r"(?:(?:the\s+)?(?<![\w'])(?P<rel>recent|coming|past|next|last|several|few|many)\s+)$")
MOD_BEFORE = re.compile(r"(?<![\w'])(?P<mod>early|late|mid|post|pre)[\s-]+$")
THE_BEFORE = re.compile(r"(?<![\w'])the\s+$")
EDGE_BEFORE = re.compile(r"(?<![\w'])(?:(?P<edge>early|late|earlier|later|(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
                         r"(?P<the>the\s+)?$")
THE_UNIT_BEFORE = re.compile(
    r"(?<![\w'])(?:(?:earlier|later|early|late)\s+in|(?P<edge>(?:at\s+)?the\s+(?:end|start|beginning|middle)"
    r"|the\s+rest|the\s+course)\s+of|for|during|throughout)\s+$")
FREQ_BEFORE = re.compile(r"(?<![\w'])(?P<freq>once|twice|[a-z]+\s+times)\s+$")
DAY_BEFORE = re.compile(rf"(?<![\w$£€.,/-])(?P<day>{DAY})\s+(?:of\s+)?$")
CENTURY_ORD_BEFORE = re.compile(
    r"(?<![\w'])(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth|twentieth|twenty-first)[\s-]+$")
MONTH_MOD_BEFORE = re.compile(r"(?i)(?P<mod>early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*$")
WEEKDAY_REL_BEFORE = re.compile(r"(?i)\b(?P<rel>last|next|this|coming|past|early|late)\s+$")


def _lowercase_safe(rx: str) -> bool:
    """A pattern whose case-insensitivity is global can run on lower-cased text without flags."""
    return rx.startswith("(?i)")


# (kind, compiled, runs on lower-cased text)
PATTERNS: list[tuple[str, re.Pattern[str], bool]] = [
    (kind, re.compile(rx[4:]) if _lowercase_safe(rx) else re.compile(rx), _lowercase_safe(rx))
    for kind, rx in _RAW]


def month_number(name: str) -> int:
    """Month 1-12 from a month name or abbreviation ("Sept.", "February")."""
    return MONTHS[name[:3].lower()]


def weekday_number(name: str) -> int:
    """Weekday 0 (Monday) - 6 (Sunday) from a weekday name or abbreviation."""
    return WEEKDAYS[name[:3].lower()]
