"""Cutting article text into marked pieces, and the timeline's geometry."""

from __future__ import annotations

import pytest

from saidwhat.web.data import Week
from saidwhat.web.markup import Marked, pieces
from saidwhat.web.timeline import chart


def mark(number, content=(), cue=None, speaker=None):
    return Marked(number, tuple(content), cue, speaker, "direct", "", None, None, None, "person")


TEXT = 'Ann said "yes, we will" and Bo said no.'


@pytest.mark.parametrize("marks, expected", [
    ([], [(TEXT, ())]),
    ([mark(1, [(9, 23)], (4, 8), (0, 3))],
     [("Ann", ((1, "speaker"),)), (" ", ()), ("said", ((1, "cue"),)), (" ", ()),
      ('"yes, we will"', ((1, "content"),)), (" and Bo said no.", ())]),
    # A speaker inside the content's hull: the piece carries both parts, speaker first.
    ([mark(1, [(0, 13)], None, (4, 8))],
     [("Ann ", ((1, "content"),)), ("said", ((1, "content"), (1, "speaker"))), (' "yes', ((1, "content"),)),
      (TEXT[13:], ())]),
    # Two attributions sharing a cue.
    ([mark(1, cue=(4, 8)), mark(2, cue=(4, 8))],
     [("Ann ", ()), ("said", ((1, "cue"), (2, "cue"))), (TEXT[8:], ())]),
    # Spans outside the text, reversed or empty are dropped or clipped, never raise.
    ([mark(1, [(30, 999)], (-5, 2), (7, 3))],
     [("An", ((1, "cue"),)), (TEXT[2:30], ()), (TEXT[30:], ((1, "content"),))]),
    ([mark(1, [(5, 5)], None, None)], [(TEXT, ())]),
])
def test_web_markup_pieces(marks, expected):
    got = pieces(TEXT, marks)
    assert [(p.text, p.marks) for p in got] == expected
    assert "".join(p.text for p in got) == TEXT


def test_web_markup_piece_parts_most_specific_first():
    (p,) = [p for p in pieces(TEXT, [mark(1, [(0, 13)], (0, 3), (0, 3))]) if p.text == "Ann"]
    assert p.parts == ("speaker", "cue", "content") and p.numbers == (1,)


def test_web_markup_pieces_of_empty_text():
    assert pieces("", [mark(1, [(0, 3)])]) == []


@pytest.mark.parametrize("weeks, bars, peak", [
    ([], 0, 0),
    ([Week("2019-03-04", 2)], 1, 2),
    ([Week("2019-03-04", 2), Week("2019-03-11", 0), Week("2019-03-18", 5)], 3, 5),
    ([Week(f"2019-01-{1 + i % 28:02d}", 1) for i in range(600)], 200, 3),  # merged in threes
])
def test_web_markup_timeline_chart(weeks, bars, peak):
    c = chart(weeks)
    assert len(c.bars) == bars and c.peak == peak
    for b in c.bars:
        assert c.left <= b.x < c.width and 0 <= b.height <= c.base - c.top + 0.01
        assert abs(b.y + b.height - c.base) < 0.01
    if c.bars:
        tallest = max(c.bars, key=lambda b: b.height)
        assert tallest.quotes == peak and abs(tallest.y - c.top) < 0.01
    assert len(c.ticks) <= 9


def test_web_markup_label_follows_the_last_content_fragment():
    got = pieces(TEXT, [mark(1, [(0, 3), (9, 23)]), mark(2, [(28, 30)], (31, 35))])
    ends = {p.text: p.ends for p in got if p.ends}
    assert ends == {'"yes, we will"': (1,), "Bo": (2,)}
