"""Tokenizing in linear time whatever the text, with every character kept at its offset.

spaCy's tokenizer strips prefixes and suffixes from a run of text without white space one at a time,
re-reading the rest of the run each time: a run of n punctuation marks (20,000 “ in a row) costs
about n² steps (38 s at n = 20,000). Real words are short, so a run longer than ``MAX_RUN``
characters is not a word: it becomes tokens of ``MAX_RUN`` characters each, without the tokenizer,
joined with no space between them, so the Doc's text is still exactly the unit's text and every token
offset holds. Only such runs are cut; the text around them is tokenized as spaCy always does.
Units themselves are at most ``segment.units.MAX_UNIT_CHARS`` long, so the rules' work per unit is
bounded too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..budget import check_budget

# Longest run of non-space characters tokenized in one call. A URL or a long hyphenated compound is
# under 200; the cost of one run grows with the square of its length, so 200 keeps it to a few ms.
MAX_RUN = 200
# Characters parsed between two checks of the time budget: about 0.05 s of parsing on a quiet
# machine, a few tenths at most on a loaded one with a unit full of punctuation.
BATCH_CHARS = 5_000
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def make_doc(nlp, text: str) -> Doc:
    """The tokenized Doc of ``text``; ``doc.text == text`` always, in time linear in its length."""
    runs = list(_LONG_RUN.finditer(text))
    if not runs:
        return nlp.make_doc(text)
    parts, lo = [], 0
    for m in runs:
        if m.start() > lo:
            parts.append(nlp.make_doc(text[lo:m.start()]))
        words = [text[i:min(i + MAX_RUN, m.end())] for i in range(m.start(), m.end(), MAX_RUN)]
        spaces = [False] * len(words)
        lo = m.end()
        if text[lo:lo + 1] == " ":
            spaces[-1], lo = True, lo + 1
        parts.append(Doc(nlp.vocab, words=words, spaces=spaces))
    if lo < len(text):
        parts.append(nlp.make_doc(text[lo:]))
    doc = Doc.from_docs(parts, ensure_whitespace=False)
    assert doc.text == text
    return doc


def _checked(docs: Iterator[Doc]) -> Iterator[Doc]:
    """The docs, with the budget checked before each: the caller's rules run between two of them."""
    for doc in docs:
        check_budget()
        yield doc


def parse_texts(nlp, texts: Iterable[str], disable: Iterable[str] = ()) -> Iterator[Doc]:
    """The parsed Doc of each text, in order, like ``nlp.pipe`` but linear in the text's length.

    Texts go to the pipeline in batches of about ``BATCH_CHARS`` characters, and the time budget of
    the document being read (``saidwhat.budget``) is checked before each batch, so a document over
    its budget stops within one batch's time (a few tenths of a second); it is checked again before
    each Doc is handed over, so the caller's work on the previous one counts too.
    """
    disable = [p for p in disable if p in nlp.pipe_names]
    batch: list[Doc] = []
    size = 0
    for text in texts:
        batch.append(make_doc(nlp, text))
        size += len(text)
        if size >= BATCH_CHARS:
            check_budget()
            yield from _checked(nlp.pipe(batch, disable=disable))
            batch, size = [], 0
    if batch:
        check_budget()
        yield from _checked(nlp.pipe(batch, disable=disable))
