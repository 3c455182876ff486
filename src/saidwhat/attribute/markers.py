"""Attributions marked by layout rather than syntax: speaker labels and dash attributions.

"PENCE: Well, look, ..." (a transcript or a headline "Name: claim") and "“...” ― Sonya Herridge".
"""

from __future__ import annotations

import re
from typing import Optional

from ..segment.paragraphs import Paragraph
from ..segment.units import Unit
from .found import Found, MentionInfo
from .quoted import content_kind, is_speech_quote

# A label: one to four capitalised words (or an all-caps name) then a colon, at a paragraph's start.
_LABEL = re.compile(r"[\"“]?((?:[A-Z][A-Za-z.'’-]*)(?:\s+[A-Z][A-Za-z.'’-]*){0,3}):\s+(?=\S)")
_NOT_LABELS = frozenset("""
note update editor editors correction photo video watch read related advertisement source sources
transcript update: q a question answer breaking exclusive live opinion analysis partial
""".split())
_DASH = re.compile(r"\s*[,]?\s*[―—–]{1,2}\s*((?:[A-Z][\w.'’-]*)(?:\s+[A-Z][\w.'’-]*){0,3})")


def label_attribution(text: str, paragraph: Paragraph, unit: Unit) -> Optional[Found]:
    """A speaker label at the start of a paragraph, with the rest of the paragraph as content."""
    m = _LABEL.match(text, paragraph.start, paragraph.end)
    if not m:
        return None
    label = m.group(1)
    if label.lower().rstrip(".") in _NOT_LABELS or len(label) < 2:
        return None
    start, end = m.end(), paragraph.end
    while end > start and text[end - 1] in " .\"”":
        end -= 1
    if end - start < 8:
        return None
    head = label.split()[-1]
    mention = MentionInfo(span=(m.start(1), m.end(1)), head=head, proper=((m.start(1), m.end(1)),))
    span = (start, end)
    kind, _ = content_kind(text, span, unit.quotes)
    colon = m.end(1)
    return Found([span], kind, unit.index, paragraph.index, "label", cue=(colon, colon + 1),
                 cue_lemma=":", speaker=mention)


def dash_attributions(text: str, unit: Unit, used) -> list[Found]:
    """Quotes followed by a dash and a name: "“...” ― Sonya Herridge"."""
    out = []
    for q in unit.quotes:
        if q in used or not is_speech_quote(text, q, unit):
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
        out.append(Found([q.span], "direct", unit.index, unit.paragraph, "dash",
                         cue=(dash, dash + 1), cue_lemma="―", speaker=mention))
    return out
