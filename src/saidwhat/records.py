"""Records from frames: the attribution stage's frames, their speakers resolved to entities and
their dates of saying to days, as :class:`~saidwhat.model.Attribution` records.

The composition of two stages (attribute → resolve): neither imports the other's caller.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from .attribute.channels import PLATFORMS
from .attribute.document import Attributed
from .attribute.frame import Frame
from .budget import check_budget, checked
from .candidates.cues import cue_class
from .model import Article, Attribution, SourceLink, Speaker, TimeExpression
from .parse.entities import name_labels
from .resolve.dates import day_of, own_date
from .resolve.speakers import SpeakerResolver

# How far before a statement's sentence its frame may reach (an according-to phrase before it).
_FRAME_REACH = 2000
_CONFIDENCE = {"clause": 0.75, "object": 0.65, "predicate": 0.65, "colon": 0.75, "quote": 0.85, "according": 0.8,
               "label": 0.6, "dash": 0.7}


def frame_records(article: Article, attributed: Attributed, times: tuple[TimeExpression, ...]
                  ) -> tuple[list[Attribution], list[Speaker]]:
    """The attribution records and the speakers of one article, from the frames that stand."""
    text = article.text
    found = attributed.frames
    mentions = [f.source for f in found if f.source] + [c.mention for f in found for c in f.chain]
    entity_types = name_labels(text[m.proper[-1][0]:m.proper[-1][1]] for m in mentions if m.proper)
    check_budget()
    resolver = SpeakerResolver(text, sorted(attributed.names), entity_types)
    quotes = attributed.quotes
    records = []
    quote_spans = sorted(q.span for q in quotes)
    quote_starts = [s for s, _ in quote_spans]
    times = sorted(times, key=lambda t: t.start)
    time_starts = [t.start for t in times]
    last_by_speaker: dict[int, tuple[str, str]] = {}
    last_speaker = None
    for f in checked(found, 64):
        spans = sorted(set(f.content))
        hull = (spans[0][0], spans[-1][1])
        ref = resolver.resolve(f.source) if f.source else None
        chain = tuple(_source_link(resolver, link) for link in f.chain)
        # A channel that is a person ("told Ms Hale") is whom the source spoke to, not an outlet.
        chain = tuple(link for link in chain if link.relation != "channel" or link.type != "person")
        # The date of saying: from the statement's own frame, else carried from a tied statement.
        unit_lo, unit_hi = _unit_bounds(f, text)
        # Only the expressions near the statement: a long article has thousands.
        near = times[bisect_left(time_starts, unit_lo - _FRAME_REACH):bisect_left(time_starts, unit_hi)]
        quotes_near = quote_spans[bisect_left(quote_starts, unit_lo - _FRAME_REACH):
                                  bisect_left(quote_starts, unit_hi)]
        t = own_date(text, near, unit_lo, unit_hi, spans, f.cue, list(f.setting), quotes_near)
        date = date_text = None
        if t is not None:
            date, date_text = day_of(t), t.text
        elif ref and ref.id in last_by_speaker and (f.tie or f.kind == "direct"
                                                    or ref.type == "organization"
                                                    or ref.id == last_speaker):
            # A tied statement, a quote that goes on, the same outlet's report, or the same
            # speaker going on with no one else between: one occasion.
            date, date_text = last_by_speaker[ref.id]
        if ref and ref.id is not None and date:
            last_by_speaker[ref.id] = (date, date_text)
        elif ref and ref.id is not None:
            last_by_speaker.pop(ref.id, None)
        last_speaker = ref.id if ref else None
        # Fragments are joined as the gold annotation writes them: “We had,” … “no choice.”
        content = " … ".join(text[s:e] for s, e in spans)
        cue_text = text[f.cue[0]:f.cue[1]] if f.cue else None
        confidence = _CONFIDENCE.get(f.mechanism, 0.5) * (1.0 if ref and ref.name else 0.6)
        records.append(Attribution(
            kind=f.kind, content=content, content_span=hull, content_spans=tuple(spans),
            cue=cue_text, cue_span=f.cue, speaker=ref,
            speaker_span=f.source.span if f.source else None, date=date, date_text=date_text,
            source_chain=chain, confidence=confidence,
            cue_class=cue_class(f.lemma or ":")))
    # A role learnt later in the article ("the Japanese daily") belongs to earlier mentions too.
    check_budget()
    speakers = resolver.speakers()
    roles = {s.id: s.role for s in speakers}
    records = [replace(r, speaker=replace(r.speaker, role=roles.get(r.speaker.id)))
               if r.speaker and r.speaker.id in roles else r for r in records]
    return records, speakers


def _unit_bounds(f: Frame, text: str) -> tuple[int, int]:
    lo = min([s for s, _ in f.content] + ([f.cue[0]] if f.cue else []) +
             ([f.source.span[0]] if f.source else []))
    hi = max([e for _, e in f.content] + ([f.cue[1]] if f.cue else []) +
             ([f.source.span[1]] if f.source else []))
    # Widen to the sentence: "On Friday, Pompeo said ..." puts the day before the speaker.
    # Only so far: a line with no full stop would make this quadratic, and no frame reaches further.
    floor, ceiling = max(0, lo - _FRAME_REACH), min(len(text), hi + _FRAME_REACH)
    while lo > floor and text[lo - 1] not in ".!?\n":
        lo -= 1
    # ... but not past a quotation that closes its own sentence: ' saying "No." On Monday, ...'
    while hi < ceiling and text[hi] not in ".!?\n" and not (
            hi >= 2 and text[hi - 1] in "\"”’" and text[hi - 2] in ".!?"):
        hi += 1
    return lo, hi


def _source_link(resolver: SpeakerResolver, link) -> SourceLink:
    if link.relation == "channel":
        kind = resolver.type_of(link.mention)
        if kind == "unknown" and resolver.text[link.mention.span[0]:link.mention.span[1]].lower() in PLATFORMS:
            kind = "organization"  # "wrote on X"
    else:
        kind = _chain_type(resolver, link.mention)
    name = _chain_name(resolver, link.mention)
    if link.relation != "cites" and name[:4].lower() == "the " and name[4:5].isupper():
        name = name[4:]  # "the Valley Herald" reported: the outlet is "Valley Herald"
    return SourceLink(name=name, type=kind, cue=link.cue, span=link.mention.span, relation=link.relation)


def _chain_name(resolver: SpeakerResolver, mention) -> str:
    return resolver.text[mention.span[0]:mention.span[1]]


def _chain_type(resolver: SpeakerResolver, mention) -> str:
    ref = resolver.resolve(mention)
    return ref.type
