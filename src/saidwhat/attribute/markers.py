"""Attributions marked by layout rather than syntax: speaker labels and dash attributions.

"OKAFOR: Well, listen, ..." (a transcript or a headline "Name: claim") and "“...” ― Ida Brenner".
"""

from __future__ import annotations

import re

from ..segment.paragraphs import Paragraph
from ..segment.units import Unit
from .found import MentionInfo
from .frame import Frame
from .quoted import content_kind, is_speech_quote

# A label: one to four capitalised words (or an all-caps name) then a colon, at a paragraph's start.
_LABEL = re.compile(r"[\"“]?((?:[A-Z][A-Za-z.'’-]*)(?:\s+[A-Z][A-Za-z.'’-]*){0,3}):\s+(?=\S)")
_NOT_LABELS = frozenset("""
note update editor editors correction photo video watch read related advertisement source sources
transcript update: q a question answer breaking exclusive live opinion analysis partial
""".split())
_DASH = re.compile(r"\s*[,]?\s*[―—–]{1,2}\s*((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3})")


def match_label(text: str, paragraphs: list[Paragraph], units: list[Unit], off: frozenset = frozenset()
                ) -> list[Frame]:
    """A speaker label at the start of a paragraph, with the rest of the paragraph as content."""
    first_units: dict[int, Unit] = {}
    for u in units:
        first_units.setdefault(u.paragraph, u)
    out = []
    for paragraph in paragraphs:
        unit = first_units.get(paragraph.index)
        m = unit and _LABEL.match(text, paragraph.start, paragraph.end)
        if not m:
            continue
        label = m.group(1)
        if ("not-a-label" not in off and label.lower().rstrip(".") in _NOT_LABELS) or len(label) < 2:
            continue
        start, end = m.end(), paragraph.end
        while end > start and text[end - 1] in " .\"”":
            end -= 1
        if end - start < 8:
            continue
        mention = MentionInfo(span=(m.start(1), m.end(1)), head=label.split()[-1],
                              proper=((m.start(1), m.end(1)),))
        kind, _ = content_kind(text, (start, end), unit.quotes)
        colon = m.end(1)
        out.append(Frame("label", "label", ((start, end),), kind, unit.index, paragraph.index,
                         cue=(colon, colon + 1), lemma=":", source=mention,
                         quotes=tuple(q for q in unit.quotes if start <= q.start), exclusive=True,
                         evidence=("all-caps" if label.isupper() else "capitalised",)))
    return out


def match_dash(text: str, paragraphs: list[Paragraph], units: list[Unit], off: frozenset = frozenset()
               ) -> list[Frame]:
    """Quotes followed by a dash and a name: "“...” ― Ida Brenner"."""
    out = []
    for unit in units:
        for q in unit.quotes:
            if "not-speech-quote" not in off and not is_speech_quote(text, q, unit):
                continue
            m = _DASH.match(text, q.end, unit.end)
            if not m:
                continue
            name = m.group(1)
            mention = MentionInfo(span=(m.start(1), m.end(1)), head=name.split()[-1],
                                  proper=((m.start(1), m.end(1)),))
            dash = m.start(1) - 1
            while dash > q.end and text[dash].isspace():
                dash -= 1
            out.append(Frame("dash", "dash", (q.span,), "direct", unit.index, unit.paragraph,
                             cue=(dash, dash + 1), lemma="―", source=mention, quotes=(q,),
                             needs_quotes=True, evidence=(f"dash:{text[dash]}",)))
    return out
