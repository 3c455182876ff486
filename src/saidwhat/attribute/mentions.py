"""Source mentions from the parse: the noun phrase of a speaker, its name, role and head."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Span
from ..titles import is_title
from .found import MentionInfo

# Dependents that end a mention: "Okafor, who hosts a show," is the mention "Okafor".
_CUT = frozenset({"relcl", "acl", "punct", "advcl", "parataxis", "cc", "appos", "dep", "advmod",
                  "prep_time"})


# Penn Treebank tags: the parser's own output, so the attribute ruler need not run.
_NOUN = frozenset({"NN", "NNS"})
_PROPER = frozenset({"NNP", "NNPS"})
_PRONOUN = frozenset({"PRP", "WP"})
_NOT_LEADING = frozenset({"CC", "IN", "WRB", "RB", "UH", "TO"})


def _is_title(token) -> bool:
    return is_title(token.text)


def char_span(tokens, base: int) -> Span:
    first, last = tokens[0], tokens[-1]
    return (base + first.idx, base + last.idx + len(last.text))


def mention_of(head, base: int, times: list[Span] = ()) -> MentionInfo:
    """The mention whose syntactic head is ``head`` (a spaCy token), cut before clauses and asides.

    A relative pronoun ("officials, who said ...") keeps its own span as the evidence but is named
    by its antecedent.
    """
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.tag_ in _NOUN | _PROPER:
        antecedent = mention_of(head.head.head, base, times)
        return replace(antecedent, span=char_span([head], base), pronoun=False)
    doc = head.doc
    kept = {head.i}
    for child in head.children:
        if child.dep_ in _CUT:
            continue
        if child.dep_ == "prep" and _overlaps_time(child, base, times):
            continue  # "Yomiuri Shimbun on Sunday": the day is when, not who
        kept.update(t.i for t in child.subtree)
    lo = hi = head.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    # Leading words that are not part of a name: "When Brightway", "Unlike Brightway", stray markup.
    while lo < hi and (doc[lo].is_punct or doc[lo].tag_ in _NOT_LEADING or not any(c.isalnum() for c in doc[lo].text)):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].tag_ == "CC"):
        hi -= 1
    tokens = doc[lo:hi + 1]
    span = char_span(tokens, base)
    determiner = doc[lo].lower_ if doc[lo].dep_ in ("det", "poss") else None
    proper = _name_run(head, lo, base)
    role = None
    if proper:
        name_start = proper[0][0]
        first = lo + 1 if determiner else lo
        role_tokens = [t for t in doc[first:hi + 1] if base + t.idx < name_start
                       and t.dep_ != "poss" and t.dep_ != "case" and not t.is_punct]
        if role_tokens and any(_is_title(t) for t in role_tokens):
            role = char_span(role_tokens, base)
    for child in head.children:
        if child.dep_ == "appos" and role is None:
            app = [t for t in child.subtree if not t.is_punct]
            if app and app[0].dep_ == "det":
                app = app[1:]
            if app and any(_is_title(t) or t.tag_ in _NOUN for t in app) and not any(t.tag_ in _PROPER and not _is_title(t) for t in app[:1]):
                role = char_span(app, base)
    return MentionInfo(
        span=span,
        head=head.text,
        pronoun=head.tag_ in _PRONOUN,
        proper=tuple(proper),
        role=role,
        plural=head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we"),
        determiner=determiner,
    )


def _name_run(head, lo: int, base: int) -> list[Span]:
    """The run of proper-noun tokens ending at the head, without leading titles: "Mike Pompeo"."""
    doc = head.doc
    if head.tag_ not in _PROPER:
        return []
    i = head.i
    start = i
    while start - 1 >= lo:
        prev = doc[start - 1]
        glued = prev.idx + len(prev.text) == doc[start].idx  # "Jong-un", "O'Neill"
        if (prev.tag_ in _PROPER and not _is_title(prev) and prev.dep_ != "poss") or (glued and prev.text in "-'’."):
            start -= 1
        else:
            break
    end = i
    while end + 1 < len(doc) and doc[end + 1].idx == doc[end].idx + len(doc[end].text) \
            and (doc[end + 1].text in ("-",) or (doc[end].text == "-" and doc[end + 1].is_alpha)):
        end += 1
    while start < end and doc[start].text in "-'’.":
        start += 1
    return [char_span(doc[start:end + 1], base)]


def _overlaps_time(token, base: int, times) -> bool:
    lo = base + token.left_edge.idx
    hi = base + token.right_edge.idx + len(token.right_edge.text)
    return any(s < hi and lo < e for s, e in times)


_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][a-z'’-]+)+")


def proper_names(text: str, start: int, end: int) -> list[Span]:
    """Runs of two or more capitalised words in text no parse saw, less leading titles.

    A cheap stand-in for named entities where the parser did not run: the antecedent of a later
    "he said" is often named in a sentence with no cue ("Senator Tom Ridley spoke first.").
    """
    out = []
    for m in _CAPITALISED_RUN.finditer(text, start, end):
        words = list(re.finditer(r"\S+", m.group()))
        while words and is_title(words[0].group()):
            words = words[1:]
        if len(words) >= 2:
            out.append((m.start() + words[0].start(), m.end()))
    return out
