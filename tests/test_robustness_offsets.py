"""Robustness of saidwhat.extract: it never raises on text, and every offset slices to what it reports.

These tests assert invariants that hold whatever the engine finds, so they stay valid while the
engine improves: spans inside the text, reported texts equal to their slices, ids that resolve.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import saidwhat
from saidwhat.batch import DocumentError, extract_many
from saidwhat.model import KINDS, SOURCE_TYPES, TIMEX_TYPES, Extraction
from saidwhat.text.clean import replace_lone_surrogates


def _inside(span, text):
    assert span is not None
    start, end = span
    assert isinstance(start, int) and isinstance(end, int)
    assert 0 <= start <= end <= len(text), (span, len(text))


def check_invariants(result: Extraction, text: str) -> None:
    """Every offset lies inside ``text`` and slices to the text reported with it."""
    assert isinstance(result, Extraction)
    assert result.article.text == text
    speaker_ids = {s.id for s in result.speakers}
    assert len(speaker_ids) == len(result.speakers)
    for a in result.attributions:
        assert a.kind in KINDS
        assert 0.0 <= a.confidence <= 1.0
        assert a.content_spans, "an attribution has at least one content fragment"
        for span in a.content_spans:
            _inside(span, text)
        _inside(a.content_span, text)
        assert a.content_span == (min(s for s, _ in a.content_spans),
                                  max(e for _, e in a.content_spans))
        if len(a.content_spans) == 1:
            assert a.content == text[a.content_span[0]:a.content_span[1]]
        if a.cue_span is not None:
            _inside(a.cue_span, text)
        if a.speaker_span is not None:
            _inside(a.speaker_span, text)
        if a.speaker is not None:
            assert a.speaker.type in SOURCE_TYPES
            assert a.speaker.id is None or a.speaker.id in speaker_ids
        for link in a.source_chain:
            if link.span is not None:
                _inside(link.span, text)
        if a.date is not None:
            date.fromisoformat(a.date)
    for s in result.speakers:
        assert s.type in SOURCE_TYPES
        for m in s.mentions:
            _inside((m.start, m.end), text)
            assert m.text == text[m.start:m.end]
    for t in result.time_expressions:
        _inside((t.start, t.end), text)
        assert t.text == text[t.start:t.end]
        assert t.type in TIMEX_TYPES
    json.dumps(result.to_dict())  # the JSON form is always serialisable


# Fragments that steer random text into the engine's paths: quote marks of every kind, cue words,
# pronouns, names, dates, paragraph breaks.
FRAGMENTS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", " said ", " told ", " according to ",
             " he said.", " she added: ", ", said ", " Lovelace", " Ada Lovelace", " the minister",
             " officials ", " on Monday", " last week", " in 2019", " April 8, 2019", "\n\n", "\n",
             " — ", ". ", ", ", "(", ")", " which cited ", " in a statement", " 3 years ago"]

texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join),
)
published = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, pub=published, beliefs=st.booleans())
def test_robustness_arbitrary_text_never_raises_and_offsets_slice(text, pub, beliefs):
    check_invariants(saidwhat.extract(text, published=pub, beliefs=beliefs), text)


# Lone surrogates (not characters: they cannot be written as UTF-8) and long runs of each quotation
# mark, the inputs that once raised from inside spaCy or took time quadratic in the run's length.
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‟", "‹", "›", "``", "''", "「", "」", "‚"]
lone_surrogates = st.integers(0xD800, 0xDFFF).map(chr)
runs_of_marks = st.builds(lambda mark, n: mark * n, st.sampled_from(QUOTE_MARKS),
                          st.one_of(st.integers(1, 20), st.integers(200, 2500)))
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12), lone_surrogates,
                             runs_of_marks), min_size=1, max_size=20).map("".join)


@settings(max_examples=40, deadline=30_000, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile)
def test_robustness_lone_surrogates_and_runs_of_quote_marks_never_raise_and_offsets_slice(text):
    cleaned = replace_lone_surrogates(text)
    assert len(cleaned) == len(text)  # one for one: every offset into the input holds
    try:
        result = saidwhat.extract(text, budget=20)
    except saidwhat.TimeBudgetError:
        result = None  # a typed per-document error is an answer too
    if result is not None:
        check_invariants(result, cleaned)
    # The batch path: one result per document, an extraction or a typed error, never an exception.
    (batch,) = list(extract_many([{"id": "h", "text": text}], budget=20))
    if isinstance(batch, DocumentError):
        assert batch.document == "h" and batch.reason == "timeout", batch
    else:
        assert batch.id == "h"
        check_invariants(batch, cleaned)


NASTY = [
    "",
    " ",
    "\n\n\n",
    '"',
    "“",
    '""',
    "“”",
    '"""""""""""""""""""""""""""',
    "“‘“‘”’”’" * 50,
    '" said "',
    '“He said,” he said, “he said.”',
    'He said "unbalanced and never closed. And more text. She told reporters: "again',
    "Closing only.” said the minister. Another.” he added.”",
    "“Nested ‘inner “deeper” quote’ here,” said Ada Lovelace.",
    "“First paragraph of a long quote.\n\n“Second paragraph, no close.\n\n“Third, closed,” she said.",
    "It’s the mayor’s plan, isn’t it’, she said.",
    "‘Tis true,’ said the bard.",
    "According to",
    "said",
    ": : : : said: : :",
    "April 8, 2019",
    "April 8, 2019\n",
    "April 8, 2019\n“Yes,” he said on Saturday.",
    "\ufeffApril 8, 2019\nHe said.",
    "Line\r\nwith\r\nCRLF, \"quoted\r\ntext,\" he said.\r\n",
    "\x00\x01\x02 said \x7f “control” \x0b\x0c",
    "Emoji 😀 “quote 🎉 here,” said 👩‍👩‍👧 family.",
    "Arabic «اقتباس» قال الوزير “mixed” text.",
    "Combining e\u0301 “cafe\u0301,” said Zoe\u0308.",
    "Zero\u200bwidth\u200d “joiner\u2060 text,” said X.",
    "RTL \u202e“reversed,” said \u202cthe source.",
    "„German quotes“, sagte er. »Guillemets«, he said.",
    "A" * 10_000,
    "“" + "word " * 2_000 + "” he said.",
    ("He said. " * 500),
    "\"" * 3000,
    "said, told, according to, noted, added. " * 100,
]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_robustness_nasty_text(text):
    check_invariants(saidwhat.extract(text), text)
    check_invariants(saidwhat.extract(text, beliefs=True), text)


@pytest.mark.parametrize("pub", [None, "2019-04-08", date(2019, 4, 8), "2019-04-08T23:59:59+02:00"])
def test_robustness_published_forms(pub):
    text = "“We met on Saturday,” the minister said on Monday. Talks resume next week."
    result = saidwhat.extract(text, published=pub)
    check_invariants(result, text)
    if pub is not None:
        assert result.article.published == date(2019, 4, 8)


@pytest.mark.parametrize("bad, reason", [
    (b"bytes", "not-text"),
    (None, "not-text"),
    (3.14, "not-text"),
    (["text"], "not-text"),
])
def test_robustness_non_text_raises_input_error(bad, reason):
    with pytest.raises(saidwhat.InputError) as info:
        saidwhat.extract(bad)
    assert info.value.reason == reason


@pytest.mark.parametrize("pub", ["yesterday", "2019-02-30", "19-4-8", 20190408, ["2019-04-08"]])
def test_robustness_bad_published_raises_published_date_error(pub):
    with pytest.raises(saidwhat.PublishedDateError) as info:
        saidwhat.extract("He said so.", published=pub)
    assert info.value.reason == "bad-published-date"
