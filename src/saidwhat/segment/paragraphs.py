"""Paragraphs and sentences as character spans of the text as given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..budget import checked
from ..model import Span

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ? ! (and any closing quotes or brackets after it) before white space and a
# capital, a digit or an opening quote; the abbreviation test below vetoes false ends.
_SENTENCE_END = re.compile(r"[.?!]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[`]*[A-Z0-9])|[.?!]+[\"'”’»)\]]*\s*$")
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen lt col sgt capt cmdr adm st jr sr rev hon pres vs v no nos vol
jan feb mar apr jun jul aug sep sept oct nov dec mt ft inc corp co ltd bros dept univ est approx
u.s u.k u.n e.u d.c a.m p.m e.g i.e etc al
""".split())


_CLOSING_QUOTES = frozenset("\"'”’»")
# A speaker and a verb of saying right after a closing quote: "Trump said", "said Mr. Lee".
_CUE_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][\w.’'-]*|the|a|an|his|her|their)\s+){0,5}?(?:said|says|asked|asks|added|adds|"
    r"told|tells|wrote|writes|demanded|replied|responded|continued|explained|noted|insisted|"
    r"declared|argued|recalled|warned|tweeted|shouted|wondered)\b")


@dataclass(frozen=True)
class Paragraph:
    """A line of text (news paragraphs are lines) with its sentence spans."""

    index: int
    start: int
    end: int
    sentences: tuple[Span, ...]


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line, trimmed of surrounding white space, with its sentences."""
    paragraphs = []
    for m in checked(_PARAGRAPH.finditer(text), 256):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            paragraphs.append(Paragraph(len(paragraphs), start, end,
                                        tuple(split_sentences(text, start, end))))
    return paragraphs


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes an abbreviation or an initial rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "George W. Bush"
    return word in _ABBREVIATIONS


def split_sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans within ``text[start:end]``, trimmed of white space."""
    spans = []
    s = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == "." and m.group().startswith(".") and len(m.group().rstrip()) == 1 \
                and _is_abbreviation(text, m.start()):
            continue
        if m.group()[-1:] in _CLOSING_QUOTES and _CUE_AFTER.match(text, m.end(), end):
            continue  # “Who would have believed it?” Trump said.
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        s = m.end()
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        spans.append((s, end))
    return spans
