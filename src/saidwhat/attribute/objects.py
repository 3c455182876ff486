"""Attributions carried by a verb's object: "called people “losers”", "likened the tax to “a robbery”",
"criticized Obama for ...". The object, not a clause, holds what was said.
"""

from __future__ import annotations

from typing import Optional

from ..candidates.cues import SPEECH_LEMMAS
from .bounds import circumstance_preps, trailing_aside
from .context import UnitContext
from .frame import Frame
from .quoted import content_kind, widen_to_quotes

# Speech acts that report their topic as an object, without a clause or a quote.
_TOPIC_ACTS = frozenset({"call", "warn", "criticize", "criticise", "attack", "accuse", "mention",
                         "acknowledge", "announce", "cite", "condemn", "denounce", "praise", "blast"})
_NOT_SAID = frozenset({"will", "would", "could", "might", "may", "should", "shall", "can", "'ll",
                       "not", "n't", "never", "to"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "oprd", "attr", "acomp", "dative", "xcomp"})
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "'re",
                      "’re", "has", "have", "had", "seem", "seems", "seemed", "become", "became"})
_DASHES = frozenset({"—", "–", "-", "--", "―"})


def quoted_object(ctx: UnitContext, cue, lemma: str, quoted_only: bool = False, taken=frozenset()
                  ) -> Optional[Frame]:
    """A speech act whose object holds quoted words: described it as a “disgrace”, called
    people "losers", lauded him for "new ideas".

    ``quoted_only``: any verb, when its object quotes someone (likened them to a “snake”).
    ``taken``: quotes that earlier cues in the unit hold.
    """
    if (lemma not in SPEECH_LEMMAS and not quoted_only) or \
            (ctx.on("passive-cue") and any(c.dep_ == "auxpass" for c in cue.children)):
        return None
    right = [c for c in cue.children if c.i > cue.i and c.dep_ in _OBJECT_DEPS]
    if not right:
        return None
    if ctx.on("circumstance"):
        # "attacked Okafor in late-night posts": when and where it was said is not what.
        around = [p for p in circumstance_preps(right, cue)
                  if not any(ctx.quote_of(t) for t in p.subtree)]
        right = [c for c in right if c not in around]
    if not right:
        return None
    lo = ctx.start(right[0].left_edge)
    tokens = sorted((t for c in right for t in c.subtree), key=lambda t: t.i)
    aside = trailing_aside(ctx.doc, tokens, ctx.quote_of) if ctx.on("trailing-aside") else set()
    hi = max(ctx.end(t) for t in tokens if t.i not in aside)
    cue_end = ctx.end(cue)
    first = right[0]
    if first.dep_ == "prep" and first.i == cue.i + 1 and first.lower_ in ("for", "against") \
            and list(first.children):
        # "called for more money": the particle belongs to the cue, the content is its object.
        cue_end = ctx.end(first)
        lo = ctx.start(next(iter(first.children)).left_edge)
    # The closing mark often hangs on the verb, outside the object's subtree: overlap is enough.
    overlapping = [q for q in ctx.unit.quotes if q.start < hi and lo < q.end and q not in taken]
    if not overlapping and (quoted_only or not (lemma in _TOPIC_ACTS and _topic_ok(ctx, cue, right))):
        return None
    subject = ctx.subject_of(cue)
    if subject is None:
        return None
    if overlapping and ctx.on("narrator-after-quote"):
        hi = _narrator_after(ctx, max(q.end for q in overlapping), hi)
    span = widen_to_quotes((lo, hi), ctx.unit.quotes)
    while span[1] > span[0] and ctx.text[span[1] - 1] in " .,;:":
        span = (span[0], span[1] - 1)
    kind, inside = content_kind(ctx.text, span, ctx.unit.quotes)
    name = "predicate" if quoted_only else "object"
    return Frame(name, name, (span,), kind, ctx.unit.index, ctx.unit.paragraph,
                 cue=(ctx.start(cue), cue_end), lemma=lemma, source=ctx.mention(subject),
                 tie=ctx.tied(cue), quotes=tuple(inside), needs_quotes=bool(overlapping),
                 evidence=("quoted-object",) if overlapping else ("topic",))


def _narrator_after(ctx: UnitContext, last_quote: int, hi: int) -> int:
    """Where the narrator takes over after an object's last quote: at a dash, a time or a
    "during" ("as a “crazy system” during a stop", "a “disgrace” Wednesday on the show")."""
    for t in ctx.doc:
        pos = ctx.start(t)
        if pos < last_quote or pos >= hi:
            continue
        if t.text in _DASHES or t.lower_ == "during" or any(s <= pos < e for s, e in ctx.times):
            return max(last_quote, pos)
    return hi


def _topic_ok(ctx: UnitContext, cue, right) -> bool:
    """Acts of saying whose object is what was said about: "called for more investment",
    "warned against hackers", "criticized Obama for ..."; the object must be a phrase."""
    if ctx.on("not-said") and any(c.dep_ in ("aux", "neg") and c.lower_ in _NOT_SAID for c in cue.children):
        return False  # "whether he will mention talks", "did not mention": nothing was said
    preps = [c for c in right if c.dep_ == "prep"]
    if cue.lower_.startswith(("call", "warn")):
        return any(p.lower_ in ("for", "against") for p in preps)
    if ctx.on("pronoun-object") and len(right) == 1 and right[0].tag_ == "PRP" and not list(right[0].children):
        return False  # "blasted him": whom, not what
    return any(c.dep_ == "dobj" for c in right)
