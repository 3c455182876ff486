"""The frames of one document: segments → candidates → parse → registered rules → claim resolver."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..budget import check_budget, checked
from ..candidates.cues import has_cue
from ..model import Article, Span, TimeExpression
from ..parse.nlp import load_pipeline
from ..parse.tokens import parse_texts
from ..segment.paragraphs import split_paragraphs
from ..segment.quotes import Quote, find_quotes
from ..segment.units import make_units
from .channels import add_channels
from .claims import resolve_claims
from .context import UnitContext
from .frame import Frame
from .mentions import proper_names
from .rules import DOCUMENT_RULES, PRIORITIES, UNIT_RULES

# Rules read tags and dependencies only: names get entity labels apart (see parse.entities).
UNUSED_WHEN_PARSING = ("ner",)


@dataclass(frozen=True)
class Attributed:
    """What the attribution stage hands on: the frames that stand, every quote, and the runs of
    capitalised words that may name a speaker mentioned in a sentence with no cue."""

    frames: tuple[Frame, ...]
    quotes: tuple[Quote, ...]
    names: tuple[Span, ...]


def find_frames(article: Article, times: tuple[TimeExpression, ...], beliefs: bool = False,
                off: frozenset[str] = frozenset()) -> Attributed:
    """The frames of one article, with every rule, veto and refiner in ``off`` switched off.

    Statements (speech, writing, reports) are always found. Beliefs, plans and findings reported
    without quotation marks ("she thinks the plan failed") only with ``beliefs=True``: they are
    attributions of another kind, and most users asking who said what do not want them.
    """
    text = article.text
    paragraphs = split_paragraphs(text)
    check_budget()
    if article.dateline_span:
        paragraphs = [p for p in paragraphs if p.start >= article.dateline_span[1]]
    quotes = find_quotes(text, paragraphs)
    check_budget()
    units = make_units(paragraphs, quotes, text)
    check_budget()
    time_spans = sorted((t.start, t.end) for t in times)
    time_starts = [s for s, _ in time_spans]

    candidates = [u for u in checked(units) if u.quotes or has_cue(text, u.start, u.end)]
    frames: list[Frame] = []
    rules = [r for r in UNIT_RULES if r.name not in off]
    if candidates and rules:
        nlp = load_pipeline()
        docs = parse_texts(nlp, (text[u.start:u.end] for u in candidates), UNUSED_WHEN_PARSING)
        for unit, doc in zip(candidates, docs):
            lo, hi = bisect_left(time_starts, unit.start), bisect_left(time_starts, unit.end)
            ctx = UnitContext(text, unit, doc, time_spans[lo:hi], off)
            found = []
            for r in rules:
                check_budget()
                found.extend(r.match(ctx))
            frames.extend(add_channels(ctx, found) if "channel" not in off else found)
    for r in DOCUMENT_RULES:
        if r.name not in off:
            check_budget()
            frames.extend(r.match(text, paragraphs, units, off))
    check_budget()
    kept = resolve_claims(text, units, frames, PRIORITIES, off, beliefs)
    check_budget()
    names = tuple(span for u in checked(units, 256) for span in proper_names(text, u.start, u.end))
    return Attributed(tuple(kept), tuple(quotes), names)
