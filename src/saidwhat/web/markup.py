"""Article text cut into pieces for display, each piece tagged with the attribution parts covering it.

Spans may overlap (a speaker inside a mixed quote, two attributions sharing a cue), so the text is cut
at every span boundary and each piece carries every (attribution, part) that covers it. Templates
render the pieces with autoescaping: the text itself never becomes markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Sequence

from ..model import Extraction
from ..store import evidence
from ..store.results import ArticleView, date_label, is_low

PARTS = ("content", "cue", "speaker")

Span = tuple[int, int]


@dataclass(frozen=True)
class Marked:
    """One attribution to mark: its number in the article, its spans and the record to show."""

    number: int
    content_spans: tuple[Span, ...]
    cue_span: Optional[Span]
    speaker_span: Optional[Span]
    kind: str
    content: str
    cue: Optional[str]
    speaker: Optional[str]
    speaker_id: Optional[int]
    source_type: str
    role: Optional[str] = None
    date: Optional[str] = None
    date_text: Optional[str] = None
    confidence: Optional[float] = None
    record: dict = field(default_factory=dict, compare=False)
    date_basis: Optional[str] = "said"  # a fresh extraction's date is only ever the date of saying

    @property
    def anchor(self) -> str:
        """The id of this attribution's record card (the store's attribution id when it has one)."""
        return f"att-{self.record.get('id', self.number)}"

    @property
    def summary(self) -> str:
        """A one-line description for tooltips."""
        who = self.speaker or "no source found"
        bits = [f"[{self.number}] {who}", self.kind]
        if self.cue:
            bits.append(f"cue: {self.cue}")
        if self.date:
            bits.append(date_label(self.date, self.date_basis))
        return " · ".join(bits)


@dataclass(frozen=True)
class Piece:
    """A run of text and the (attribution number, part) pairs covering it; empty for plain text."""

    text: str
    marks: tuple[tuple[int, str], ...]
    ends: tuple[int, ...] = ()  # attributions whose content ends with this piece (a label follows it)

    @property
    def parts(self) -> tuple[str, ...]:
        """The parts covering this piece, most specific first (speaker, cue, content)."""
        have = {p for _, p in self.marks}
        return tuple(p for p in reversed(PARTS) if p in have)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(sorted({n for n, _ in self.marks}))


def _clip(span: Optional[Sequence[int]], size: int) -> Optional[Span]:
    """A span cut to the text, or None when it is empty or malformed (stored offsets are data too)."""
    if span is None or len(span) != 2:
        return None
    try:
        start, end = max(0, int(span[0])), min(size, int(span[1]))
    except (TypeError, ValueError):
        return None
    return (start, end) if start < end else None


def pieces(text: str, marked: Iterable[Marked]) -> list[Piece]:
    """``text`` cut at every span boundary; each piece lists what covers it."""
    size = len(text)
    spans: list[tuple[int, int, int, str]] = []
    for m in marked:
        for s in m.content_spans:
            c = _clip(s, size)
            if c:
                spans.append((*c, m.number, "content"))
        for part, s in (("cue", m.cue_span), ("speaker", m.speaker_span)):
            c = _clip(s, size)
            if c:
                spans.append((*c, m.number, part))
    cuts = sorted({0, size, *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    last_end: dict[int, int] = {}
    for _, e, n, p in spans:
        if p == "content":
            last_end[n] = max(e, last_end.get(n, 0))
    out: list[Piece] = []
    for start, end in zip(cuts, cuts[1:]):
        covering = tuple(sorted((n, p) for s, e, n, p in spans if s <= start and end <= e))
        ends = tuple(sorted(n for n, e in last_end.items() if e == end))
        if out and out[-1].marks == covering and not out[-1].ends:
            out[-1] = Piece(out[-1].text + text[start:end], covering, ends)
        else:
            out.append(Piece(text[start:end], covering, ends))
    return out


def from_view(view: ArticleView) -> list[Marked]:
    """The attributions of a stored article, numbered from 1."""
    return [
        Marked(n, tuple(tuple(s) for s in a.content_spans), a.cue_span, a.speaker_span, a.kind, a.content, a.cue,
               a.speaker, a.speaker_id, a.source_type, a.role, a.date, a.date_text, a.confidence, a.to_dict(),
               a.date_basis)
        for n, a in enumerate(view.attributions, 1)]


def from_extraction(extraction: Extraction) -> list[Marked]:
    """The attributions of a fresh extraction (the paste page), numbered from 1, with their evidence."""
    text = extraction.article.text
    out = []
    for n, a in enumerate(extraction.attributions, 1):
        ref = a.speaker
        mention = text[a.speaker_span[0]:a.speaker_span[1]] if a.speaker_span else None
        spans = tuple(a.content_spans) or (a.content_span,)
        speaker_confidence = getattr(ref, "confidence", None)
        record = {**a.to_dict(), "low_confidence": is_low(a.confidence, speaker_confidence), "verdict": None,
                  "corrected": [], "speaker_confidence": speaker_confidence,
                  "mechanism": evidence.mechanism(a.kind, a.cue, a.cue_span, spans, a.speaker_span, mention),
                  "resolution": evidence.resolution(ref.name if ref else None, mention,
                                                    getattr(ref, "resolution", None))}
        out.append(Marked(n, spans, a.cue_span, a.speaker_span, a.kind,
                          a.content, a.cue, ref.name if ref else None, None, ref.type if ref else "unknown",
                          ref.role if ref else None, a.date, a.date_text, a.confidence, record))
    return out


def record_rows(m: Marked) -> list[tuple[str, Any]]:
    """The fields of one attribution as (label, value) rows for its record card."""
    rows = [("speaker", m.speaker or "(none found)"), ("source type", m.source_type), ("kind", m.kind),
            ("cue", m.cue or "(none)")]
    if m.role:
        rows.append(("role", m.role))
    if m.date and m.date_basis == "said":
        rows.append(("date said", m.date))
    elif m.date:
        rows.append(("date", f"published {m.date} (no date of saying found)"))
    else:
        rows.append(("date said", "(unknown)"))
    if m.date_text:
        rows.append(("date text", m.date_text))
    if m.confidence is not None:
        sc = m.record.get("speaker_confidence")
        low = " (uncertain: check it)" if m.record.get("low_confidence") else ""
        rows.append(("confidence", f"{m.confidence:.2f}" + (f", speaker {sc:.2f}" if sc is not None else "") + low))
    if m.record.get("mechanism"):
        rows.append(("found by", m.record["mechanism"]))
    if m.record.get("resolution"):
        rows.append(("speaker named", m.record["resolution"]))
    if m.record.get("corrected"):
        rows.append(("corrected", ", ".join(m.record["corrected"])))
    if m.record.get("verdict"):
        rows.append(("checked", m.record["verdict"]))
    return rows
