"""Sources behind sources: the outlet that reported a statement, and whom a report cites.

Wire and syndicated news stacks sources. Three claim steps, run before nested frames are folded in:

- ``reported-by``: "X said CONTENT, the Associated Press reported." is X's statement, reported by the
  outlet (a chain link with the cue "reported"), whether the parse hung the outlet's clause inside
  X's content or X's clause inside the outlet's;
- ``report-by``: "X said CONTENT, according to a report by the Daily Star." is X's statement via the
  Daily Star's report, not the report's statement that X said it;
- ``citing``: "CONTENT, Reuters reported, citing two people familiar with the plan." is one
  statement by Reuters whose chain names the two people, not a second statement "citing".
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from .found import SOURCE_WORDS, ChainLink, MentionInfo
from .frame import Frame

REPORT_LEMMAS = frozenset({"report", "say", "write", "add", "according to"})
_TRAILING_REPORT = re.compile(
    r"^(?:the\s+)?((?:[A-Z][\w.&’'-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w.&’'-]*)*)\s+"
    r"(reported|reports|said|says|wrote|writes)\W*$")
_DOCUMENT = re.compile(r"^(?:a|an|the)?\s*(?:\w+\s+)?(report|study|survey|article|story|statement|"
                       r"analysis|investigation|review|poll)\s+(?:by|in|from|of)\s+(?:the\s+)?"
                       r"([A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*)*)")
_NAME = re.compile(r"[A-Z][\w.&’'-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w.&’'-]*)*")


def _name_mention(text: str, start: int, end: int, plural: bool = False) -> MentionInfo:
    words = text[start:end].split()
    return MentionInfo(span=(start, end), head=words[-1] if words else "", proper=((start, end),),
                       plural=plural)


def _phrase_mention(text: str, span) -> MentionInfo:
    """A mention for cited words that the parse did not make a source ("two people familiar with ...")."""
    s, e = span
    words = text[s:e].split()
    det = words[0].lower() if words and words[0].lower() in ("a", "an", "the", "two", "three", "some") else None
    head = next((w for w in words[1:] if w.endswith("s")), words[-1] if words else "")
    return MentionInfo(span=(s, e), head=head, plural=head.endswith("s"), determiner=det)


def reported_by(text: str, frames: list[Frame], unit_ends: dict[int, int] = None) -> list[Frame]:
    """ "X said CONTENT, OUTLET reported.": X's content up to the comma, the outlet in its chain."""
    if unit_ends:
        frames = [_outlet_after(text, f, unit_ends.get(f.unit)) for f in frames]
    out = []
    for f in frames:
        if f.cue and len(f.content) == 1 and f.kind == "indirect":
            s, e = f.content[0]
            m = _TRAILING_REPORT.match(text[s:e].strip())
            before = s  # the end of the text before the content, less white space (no copy of it)
            while before > 0 and text[before - 1].isspace():
                before -= 1
            if m and text[before - 1:before] == "," and f.cue[1] < s:
                lo = f.cue[1]
                that = re.search(r"\bthat\s+", text[lo:s])
                lo = lo + that.end() if that else lo + len(text[lo:s]) - len(text[lo:s].lstrip())
                hi = before - 1
                if hi - lo > 3:
                    ns = s + (len(text[s:e]) - len(text[s:e].lstrip())) + m.start(1)
                    outlet = _name_mention(text, ns, ns + len(m.group(1)))
                    f = replace(f, content=((lo, hi),), chain=f.chain + (ChainLink(outlet, m.group(2), "reported-by"),),
                                evidence=f.evidence + ("reported-by",))
        out.append(f)
    out = [_trailing_report(text, f) for f in out]
    # The outlet's own "reported" frame, cut off from X's content, is the chain link now.
    cut = [(g.chain[-1].mention.span[0], g.chain[-1].mention.span[1] + 12) for g in out
           if "reported-by" in g.evidence]
    out = [g for g in out if "reported-by" in g.evidence or not g.cue or
           not any(a <= g.cue[0] < b for a, b in cut)]
    out = _inner_kept(text, out, lambda f: f.lemma == "report" and f.source is not None and f.source.proper,
                      "reported", trailing=True)
    return [_one_link_each(text, g) for g in out]


_ENDS_REPORTED = re.compile(r",\s+(?:the\s+)?(" + _NAME.pattern + r")\s+(reported|reports|wrote|writes)\W*$")


def _one_link_each(text: str, f: Frame) -> Frame:
    """The chain with each outlet once (two steps may find the same ", the AP reported")."""
    seen, chain = set(), []
    for link in f.chain:
        s, e = link.mention.span
        key = (re.sub(r"^the\s+", "", text[s:e], flags=re.I), link.relation)
        if key not in seen:
            seen.add(key)
            chain.append(link)
    return replace(f, chain=tuple(chain)) if len(chain) < len(f.chain) else f


def _outlet_after(text: str, f: Frame, end) -> Frame:
    """ "“We are ready,” the general told the Gazette, the Associated Press reported.": the
    outlet's words after the whole frame, with no frame of their own, end the frame's unit."""
    if end is None or not f.cue or any(l.relation == "reported-by" for l in f.chain):
        return f
    lo = max(f.hull[1], f.cue[1], f.source.span[1] if f.source else 0)
    m = _ENDS_REPORTED.search(text, lo, end)
    if not m or m.start() < lo:
        return f
    outlet = _name_mention(text, m.start(1), m.end(1))
    return replace(f, chain=(ChainLink(outlet, m.group(len(m.groups())), "reported-by"),) + f.chain,
                   evidence=f.evidence + ("reported-by",))


def _trailing_report(text: str, f: Frame) -> Frame:
    """A content that ends in ", the Daily Courier reported." ends at the comma."""
    if f.kind != "indirect" or not f.content or "reported-by" in f.evidence:
        return f
    s, e = f.content[-1]
    m = _ENDS_REPORTED.search(text, s, e)
    if not m or m.start() - s < 4:
        return f
    outlet = _name_mention(text, m.start(1), m.end(1))
    return replace(f, content=f.content[:-1] + ((s, m.start()),),
                   chain=f.chain + (ChainLink(outlet, m.group(len(m.groups())), "reported-by"),),
                   evidence=f.evidence + ("reported-by",))


def report_by(text: str, frames: list[Frame]) -> list[Frame]:
    """ "X said CONTENT, according to a report by OUTLET.": X's statement via the outlet."""
    def report_of(f: Frame) -> Optional[MentionInfo]:
        if f.lemma != "according to" or f.source is None or not f.setting:
            return None
        s, e = f.setting[0]
        phrase = text[f.source.span[0]:e]
        m = _DOCUMENT.match(phrase)
        if not m:
            return None
        ns = f.source.span[0] + m.start(2)
        return _name_mention(text, ns, ns + len(m.group(2)))

    frames = _inner_kept(text, frames, report_of, "according to a report by")
    # "X said CONTENT, according to the Associated Press.": the outlet named relayed X's statement;
    # X stays the source. Only a name, after X's statement: "..., according to attorneys for the
    # family" is the attorneys' account of what X said (the annotated convention, PolNeAR).
    return _inner_kept(text, frames, lambda f: f.lemma == "according to" and f.source is not None
                       and f.source.proper and f.setting and f.setting[0][0] >= f.hull[1], "according to",
                       inner=lambda g: g.lemma != "report")


def _inner_kept(text: str, frames: list[Frame], outer_of, cue: str, trailing: bool = False,
                inner=lambda g: True) -> list[Frame]:
    """Frames inside an outlet's frame keep their own source; the outlet goes into their chain.

    ``trailing``: only where the outlet's cue comes after the inner statement (", the AP reported"):
    "The Times reported that X conveyed ..." stays the Times' report (one attribution).
    """
    drop, chains = set(), {}
    for i, f in enumerate(frames):
        outlet = outer_of(f)
        if not outlet:
            continue
        mention = outlet if isinstance(outlet, MentionInfo) else f.source
        lo, hi = f.hull
        inner = [j for j, g in enumerate(frames) if j != i and g.cue and g.source is not None
                 and lo <= g.cue[0] < hi and lo <= g.hull[0]
                 and (not trailing or (f.cue and f.cue[0] >= g.hull[1])) and inner(g)]
        if inner:
            drop.add(i)
            for j in inner:
                chains.setdefault(j, []).append(ChainLink(mention, cue, "reported-by"))
                g = frames[j]
                # Its content stops where the outlet's phrase starts ("..., according to a report").
                frames[j] = replace(g, content=tuple((s, min(e, hi)) for s, e in g.content if s < hi))
    return [replace(f, chain=f.chain + tuple(chains.get(i, ())), evidence=f.evidence + (
        ("via",) if i in chains else ())) for i, f in enumerate(frames) if i not in drop]




def _names_a_source(text: str, span) -> bool:
    words = [w.strip(",.").lower() for w in text[span[0]:span[1]].split()]
    head = next((w for w in words[:4] if w in SOURCE_WORDS), None)
    return head is not None


def _in_chain(f: Frame, span) -> bool:
    """Whether ``f``'s chain already names what ``span`` holds (", citing the Pentagon")."""
    return any(l.mention.span[0] < span[1] and span[0] < l.mention.span[1] for l in f.chain)


def citing(text: str, frames: list[Frame]) -> list[Frame]:
    """ "..., Reuters reported, citing two people ...": the people go into the report's chain."""
    out: list[Frame] = []
    for f in frames:
        prev = out[-1] if out else None
        if f.lemma == "cite" and prev is not None and prev.unit == f.unit and prev.cue and f.cue \
                and prev.cue[1] <= f.cue[0] and len(f.content) == 1 and (
                    _names_a_source(text, f.content[0]) or _in_chain(prev, f.content[0])):
            link = ChainLink(_phrase_mention(text, f.content[0]), text[f.cue[0]:f.cue[1]])
            if not any(l.mention.span == link.mention.span for l in prev.chain):
                out[-1] = replace(prev, chain=prev.chain + (link,), evidence=prev.evidence + ("citing",))
            continue
        out.append(f)
    return out
