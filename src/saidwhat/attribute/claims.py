"""The claim resolver: which frame owns each quote, and which frames stand.

Rules propose frames independently; this is the one place that decides between them:
1. frames in order of their rule's priority (then position): a frame that is nothing without its
   quotes loses those another frame took first; a speaker label only where no other frame is;
2. a colon that ends its paragraph takes the next paragraph's free quotes, else its text;
3. a free quote that opens a unit continues the last quote frame of its paragraph or the one before
   ("continuation");
4. the sources behind sources: an outlet that reported a statement, a report that carried it, whom a
   report cites ("reported-by", "report-by", "citing": see sources.py);
5. a frame whose cue and content lie inside another's content is part of it ("nested").
"""

from __future__ import annotations

from dataclasses import replace

from ..budget import check_budget
from ..candidates.cues import cue_class, has_cue
from ..segment.units import Unit
from .frame import Frame
from .quoted import is_speech_quote
from .sources import citing, report_by, reported_by


def resolve_claims(text: str, units: list[Unit], frames: list[Frame], priorities: dict[str, int],
                   off: frozenset = frozenset(), beliefs: bool = False) -> list[Frame]:
    """The frames that stand, in text order, each quote owned by one of them at most."""
    order = {name: i for i, name in enumerate(priorities)}
    ranked = sorted(frames, key=lambda f: (priorities[f.rule], f.unit, f.cue[0] if f.cue else f.start,
                                           order[f.rule]))
    owned: set = set()
    taken_paragraphs: set[int] = set()
    kept: list[Frame] = []
    for f in ranked:
        if f.exclusive and f.paragraph in taken_paragraphs:
            continue
        if f.needs_quotes:
            free = tuple(q for q in f.quotes if q not in owned)
            if not free:
                continue
            if len(free) < len(f.quotes) and set(f.content) == {q.span for q in f.quotes}:
                f = replace(f, content=tuple(q.span for q in free), quotes=free)
        owned.update(f.quotes)
        kept.append(f)
        if not f.exclusive:
            taken_paragraphs.add(f.paragraph)
    kept.sort(key=lambda f: f.start)
    by_paragraph: dict[int, list[Unit]] = {}
    for u in units:
        by_paragraph.setdefault(u.paragraph, []).append(u)
    kept = [_next_paragraph(f, by_paragraph, owned) if f.opens_next and "colon-next-paragraph" not in off else f
            for f in kept]
    kept = [f for f in kept if f.content[0][1] > f.content[0][0]]
    kept.sort(key=lambda f: f.start)
    check_budget()  # between the steps: each is linear, but a step over 1 MB takes tenths of a second
    if "continuation" not in off:
        kept = _continue_quotes(text, units, kept, owned)
    if not beliefs:
        kept = [f for f in kept if f.kind != "indirect" or cue_class(f.lemma or ":") == "speech"]
    # Sources behind sources, before nested frames are folded into the outer one (sources.py).
    check_budget()
    if "reported-by" not in off:
        kept = reported_by(text, kept, {u.index: u.end for u in units})
    check_budget()
    if "report-by" not in off:
        kept = report_by(text, kept)
    check_budget()
    if "citing" not in off:
        kept = citing(text, kept)
    check_budget()
    if "nested" not in off:
        kept = _outermost(kept)
    return kept


def _next_paragraph(f: Frame, by_paragraph: dict[int, list[Unit]], owned: set) -> Frame:
    """ "Okafor continued:" then the next paragraph: its quotes (or its text) are the content."""
    following = by_paragraph.get(f.paragraph + 1, [])
    if not following:
        return f
    quotes = tuple(q for u in following for q in u.quotes if q not in owned)
    owned.update(quotes)
    # Later quotes with no cue continue from the paragraph the content is in.
    if quotes:
        return replace(f, content=tuple(q.span for q in quotes), kind="direct", quotes=quotes,
                       paragraph=f.paragraph + 1)
    return replace(f, content=((following[0].start, following[-1].end),), paragraph=f.paragraph + 1)


def _continue_quotes(text: str, units: list[Unit], frames: list[Frame], owned: set) -> list[Frame]:
    """A quote with no cue of its own continues the nearest earlier attribution of a quote.

    In the same paragraph, or (the news convention for long quotes) in the paragraph before.
    """
    frames = list(frames)
    cued = {f.paragraph for f in frames}
    for u in units:
        if u.paragraph not in cued and has_cue(_outside_quotes(text, u), 0, u.end - u.start):
            cued.add(u.paragraph)
    last = None  # index of the last frame of a quote so far
    fi = 0
    for unit in sorted(units, key=lambda u: u.start):
        while fi < len(frames) and frames[fi].start < unit.end:
            if frames[fi].kind in ("direct", "mixed"):
                last = fi
            fi += 1
        if not unit.quotes or unit.quotes[0].start != unit.start:
            continue  # a quote inside a sentence is a fragment of that sentence, not a sequel
        for q in unit.quotes:
            if q in owned or not is_speech_quote(text, q, unit) or last is None:
                continue
            prev = frames[last]
            if prev.paragraph < unit.paragraph - 1:
                continue
            if prev.paragraph != unit.paragraph and unit.paragraph in cued:
                continue  # a later paragraph with a cue of its own starts anew
            # A third paragraph may go on in turn: the frame is now in this one.
            frames[last] = replace(prev, content=prev.content + (q.span,), quotes=prev.quotes + (q,),
                                   paragraph=unit.paragraph, evidence=prev.evidence + ("continued",))
            owned.add(q)
    return frames


def _outside_quotes(text: str, unit: Unit) -> str:
    """The unit's text with its quotations blanked out (same length, so offsets hold)."""
    chars = list(text[unit.start:unit.end])
    for q in unit.quotes:
        for i in range(q.start - unit.start, q.end - unit.start):
            chars[i] = " "
    return "".join(chars)


def _outermost(frames: list[Frame]) -> list[Frame]:
    """Drop a frame whose cue and content both lie inside another one's content.

    "Smith said Jones believes the plan failed": what Jones believes is part of what Smith said,
    reported by Smith; the annotated convention (PolNeAR, PARC) makes it one attribution.
    """
    hulls = [f.hull for f in frames]
    # A sweep in order of start (widest first): the widest hull seen so far is the one to be inside.
    order = sorted(range(len(frames)), key=lambda i: (hulls[i][0], -hulls[i][1]))
    keep, widest = [], None
    for i in order:
        lo, hi = hulls[i]
        f = frames[i]
        if widest is not None:
            wlo, whi = hulls[widest]
            if wlo <= lo and hi <= whi and (wlo, whi) != (lo, hi) and \
                    (f.cue is None or wlo <= f.cue[0] < whi):
                continue
        keep.append(f)
        if widest is None or hi > hulls[widest][1]:
            widest = i
    keep.sort(key=lambda f: f.start)
    return keep
