"""Channels: the outlet or platform a source spoke through ("told CNN", "wrote on X").

A channel is never the source: "Senator Lopez told CNN that ..." is Lopez's statement, and CNN is
how it reached the reader. Found from the cue verb's parse, as a chain link with the relation
"channel" (see ``model.RELATIONS``):

- the one told, when it is a name: "told CNN", "told the Valley Herald in an interview";
- the outlet of a medium: "said in a statement to the Herald", "in an interview with the BBC",
  "wrote in a post on Facebook", "in an op-ed for the Tribune";
- a platform: "wrote on X", "said on Facebook", "posted on Instagram";
- "Speaking to the BBC, Lopez said ...", "in comments to Reuters".

The one told or interviewed may be a person ("told Ms Hale"): records keep a channel only when it
does not resolve to a person (see ``records``). "told reporters", "in a statement" name no channel.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .context import UnitContext
from .found import ChainLink, MentionInfo
from .frame import Frame

# Platforms named bare after "on": "wrote on X", "said on Facebook".
PLATFORMS = frozenset("""
x twitter facebook instagram tiktok threads bluesky linkedin youtube telegram whatsapp weibo wechat
reddit substack mastodon snapchat truth
""".split())
# What a source speaks in: "in a statement to", "in an interview with", "in a post on".
MEDIA = frozenset("""
interview interviews statement statements post posts message letter op-ed oped column essay article
email tweet video podcast broadcast appearance call conversation remarks comments comment briefing
editorial piece blog
""".split())
# Where a statement is made, outlet or not: "said in a filing that ...", "said in a speech that ...".
OCCASIONS = MEDIA | frozenset("""
filing filings speech address testimony release note memo report submission tweets
""".split())
_MEDIUM_PREPOSITIONS = frozenset({"with", "to", "on", "for", "in"})
_SPEAK = frozenset({"speaking", "talking"})
_PROPER = frozenset({"NNP", "NNPS"})
_NOT_CHANNELS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir"})


def add_channels(ctx: UnitContext, frames: list[Frame]) -> list[Frame]:
    """Each frame of this unit with a cue verb, given the channel its cue names (if any)."""
    starts = {ctx.start(t): t for t in ctx.doc}
    out = []
    for f in frames:
        cue = starts.get(f.cue[0]) if f.cue and f.unit == ctx.unit.index else None
        link = channel_of(ctx, cue, f.lemma) if cue is not None else None
        if link is not None and not any(l.relation == "channel" for l in f.chain) and \
                not (f.source and f.source.span[0] <= link.mention.span[0] < f.source.span[1]):
            f = replace(f, chain=f.chain + (link,), evidence=f.evidence + ("channel",))
        out.append(f)
    return out


def channel_of(ctx: UnitContext, verb, lemma: Optional[str]) -> Optional[ChainLink]:
    """The channel the cue ``verb`` (of ``lemma``: "tell", "say" ...) names, or None."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and lemma == "tell":
            link = _named(ctx, child, "told")
            if link:
                return link
    for child in verb.children:
        if child.dep_ == "prep":
            link = _prep_channel(ctx, child)
            if link:
                return link
        if child.dep_ == "advcl" and child.lower_ in _SPEAK and child.i < verb.i:
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                    link = _pobj_named(ctx, prep, f"{child.text.lower()} {prep.lower_}")
                    if link:
                        return link
    return None


def _prep_channel(ctx: UnitContext, prep) -> Optional[ChainLink]:
    """ "on X", "in a statement to the Herald", "in an interview with the BBC"."""
    word = prep.lower_
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if word == "on" and obj.lower_ in PLATFORMS and not _in_time(ctx, obj):
            return name_link(ctx, obj, "on")
        medium = _medium_word(obj)
        if word in ("in", "during") and medium in MEDIA:
            # "in an interview with the BBC"; or, as the parser may hang it, "in an op-ed for the
            # Tribune" with "for" on the verb, right after the medium.
            after = [c for c in prep.head.children if c.dep_ == "prep" and c.i == obj.i + 1]
            for inner in [c for c in obj.children if c.dep_ == "prep"] + after:
                if inner.lower_ in _MEDIUM_PREPOSITIONS:
                    words = ctx.text[ctx.start(prep):ctx.end(inner)].lower().split()
                    link = _pobj_named(ctx, inner, " ".join(words), platform=inner.lower_ == "on")
                    if link:
                        return link
    return None


def _medium_word(noun) -> str:
    """The medium as one word: "op-ed" is parsed as "op", "-", "ed"."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 1].idx == doc[noun.i - 2].idx + len(doc[noun.i - 2].text):
        return f"{doc[noun.i - 2].lower_}-{noun.lower_}"
    return noun.lower_


def _pobj_named(ctx: UnitContext, prep, cue: str, platform: bool = False) -> Optional[ChainLink]:
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if platform and obj.lower_ in PLATFORMS:
            return name_link(ctx, obj, cue)
        link = _named(ctx, obj, cue)
        if link:
            return link
    return None


def _named(ctx: UnitContext, token, cue: str) -> Optional[ChainLink]:
    """A channel for a proper name ("CNN", "the Valley Herald"); None for "reporters", "him"."""
    if token.tag_ not in _PROPER or ctx.quote_of(token) or _in_time(ctx, token):
        return None
    if any(c.lower_ in _NOT_CHANNELS for c in token.children if c.i < token.i):
        return None  # "told Ms Hale": a person, not an outlet
    return name_link(ctx, token, cue)


def name_link(ctx: UnitContext, token, cue: str, relation: str = "channel") -> ChainLink:
    """The link for the name headed by ``token``, its article left out ("the BBC" → "BBC")."""
    kept = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod", "det", "poss",
                                                                     "nmod", "case") or t.i == token.i]
    kept = [t for t in kept if t.dep_ != "det"]
    lo = min(t.i for t in kept)
    while lo < token.i and not any(ch.isalnum() for ch in token.doc[lo].text):
        lo += 1
    span = (ctx.start(token.doc[lo]), ctx.end(token))
    mention = MentionInfo(span=span, head=token.text, proper=(span,), plural=token.tag_ == "NNPS")
    return ChainLink(mention, cue, relation)


def _in_time(ctx: UnitContext, token) -> bool:
    pos = ctx.start(token)
    return any(s <= pos < e for s, e in ctx.times)
