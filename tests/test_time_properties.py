"""Time finder properties on generated text: never raises, spans index the text, in order, disjoint."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from saidwhat.time import find_time_expressions

_VOCAB = ("the last next this past previous following same that year years week month day quarter "
          "weekend summer decade century Monday Friday March May 1998 1999-2000 2:30 p.m. a.m. ago "
          "earlier later 12 31 June of early late mid- every daily a per twice Christmas spring fall "
          "1990s first second half now recently future Feb. 29 30 2100 , . `` '' İ").split()

texts = st.one_of(
    st.lists(st.sampled_from(_VOCAB), max_size=25).map(" ".join),
    st.text(max_size=80),
)
dates = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(texts, dates)
def test_time_properties_spans_are_valid(text, published):
    exprs = find_time_expressions(text, published)
    for e in exprs:
        assert text[e.start:e.end] == e.text and e.text
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:]))
