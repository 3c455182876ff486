"""Quotes given to cues, quoted predicates, colon introductions and "according to" phrases."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Optional

from ..candidates.cues import CUE_FORMS, SPEECH_LEMMAS
from ..model import Span
from ..segment.quotes import Quote
from .clauses import cue_frames
from .context import WORDS, UnitContext, trim
from .frame import Frame
from .objects import COPULAS, quoted_object
from .quoted import content_kind, has_words, is_speech_quote, widen_to_quotes

# Nouns that introduce the words after a colon: "made the following comment:".
_INTRO_NOUNS = frozenset({"comment", "comments", "statement", "remarks", "message", "headline",
                          "answer", "response", "words", "reply", "tweet", "post", "quote", "quotes"})
_MAX_GAP_WORDS = 4
_WORD = re.compile(r"\w+")


def _free_cues(ctx: UnitContext) -> list:
    """Cues of saying that have no clause or object of their own."""
    taken = {f.cue[0] for f in cue_frames(ctx)}
    return [(t, lemma) for t, lemma in ctx.cues() if lemma in SPEECH_LEMMAS and ctx.start(t) not in taken]


def match_according(ctx: UnitContext) -> list[Frame]:
    """ "According to X, CONTENT." and "CONTENT, according to X." """
    out = []
    for token in ctx.doc:
        if token.lower_ != "according" or ctx.quote_of(token):
            continue
        to = token.nbor(1) if token.i + 1 < len(ctx.doc) else None
        if to is None or to.lower_ != "to":
            continue
        objects = [c for c in to.children if c.dep_ == "pobj"] or \
            [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        source = objects[0]
        phrase = (ctx.start(token), max(ctx.end(t) for t in source.subtree))
        content = _around(ctx, phrase)
        if content is None:
            continue
        content = widen_to_quotes(content, ctx.unit.quotes)
        kind, inside = content_kind(ctx.text, content, ctx.unit.quotes)
        chain = tuple(link for child in source.children if child.dep_ in ("relcl", "acl")
                      for link in ctx.citing(child))
        out.append(Frame("according", "according", (content,), kind, ctx.unit.index, ctx.unit.paragraph,
                         cue=(ctx.start(token), ctx.end(to)), lemma="according to",
                         source=ctx.mention(source), chain=chain, setting=(phrase,), quotes=tuple(inside),
                         evidence=("before" if content[0] < phrase[0] else "after",)))
    return out


def _around(ctx: UnitContext, phrase: Span) -> Optional[Span]:
    """The rest of the unit beside an according-to phrase, trimmed of commas and the full stop."""
    before = trim(ctx.text, ctx.unit.start, phrase[0])
    after = trim(ctx.text, phrase[1], ctx.unit.end)
    if before and (not after or before[1] - before[0] >= after[1] - after[0]):
        return before
    return after


def match_colon(ctx: UnitContext) -> list[Frame]:
    """ "He said:" or "made the following comment:" then the words said.

    What follows the colon in the unit (its quotes, else its text) is the content; a colon that
    ends the unit leaves the content to the next paragraph (given by the claim resolver).
    """
    colons = [t for t in ctx.doc if t.text == ":" and ctx.quote_of(t) is None]
    if not colons:
        return []
    colon_tok = colons[0]
    verb = None
    for token, lemma in reversed(_free_cues(ctx)):
        if token.i < colon_tok.i:
            verb, cue_lemma, cue = token, lemma, (ctx.start(token), ctx.end(token))
            break
    if verb is None:
        for token in ctx.doc[:colon_tok.i]:
            if token.lower_ in _INTRO_NOUNS and token.head.tag_.startswith("VB"):
                # The cue runs from the first of the noun and its verb to the last: "issued a
                # statement", but also "His answer was" (the verb after the noun).
                verb, cue_lemma = token.head, "say"
                cue = (min(ctx.start(verb), ctx.start(token)), max(ctx.end(verb), ctx.end(token)))
                break
    if verb is None:
        return []
    subject = ctx.subject_of(verb)
    if subject is None:
        return []
    colon = ctx.start(colon_tok)
    after = tuple(q for q in ctx.unit.quotes if q.start > colon)
    rest = trim(ctx.text, colon + 1, ctx.unit.end)
    common = dict(cue=cue, lemma=cue_lemma, source=ctx.mention(subject),
                  tie=ctx.tied(verb))
    unit, paragraph = ctx.unit.index, ctx.unit.paragraph
    if after:
        return [Frame("colon", "quote", tuple(q.span for q in after), "direct", unit, paragraph,
                      quotes=after, needs_quotes=True, evidence=("quotes",), **common)]
    if rest:
        if ctx.on("narrator-list") and len(WORDS.findall(ctx.text, cue[1], colon)) > 2:
            return []  # "described as tactics: lowering ...": a colon far from its cue lists
        return [Frame("colon", "quote", (rest,), "indirect", unit, paragraph, evidence=("text",), **common)]
    return [Frame("colon", "colon", ((colon + 1, colon + 1),), "indirect", unit, paragraph,
                  opens_next=True, evidence=("ends-paragraph",), **common)]


def gap(ctx: UnitContext, q: Quote, cue) -> int:
    """Words between a quote and a cue, not counting other quotes, times and the cue's subject."""
    lo, hi = (q.end, ctx.start(cue)) if q.end <= ctx.start(cue) else (ctx.end(cue), q.start)
    subject = ctx.subject_of(cue)
    span = ctx.once(("subject span", cue.i), lambda: ctx.mention(subject).span) if subject is not None else None
    # The unit's words outside quotes and times, found once: counting them afresh for every quote
    # and cue made a unit full of quotes cubic in its length.
    free = ctx.once("free word starts", lambda: _free_word_starts(ctx))
    n = bisect_left(free, hi) - bisect_left(free, lo)
    if lo < hi and lo > 0 and _WORD.match(ctx.text, lo) and _WORD.match(ctx.text, lo - 1) \
            and not _skipped(ctx, lo) and not (span is not None and span[0] <= lo < span[1]):
        n += 1  # a word cut by ``lo`` (a token that ends inside a word) counts from ``lo``
    if span is not None:
        n -= sum(1 for x in free[bisect_left(free, max(lo, span[0])):bisect_left(free, min(hi, span[1]))])
    return n


def _skipped(ctx: UnitContext, pos: int) -> bool:
    return any(s <= pos < e for s, e in [x.span for x in ctx.unit.quotes] + list(ctx.times))


def _free_word_starts(ctx: UnitContext) -> list[int]:
    """Where each word of the unit starts, but for words in quotes or time expressions ("said last
    week, “...”"), in order."""
    skip = sorted([x.span for x in ctx.unit.quotes] + list(ctx.times))
    out, k, reach = [], 0, -1
    for m in _WORD.finditer(ctx.text, ctx.unit.start, ctx.unit.end):
        pos = m.start()
        while k < len(skip) and skip[k][0] <= pos:
            reach = max(reach, skip[k][1])
            k += 1
        if pos >= reach:
            out.append(pos)
    return out


def match_quote(ctx: UnitContext) -> list[Frame]:
    """Quotes that no clause took, each given to the nearest cue of saying in the unit."""
    cues = _free_cues(ctx)
    free = [q for q in ctx.unit.quotes if not ctx.on("not-speech-quote") or is_speech_quote(ctx.text, q, ctx.unit)]
    if not free or not cues:
        return []
    groups: dict[int, list[Quote]] = {}
    for q in free:
        best = min(cues, key=lambda c: gap(ctx, q, c[0]))
        if gap(ctx, q, best[0]) <= _MAX_GAP_WORDS:
            groups.setdefault(best[0].i, []).append(q)
    out = []
    for token, lemma in cues:
        qs = groups.get(token.i)
        if not qs:
            continue
        subject = ctx.subject_of(token)
        mention = ctx.mention(subject) if subject is not None else None
        if mention is not None and any(q.start <= mention.span[0] < q.end for q in qs):
            mention = None
        out.append(Frame("quote", "quote", tuple(q.span for q in qs), "direct", ctx.unit.index,
                         ctx.unit.paragraph, cue=(ctx.start(token), ctx.end(token)), lemma=lemma,
                         source=mention, chain=ctx.citing(token), tie=ctx.tied(token), quotes=tuple(qs),
                         needs_quotes=True, evidence=(f"quotes:{len(qs)}",)))
    return out


def match_predicate(ctx: UnitContext) -> list[Frame]:
    """Quoted words in the object of any verb but a copula: "likened them to a “snake”",
    "rated 32% of claims as “false”". Quotes inside a sentence of their own are left to the
    claim resolver (a quote with no cue continues the previous speaker)."""
    out = []
    # A quote a cue's own frame holds is that frame's (cue frames rank first in the claims).
    held = {q for f in cue_frames(ctx) for q in f.quotes}
    for q in ctx.unit.quotes:
        if q in held or not has_words(ctx.text, q):
            continue
        verb = _governor(ctx, q)
        if verb is None:
            continue
        # The lexicon's lemma for a cue form; any other verb stands for itself (no lemmatizer runs).
        f = quoted_object(ctx, verb, CUE_FORMS.get(verb.lower_, verb.lower_), quoted_only=True)
        if f is not None and f.kind == "mixed" and q in f.quotes:
            out.append(f)  # an object that is only the quote is a name or a term, not a report
    return out


def _governor(ctx: UnitContext, q: Quote):
    """The nearest verb above the quote's first word in the parse, outside the quote, unless a
    copula ("are “safe”" describes, it does not report)."""
    # The first token that starts inside the quote, found by bisection: a scan per quote is
    # quadratic in a unit full of quotes.
    starts = ctx.once("token-starts", lambda: [ctx.start(t) for t in ctx.doc])
    i = bisect_left(starts, q.inner_start)
    head = ctx.doc[i] if i < len(starts) and starts[i] < q.inner_end else None
    for _ in range(8):
        if head is None or head.head.i == head.i:
            return None
        head = head.head
        if ctx.quote_of(head) is None and head.tag_.startswith("VB"):
            return None if head.lower_ in COPULAS else head
    return None
