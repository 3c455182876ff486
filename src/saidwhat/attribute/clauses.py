"""Cue verbs and the clauses they govern: "X said (that) CONTENT", "CONTENT, X said", and a cue set
off inside its content. The vetoes that stop them and the refiners that set where content ends are
named (see rules.py); verbs whose object holds what was said are in objects.py.
"""

from __future__ import annotations

import re
from typing import Optional

from ..candidates.cues import CUE_FORMS, SPEECH_LEMMAS
from ..model import Span
from .channels import OCCASIONS, name_link
from .context import WORDS, UnitContext, trim
from .frame import Frame
from .mentions import char_span
from .objects import quoted_object
from .quoted import content_kind, widen_to_quotes

_SUBJECTS = ("nsubj", "nsubjpass")
_INTENT = frozenset({"want", "plan", "hope", "expect", "intend", "promise", "vow", "pledge",
                     "threaten", "agree", "urge", "call", "ask", "refuse", "wish", "prefer"})
# Verbs whose object is the one urged or asked: "urged Congress to act" keeps "Congress" in content.
_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "tell", "encourage", "warn", "advise", "remind"})
_NOT_SOURCES = frozenset({"it", "that", "which", "this", "what"})


def cue_frames(ctx: UnitContext) -> list[Frame]:
    """The frame of each cue verb: its clause, else its parenthetical, else its object.

    A cue verb makes one frame at most; the quote rule (cued.py) reads which cues have one. In text
    order, an object's quotes are those an earlier cue's content has not taken ("X said, citing a
    report, “...”": the quote is the clause's, not evidence that "citing" has an object).
    """
    def compute():
        out: list[Frame] = []
        taken: set = set()
        for token, lemma in ctx.cues():
            f = None
            if ctx.on("clause"):
                f = clause(ctx, token, lemma)
            if f is None and ctx.on("parenthetical"):
                f = parenthetical(ctx, token, lemma)
            if f is None and ctx.on("object"):
                f = quoted_object(ctx, token, lemma, taken=taken)
            if f is not None:
                out.append(f)
                taken.update(f.quotes)
        return out
    return ctx.once("cue frames", compute)


def _complements(ctx: UnitContext, cue, lemma: str) -> list:
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if not comps and (lemma in _INTENT or lemma in _OBJECT_CONTROL):
        # "tells his supporters at a rally to “go ...”" is often parsed as an adverbial clause.
        comps = [c for c in cue.children if c.dep_ == "xcomp" or (
            c.dep_ == "advcl" and c.i > cue.i and any(a.dep_ == "aux" and a.lower_ == "to"
                                                      for a in c.children))]
    if not comps and lemma == "call":
        comps = [c for c in cue.children if c.dep_ == "oprd"]  # called it a "disgrace"
    if not comps and ctx.on("clause-in-medium"):
        # "said in a statement that ...", "told the Herald in an interview that ...": the parser
        # may hang the clause on the medium.
        comps = [c for prep in cue.children if prep.dep_ == "prep" and prep.lower_ in ("in", "during")
                 for medium in prep.children if medium.dep_ == "pobj" and medium.lower_ in OCCASIONS
                 for c in medium.children if c.dep_ in ("acl", "relcl", "ccomp") and c.i > medium.i
                 and _that_clause(c)]
    return comps


def _that_clause(verb) -> bool:
    """ "that the dam was safe" (a clause of its own), not "that was released" (a relative clause)."""
    if any(m.dep_ == "mark" and m.lower_ == "that" for m in verb.children):
        return True
    # "in a filing that profits fell": parsed as a relative clause, but it has a subject of its own.
    return verb.left_edge.lower_ == "that" and any(
        c.dep_ in _SUBJECTS and c.lower_ not in ("that", "which") for c in verb.children)


def vetoed(ctx: UnitContext, cue, lemma: str, comp) -> Optional[str]:
    """The name of the veto that stops a cue's clause, or None."""
    if ctx.on("passive-cue") and any(c.dep_ == "auxpass" for c in cue.children):
        return "passive-cue"  # "are intended to", "it was reported that": no source is named
    if ctx.on("speaker-shown") and lemma not in SPEECH_LEMMAS and \
            CUE_FORMS.get(comp.lower_) in SPEECH_LEMMAS and any(c.dep_ in _SUBJECTS for c in comp.children):
        return "speaker-shown"  # "the ad shows Clinton saying ...": Clinton is the one who says it
    if ctx.on("speaker-shown") and comp.i > cue.i and any(
            CUE_FORMS.get(t.lower_) in SPEECH_LEMMAS and t.tag_ == "VBG" and
            any(c.dep_ in _SUBJECTS for c in t.children) for t in ctx.doc[cue.i + 1:comp.left_edge.i]):
        return "speaker-shown"  # "concludes with footage of Trump saying “...”": Trump says it
    if ctx.on("clause-after-conjunction") and comp.i > cue.i and \
            any(t.tag_ == "CC" for t in ctx.doc[cue.i + 1:comp.left_edge.i]):
        # "estimated “between 100 and 200” could die", "said, but Tomas was drifting": the clause
        # the parser found starts past a conjunction, so it is not the cue's own complement.
        return "clause-after-conjunction"
    return None


def clause(ctx: UnitContext, cue, lemma: str) -> Optional[Frame]:
    """A cue verb and the clause it governs: "X said (that) CONTENT"."""
    comps = _complements(ctx, cue, lemma)
    if not comps:
        return None
    comp = comps[-1]
    outlet: tuple = ()
    if len(comps) > 1 and ctx.on("reported-by"):
        comp, outlet = _reported_after(ctx, cue, comps)
    if vetoed(ctx, cue, lemma, comp):
        return None
    span = ctx.content_span(comp)
    if span is None or len(WORDS.findall(ctx.text, span[0], span[1])) < 2:
        return None  # "which Mr. Okafor says", "what the senators said": no content here
    after: Optional[Span] = None
    if comp.i > cue.i:
        if ctx.on("leading-aside"):
            span = _past_leading_aside(ctx, cue, comp, span)
        if ctx.on("coordination"):
            span = _coordinated(ctx, cue, comp, span)
        if ctx.on("elaboration"):
            span = _elaborated(ctx, span)
    elif ctx.on("content-past-cue") and not any(ctx.quote_of(t) for t in comp.subtree):
        # "A paid 8.9 percent, the agency said, and B paid 0.8 percent": indirect content goes
        # on past its cue; after a quote, what follows the cue is the narrator's.
        after = _continued(ctx, cue)
    if ctx.on("urged-object") and comp.dep_ in ("xcomp", "oprd") and lemma in _OBJECT_CONTROL:
        objects = [c for c in cue.children if c.dep_ == "dobj" and c.i < comp.i]
        if objects:
            span = (ctx.start(objects[0].left_edge), span[1])
    subject = ctx.subject_of(cue)
    if subject is None or (ctx.on("pronoun-subject") and subject.lower_ in _NOT_SOURCES):
        return None
    mention = ctx.mention(subject)
    if ctx.on("source-in-content") and mention.span[0] < span[1] and span[0] < mention.span[1]:
        return None  # "what he called a “crisis”": the clause holds its own source
    span = widen_to_quotes(span, ctx.unit.quotes)
    kind, inside = content_kind(ctx.text, span, ctx.unit.quotes)
    return Frame("clause", "clause", (span,) + ((after,) if after else ()), kind, ctx.unit.index,
                 ctx.unit.paragraph, cue=(ctx.start(cue), ctx.end(cue)), lemma=lemma, source=mention,
                 chain=ctx.citing(cue) + outlet, tie=ctx.tied(cue), quotes=tuple(inside),
                 evidence=(f"complement:{comp.dep_}", "before-cue" if comp.i < cue.i else "after-cue")
                 + (("reported-by",) if outlet else ()))


def _reported_after(ctx: UnitContext, cue, comps: list) -> tuple:
    """ "“We are ready,” the general told the Gazette, the Associated Press reported.": the parser
    makes the outlet's report a second clause of the cue; the quote before is the content, the
    outlet joins the chain."""
    last = comps[-1]
    before = [c for c in comps if c.i < cue.i]
    subject = ctx.subject_of(last)
    if not before or last.i < cue.i or CUE_FORMS.get(last.lower_) != "report" or subject is None \
            or subject.tag_ not in ("NNP", "NNPS") or last.left_edge.i == 0 \
            or ctx.doc[last.left_edge.i - 1].text != "," \
            or any(not t.is_punct for t in ctx.doc[last.i + 1:]):
        return last, ()
    return before[-1], (name_link(ctx, subject, last.text, "reported-by"),)


def _past_leading_aside(ctx: UnitContext, cue, comp, span: Span) -> Span:
    """A content less the participle set off between it and its cue: "said, referring to the gap,
    that ..." and "said, citing the polls, “...”" report what follows the aside."""
    for c in comp.children:
        if c.i >= comp.i or c.dep_ != "advcl" or c.tag_ not in ("VBG", "VBN") or ctx.quote_of(c):
            continue
        between = ctx.doc[cue.i + 1:c.left_edge.i]
        if not between or not all(t.is_punct for t in between) or between[-1].text != ",":
            continue
        nxt = c.right_edge.i + 1
        if nxt >= len(ctx.doc) or ctx.doc[nxt].text != ",":
            continue
        rest = trim(ctx.text, ctx.end(ctx.doc[nxt]), span[1])
        if rest is None:
            continue
        lo = rest[0]
        m = re.match(r"that\s+", ctx.text[lo:span[1]])
        return (lo + (m.end() if m else 0), span[1])
    return span


def _continued(ctx: UnitContext, cue) -> Optional[Span]:
    """The clause coordinated after a cue that follows its content: ", and B paid 0.8 percent"."""
    frame_end = cue.i
    for c in cue.children:
        if c.i <= cue.i:
            continue
        if c.dep_ == "conj" and c.lower_ not in CUE_FORMS and c.tag_.startswith(("VB", "MD")) \
                and ctx.quote_of(c) is None:
            between = ctx.doc[frame_end + 1:c.left_edge.i]
            ccs = [t for t in between if t.dep_ == "cc"]
            if ccs and all(t.is_punct or t.dep_ == "cc" or t.is_space for t in between):
                more = ctx.content_span(c)
                return (ctx.start(ccs[0]), more[1]) if more else None
            return None
        if not (c.is_punct or c.dep_ == "cc"):
            frame_end = max(frame_end, c.right_edge.i)
    return None


def _elaborated(ctx: UnitContext, span: Span) -> Span:
    """Grow a content over what its colon introduces: "has the quality: “Patience”"."""
    rest = ctx.text[span[1]:ctx.unit.end]
    stripped = rest.lstrip()
    if not stripped.startswith(":"):
        return span
    colon = span[1] + len(rest) - len(stripped)
    if any(q.start <= colon < q.end for q in ctx.unit.quotes):
        return span  # "Harvest: How Farms Endure" is a title's colon
    more = trim(ctx.text, colon + 1, ctx.unit.end)
    return (span[0], more[1]) if more else span


def _coordinated(ctx: UnitContext, cue, comp, span: Span) -> Span:
    """Grow a content over the clause coordinated after it: "said A, but B" reports both.

    The parser hangs "but B" on the cue; a coordinated cue ("and added") starts an attribution
    of its own instead.
    """
    after = comp.right_edge.i
    for c in cue.children:
        if c.dep_ != "conj" or c.i <= after or CUE_FORMS.get(c.lower_) in SPEECH_LEMMAS:
            continue
        between = ctx.doc[after + 1:c.left_edge.i]
        if not any(t.dep_ == "cc" for t in between) or \
                not all(t.is_punct or t.dep_ == "cc" or t.is_space for t in between):
            continue
        if not c.tag_.startswith(("VB", "MD")) or ctx.quote_of(c):
            continue
        if c.lower_ in CUE_FORMS and not _same_subject(ctx, comp, c):
            continue  # "taxes are high, but corporations find ...": another's finding
        more = ctx.content_span(c)
        if more is not None and more[1] > span[1]:
            return (span[0], more[1])
    return span


def _same_subject(ctx: UnitContext, a, b) -> bool:
    """Whether two verbs have subjects written alike ("she hopes ..., but she knows ...")."""
    sa, sb = ctx.subject_of(a, 3), ctx.subject_of(b, 3)
    return sa is not None and sb is not None and sa.lower_ == sb.lower_


def parenthetical(ctx: UnitContext, cue, lemma: str) -> Optional[Frame]:
    """A cue set off inside its content: "Too often, Mr. Okafor said, the debate is ..."."""
    if cue.dep_ != "parataxis" or lemma not in SPEECH_LEMMAS or _complements(ctx, cue, lemma):
        return None
    subject = ctx.subject_of(cue)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None
    frame = {t.i for t in cue.subtree}
    host = cue.head
    # "The difference now, he told me, is that ...": the parser may hang the cue on a noun.
    while not host.tag_.startswith(("VB", "MD")) and host.head.i != host.i:
        host = host.head
    tokens = [t for t in host.subtree if t.i not in frame]
    outlet: tuple = ()
    reporter = ctx.subject_of(host) if host.i > cue.i and CUE_FORMS.get(host.lower_) == "report" else None
    if reporter is not None and reporter.tag_ in ("NNP", "NNPS") and ctx.on("reported-by"):
        # "“...,” she added, the Associated Press reported.": the outlet's words are not hers.
        tokens = [t for t in tokens if t.i < cue.i]
        outlet = (name_link(ctx, reporter, host.text, "reported-by"),)
    runs: list[list] = []
    for t in tokens:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    spans = []
    for run in runs:
        while run and (run[0].is_punct and run[0].text not in "“\"'‘«") or (run and run[0].is_space):
            run = run[1:]
        while run and (run[-1].is_punct and run[-1].text not in "”\"'’»") or (run and run[-1].is_space):
            run = run[:-1]
        if run:
            spans.append(widen_to_quotes(char_span(run, ctx.base), ctx.unit.quotes))
    if not spans or sum(len(WORDS.findall(ctx.text, a, b)) for a, b in spans) < 3:
        return None
    kinds = [content_kind(ctx.text, sp, ctx.unit.quotes) for sp in spans]
    quoted = tuple(q for _, qs in kinds for q in qs)
    kind = "indirect" if not quoted else ("direct" if all(k == "direct" for k, _ in kinds) else "mixed")
    return Frame("parenthetical", "clause", tuple(spans), kind, ctx.unit.index, ctx.unit.paragraph,
                 cue=(ctx.start(cue), ctx.end(cue)), lemma=lemma, source=ctx.mention(subject), chain=outlet,
                 tie=ctx.tied(cue), quotes=quoted, evidence=(f"host:{host.tag_}",) + (("reported-by",) if outlet else ()))


def match_clause(ctx: UnitContext) -> list[Frame]:
    return [f for f in cue_frames(ctx) if f.rule == "clause"]


def match_parenthetical(ctx: UnitContext) -> list[Frame]:
    return [f for f in cue_frames(ctx) if f.rule == "parenthetical"]


def match_object(ctx: UnitContext) -> list[Frame]:
    return [f for f in cue_frames(ctx) if f.rule == "object"]
