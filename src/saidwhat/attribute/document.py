"""Attributions of one document: segments → candidates → parse → rules → resolution → dates."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from ..candidates.cues import cue_class, has_cue
from ..model import Article, Attribution, SourceLink, Speaker, TimeExpression
from ..parse.entities import name_labels
from ..parse.nlp import load_pipeline
from ..resolve.dates import day_of, own_date
from ..resolve.speakers import SpeakerResolver
from ..segment.paragraphs import split_paragraphs
from ..segment.quotes import find_quotes
from ..segment.units import Unit, make_units
from .clauses import UnitRules
from .found import Found
from .markers import dash_attributions, label_attribution
from .mentions import proper_names
from .quoted import is_speech_quote

# Rules read tags and dependencies only: names get entity labels apart (see parse.entities).
UNUSED_WHEN_PARSING = ["ner"]
# How far before a statement's sentence its frame may reach (an according-to phrase before it).
_FRAME_REACH = 2000
_CONFIDENCE = {"clause": 0.75, "object": 0.65, "predicate": 0.65, "colon": 0.75, "quote": 0.85, "according": 0.8,
               "label": 0.6, "dash": 0.7}


def find_attributions(article: Article, times: tuple[TimeExpression, ...], beliefs: bool = False
                      ) -> tuple[list[Attribution], list[Speaker]]:
    """The attributions and the speakers of one article.

    Statements (speech, writing, reports) are always found. Beliefs, plans and findings reported
    without quotation marks ("she thinks the plan failed") only with ``beliefs=True``: they are
    attributions of another kind, and most users asking who said what do not want them.
    """
    text = article.text
    paragraphs = split_paragraphs(text)
    if article.dateline_span:
        paragraphs = [p for p in paragraphs if p.start >= article.dateline_span[1]]
    quotes = find_quotes(text, paragraphs)
    units = make_units(paragraphs, quotes, text)
    time_spans = sorted((t.start, t.end) for t in times)
    time_starts = [s for s, _ in time_spans]

    candidates = [u for u in units if u.quotes or has_cue(text, u.start, u.end)]
    found: list[Found] = []
    used = set()
    if candidates:
        nlp = load_pipeline()
        docs = nlp.pipe((text[u.start:u.end] for u in candidates), disable=UNUSED_WHEN_PARSING)
        for unit, doc in zip(candidates, docs):
            lo, hi = bisect_left(time_starts, unit.start), bisect_left(time_starts, unit.end)
            rules = UnitRules(text, unit, doc, time_spans[lo:hi])
            found.extend(rules.find())
            used |= rules.used
    names = [span for u in units for span in proper_names(text, u.start, u.end)]
    by_paragraph = {p.index: p for p in paragraphs}
    first_units = {}
    for u in units:
        first_units.setdefault(u.paragraph, u)
    taken_paragraphs = {f.paragraph for f in found}
    for index, unit in first_units.items():
        if index not in taken_paragraphs:
            f = label_attribution(text, by_paragraph[index], unit)
            if f:
                found.append(f)
                used.update(q for q in unit.quotes if f.content_spans[0][0] <= q.start)
    for unit in units:
        dashes = dash_attributions(text, unit, used)
        for f in dashes:
            used.update(q for q in unit.quotes if q.span in f.content_spans)
        found.extend(dashes)
    found.sort(key=lambda f: f.start)
    _fill_colon_intros(text, units, found, used)
    found = [f for f in found if f.content_spans[0][1] > f.content_spans[0][0]]
    found.sort(key=lambda f: f.start)
    _continue_quotes(text, units, found, used)
    if not beliefs:
        found = [f for f in found if f.kind != "indirect" or cue_class(f.cue_lemma or ":") == "speech"]
    found = _outermost(found)
    mentions = [f.speaker for f in found if f.speaker] + [c.mention for f in found for c in f.chain]
    labels = name_labels(text[m.proper[-1][0]:m.proper[-1][1]] for m in mentions if m.proper)
    return _records(article, found, times, quotes, names, labels)


def _outermost(found: list[Found]) -> list[Found]:
    """Drop an attribution whose cue and content both lie inside another one's content.

    "Smith said Jones believes the plan failed": what Jones believes is part of what Smith said,
    reported by Smith; the annotated convention (PolNeAR, PARC) makes it one attribution.
    """
    hulls = [(min(s for s, _ in f.content_spans), max(e for _, e in f.content_spans)) for f in found]
    # A sweep in order of start (widest first): the widest hull seen so far is the one to be inside.
    order = sorted(range(len(found)), key=lambda i: (hulls[i][0], -hulls[i][1]))
    keep, widest = [], None
    for i in order:
        lo, hi = hulls[i]
        f = found[i]
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


def _fill_colon_intros(text: str, units: list[Unit], found: list[Found], used) -> None:
    """ "Caddell continued:" then the next paragraph: its quote (or its text) is the content."""
    for f in found:
        if f.mechanism != "colon":
            continue
        following = [u for u in units if u.paragraph == f.paragraph + 1]
        if not following:
            continue
        quotes = [q for u in following for q in u.quotes if q not in used]
        if quotes:
            f.content_spans[:] = [q.span for q in quotes]
            f.kind = "direct"
            used.update(quotes)
        else:
            f.content_spans[:] = [(following[0].start, following[-1].end)]
        f.paragraph += 1  # later quotes with no cue continue from here


def _continue_quotes(text: str, units: list[Unit], found: list[Found], used) -> None:
    """A quote with no cue of its own continues the nearest earlier attribution of a quote.

    In the same paragraph, or (the news convention for long quotes) in the paragraph before.
    """
    last_quote_attr = None
    cued = {f.paragraph for f in found}
    for u in units:
        if u.paragraph not in cued and has_cue(_outside_quotes(text, u), 0, u.end - u.start):
            cued.add(u.paragraph)
    by_unit_order = sorted(units, key=lambda u: u.start)
    fi = 0
    ordered = sorted(found, key=lambda f: f.start)
    for unit in by_unit_order:
        while fi < len(ordered) and ordered[fi].start < unit.end:
            if ordered[fi].kind in ("direct", "mixed"):
                last_quote_attr = ordered[fi]
            fi += 1
        if not unit.quotes or unit.quotes[0].start != unit.start:
            continue  # a quote inside a sentence is a fragment of that sentence, not a sequel
        for q in unit.quotes:
            if q in used or not is_speech_quote(text, q, unit):
                continue
            prev = last_quote_attr
            if prev is None or prev.paragraph < unit.paragraph - 1:
                continue
            if prev.paragraph != unit.paragraph and unit.paragraph in cued:
                continue  # a later paragraph with a cue of its own starts anew
            prev.content_spans.append(q.span)
            prev.paragraph = unit.paragraph  # a third paragraph may go on in turn
            used.add(q)


def _outside_quotes(text: str, unit: Unit) -> str:
    """The unit's text with its quotations blanked out (same length, so offsets hold)."""
    chars = list(text[unit.start:unit.end])
    for q in unit.quotes:
        for i in range(q.start - unit.start, q.end - unit.start):
            chars[i] = " "
    return "".join(chars)


def _records(article: Article, found: list[Found], times, quotes, names, entity_types
             ) -> tuple[list[Attribution], list[Speaker]]:
    text = article.text
    resolver = SpeakerResolver(text, sorted(names), entity_types)
    records = []
    quote_spans = sorted(q.span for q in quotes)
    quote_starts = [s for s, _ in quote_spans]
    times = sorted(times, key=lambda t: t.start)
    time_starts = [t.start for t in times]
    last_by_speaker: dict[int, tuple[str, str]] = {}
    for f in found:
        spans = sorted(set(f.content_spans))
        hull = (spans[0][0], spans[-1][1])
        ref = resolver.resolve(f.speaker) if f.speaker else None
        chain = tuple(SourceLink(name=_chain_name(resolver, link.mention), type=_chain_type(resolver, link.mention),
                                 cue=link.cue, span=link.mention.span) for link in f.chain)
        # The date of saying: from the statement's own frame, else carried from a tied statement.
        unit_lo, unit_hi = _unit_bounds(f, text)
        # Only the expressions near the statement: a long article has thousands.
        near = times[bisect_left(time_starts, unit_lo - _FRAME_REACH):bisect_left(time_starts, unit_hi)]
        quotes_near = quote_spans[bisect_left(quote_starts, unit_lo - _FRAME_REACH):
                                  bisect_left(quote_starts, unit_hi)]
        t = own_date(text, near, unit_lo, unit_hi, spans, f.cue, f.frame, quotes_near)
        date = date_text = None
        if t is not None:
            date, date_text = day_of(t), t.text
        elif ref and ref.id in last_by_speaker and (f.tie or f.kind == "direct"
                                                    or ref.type == "organization"):
            # A tied statement, a quote that goes on, or the same outlet's report: one occasion.
            date, date_text = last_by_speaker[ref.id]
        if ref and ref.id is not None and date:
            last_by_speaker[ref.id] = (date, date_text)
        elif ref and ref.id is not None:
            last_by_speaker.pop(ref.id, None)
        # Fragments are joined as the gold annotation writes them: “We had,” … “no choice.”
        content = " … ".join(text[s:e] for s, e in spans)
        cue_text = text[f.cue[0]:f.cue[1]] if f.cue else None
        confidence = _CONFIDENCE.get(f.mechanism, 0.5) * (1.0 if ref and ref.name else 0.6)
        records.append(Attribution(
            kind=f.kind, content=content, content_span=hull, content_spans=tuple(spans),
            cue=cue_text, cue_span=f.cue, speaker=ref,
            speaker_span=f.speaker.span if f.speaker else None, date=date, date_text=date_text,
            source_chain=chain, confidence=confidence,
            cue_class=cue_class(f.cue_lemma or ":")))
    # A role learnt later in the article ("the Japanese daily") belongs to earlier mentions too.
    speakers = resolver.speakers()
    roles = {s.id: s.role for s in speakers}
    records = [replace(r, speaker=replace(r.speaker, role=roles.get(r.speaker.id)))
               if r.speaker and r.speaker.id in roles else r for r in records]
    return records, speakers


def _unit_bounds(f: Found, text: str) -> tuple[int, int]:
    lo = min([s for s, _ in f.content_spans] + ([f.cue[0]] if f.cue else []) +
             ([f.speaker.span[0]] if f.speaker else []))
    hi = max([e for _, e in f.content_spans] + ([f.cue[1]] if f.cue else []) +
             ([f.speaker.span[1]] if f.speaker else []))
    # Widen to the sentence: "On Friday, Pompeo said ..." puts the day before the speaker.
    while lo > 0 and text[lo - 1] not in ".!?\n":
        lo -= 1
    while hi < len(text) and text[hi] not in ".!?\n":
        hi += 1
    return lo, hi


def _chain_name(resolver: SpeakerResolver, mention) -> str:
    return resolver.text[mention.span[0]:mention.span[1]]


def _chain_type(resolver: SpeakerResolver, mention) -> str:
    ref = resolver.resolve(mention)
    return ref.type
