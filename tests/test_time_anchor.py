"""Time helpers: tense cues, anchoring of weekdays/months, durations, holidays."""

from datetime import date

import pytest

from saidwhat.time import anchor
from saidwhat.time.holidays import easter, holiday_date
from saidwhat.time.numbers import duration_value, parse_number

MON = date(2019, 4, 8)


def _tense(sentence, word):
    i = sentence.index(word)
    return anchor.tense(sentence, i, i + len(word))


@pytest.mark.parametrize("sentence, word, expected", [
    ("The minister will travel to Rome on Friday.", "Friday", anchor.FUTURE),
    ("The ministers are scheduled to meet Friday.", "Friday", anchor.FUTURE),
    ("Voters were expected to go to the polls Sunday.", "Sunday", anchor.FUTURE),
    ("The minister travelled to Rome on Friday.", "Friday", anchor.PAST),
    ("On Friday, the minister resigned.", "Friday", anchor.PAST),
    ("On Friday, officials said, the market will reopen.", "Friday", anchor.FUTURE),
    ("The treaty will be signed in Oslo next month, he said.", "month", anchor.FUTURE),
    ("The case is heard in May.", "May", None),
    ("The shop stood next to the station on Friday.", "Friday", anchor.PAST),
    ("Rain fell. The fair opens Monday.", "Monday", None),
])
def test_time_anchor_tense(sentence, word, expected):
    assert _tense(sentence, word) == expected


@pytest.mark.parametrize("weekday, rel, tense, expected", [
    (4, None, None, date(2019, 4, 5)),           # bare Friday: the last one
    (0, None, None, date(2019, 4, 8)),           # the publication day itself
    (3, None, anchor.FUTURE, date(2019, 4, 11)),
    (2, "last", None, date(2019, 4, 3)),
    (0, "last", None, date(2019, 4, 1)),
    (1, "next", None, date(2019, 4, 9)),
    (6, "this", None, date(2019, 4, 14)),
])
def test_time_anchor_weekday(weekday, rel, tense, expected):
    assert anchor.weekday_date(MON, weekday, rel, tense) == expected


@pytest.mark.parametrize("pub, month, day, tense, expected", [
    (date(2000, 1, 7), 11, 25, None, 1999),          # nearest: just past
    (date(2000, 1, 15), 3, 6, None, 2000),           # nearest: just ahead
    (date(1999, 5, 6), 10, 23, anchor.PAST, 1998),
    (date(1999, 2, 10), 4, 24, anchor.FUTURE, 1999),
    (date(1999, 2, 10), 4, 24, None, 1999),          # no cue: the nearest
    (date(1999, 2, 10), 4, 24, anchor.PAST, 1998),
])
def test_time_anchor_month_day_year(pub, month, day, tense, expected):
    assert anchor.month_day_year(pub, month, day, tense) == expected


@pytest.mark.parametrize("pub, month, tense, expected", [
    (date(2019, 4, 8), 2, None, 2019),
    (date(1998, 12, 5), 4, anchor.FUTURE, 1999),
    (date(1998, 12, 3), 2, anchor.PAST, 1998),
    (date(2000, 3, 29), 5, None, 2000),
    (date(1998, 10, 25), 1, None, 1998),
])
def test_time_anchor_month_year(pub, month, tense, expected):
    assert anchor.month_year(pub, month, tense) == expected


@pytest.mark.parametrize("text, unit, expected", [
    ("three", "year", "P3Y"), ("5 1/2", "hour", "PT5H30M"), ("a", "decade", "P10Y"),
    ("two and a half", "year", "P2Y6M"), ("several", "day", "PXD"), ("twenty-five", "minute", "PT25M"),
    ("half an", "hour", "PT30M"), ("four", "century", "P400Y"),
])
def test_time_anchor_durations(text, unit, expected):
    assert duration_value(parse_number(text), unit) == expected


def test_time_anchor_rejects_unknown_number_words():
    with pytest.raises(ValueError):
        parse_number("umpteen")


@pytest.mark.parametrize("name, year, expected", [
    ("Thanksgiving", 1999, date(1999, 11, 25)),
    ("Election Day", 1998, date(1998, 11, 3)),
    ("Memorial Day", 2019, date(2019, 5, 27)),
    ("Christmas Eve", 2019, date(2019, 12, 24)),
])
def test_time_anchor_holidays(name, year, expected):
    assert holiday_date(name, year) == expected


@pytest.mark.parametrize("year, expected", [(2000, date(2000, 4, 23)), (2019, date(2019, 4, 21))])
def test_time_anchor_easter(year, expected):
    assert easter(year) == expected
