"""Where reported content ends: the narrator's asides that trail a clause are not what was said.

"He said he will back the mayor, who won the seat in May": a relative clause on a person after the
comma is the reporter's introduction of that person. The same holds for a trailing apposition
(", the presumed favorite") and a trailing participle (", forcing them to ..."). A relative clause on
a thing or a place (", which would cost ...", ", where ...") goes on with what was said, and stays.
Only asides that end the content are cut, and never inside quotation marks.
"""

from __future__ import annotations

from typing import Callable, Iterable

_ASIDE_DEPS = frozenset({"relcl", "appos", "acl"})
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})
# Relative words that introduce a person: "..., who ...". Others ("which", "where") go on with the content.
_PERSON_RELATIVES = frozenset({"who", "whom", "whose"})
_CLOSING = frozenset({"”", '"', "’", "'", "''", "»"})
# Prepositions that set a topic act in time or place ("attacked her in tweets on Monday").
_CIRCUMSTANCE = frozenset({"in", "during", "at", "on", "after", "before", "over", "with", "while",
                           "amid", "since", "until", "through", "throughout"})


def _before(doc, token):
    """The token before a phrase, skipping closing quote marks: the comma of "…,” which"."""
    j = token.i - 1
    while j >= 0 and doc[j].text in _CLOSING:
        j -= 1
    return doc[j] if j >= 0 else None


def trailing_aside(doc, tokens: list, quoted: Callable) -> set[int]:
    """Token indices of a comma-set aside that ends ``tokens`` (which are in order), or none.

    ``quoted(token)`` tells whether a token lies inside quotation marks.
    """
    kept = [t for t in tokens if not (t.is_punct or t.is_space)]
    if len(kept) < 3:
        return set()
    last = kept[-1].i
    first = kept[0].i
    present = {t.i for t in tokens}
    best = None
    for t in tokens:
        left = t.left_edge
        relative = left.tag_ in ("WDT", "WP", "WP$") and t.tag_.startswith(("VB", "MD"))
        if not (t.dep_ in _ASIDE_DEPS or relative or
                (t.dep_ in _PARTICIPLE_DEPS and t.tag_ == "VBG")):
            continue
        if (relative or t.dep_ == "relcl") and left.lower_ not in _PERSON_RELATIVES:
            continue  # "..., which would cost jobs": more of what was said
        comma = _before(doc, left)
        if comma is None or comma.text != "," or comma.i not in present or comma.i <= first:
            continue
        if t.right_edge.i < last or quoted(t) or quoted(left):
            continue
        if best is None or comma.i < best:
            best = comma.i
    if best is None:
        return set()
    rest = [t for t in kept if t.i < best]
    if len(rest) < 2:
        return set()
    return {t.i for t in tokens if t.i >= best}


def circumstance_preps(children: Iterable, cue) -> list:
    """The time and place phrases among a cue's right-hand children, after its object."""
    out = []
    seen_object = False
    for c in children:
        if c.dep_ in ("dobj", "oprd", "attr", "dative") or (c.dep_ == "prep" and not seen_object
                                                           and c.lower_ not in _CIRCUMSTANCE):
            seen_object = True
            continue
        if c.dep_ == "prep" and seen_object and c.lower_ in _CIRCUMSTANCE:
            out.append(c)
    return out
