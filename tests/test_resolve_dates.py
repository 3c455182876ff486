"""The day a statement was made: tables of invented sentences and the date each must get (or none)."""

from __future__ import annotations

import pytest

import saidwhat

PUBLISHED = "2024-03-08"  # a Friday


def _dates(text: str) -> list:
    return [a.date for a in saidwhat.extract(text, PUBLISHED).attributions]


DATES = [
    # the frame's own day
    ("Mayor Ines Ruiz said on Tuesday that the bridge would reopen.", ["2024-03-05"]),
    # a bound of a span of time is not the day of saying
    ("The ban stays in place until 30 April, Mayor Ines Ruiz said.", [None]),
    ("As of February 28, Ines Ruiz said, the fund had paid out 40 claims.", [None]),
    ("Ines Ruiz, who has led the council from Jan. 9, said the budget was tight.", [None]),
    # a possessive day names an event, not the saying
    ("Tuesday’s vote, according to Ines Ruiz, was close.", [None]),
    # a participle clause after the cue has its own time
    ("“We are stronger,” Ines Ruiz said, comparing the town today with the town a decade ago.", [None]),
    # a quotation that closes its sentence ends the frame: the next sentence's day is not its day
    ("Asked about the delay, Ines Ruiz declined, saying “I will not comment.” On Monday, her deputy "
     "spoke to the press.", [None]),
    # the same speaker going on, no one else between: the same occasion
    ("Yesterday, Dr Omar Haddad said the clinic was full. He added that staff were tired.",
     ["2024-03-07", "2024-03-07"]),
]


@pytest.mark.parametrize("text, dates", DATES)
def test_resolve_dates_day_of_saying(text, dates):
    assert _dates(text) == dates


def test_resolve_dates_another_speaker_between_breaks_the_occasion():
    text = ("Yesterday, Dr Omar Haddad said the clinic was full. Nurse Lena Ortiz said the beds were "
            "old. He said staff were tired.")
    assert _dates(text) == ["2024-03-07", None, None]
