"""One parsed unit as the rules read it: offsets, quotes, subjects, content spans and cited sources.

Nothing here decides an attribution; the rules in clauses.py, objects.py, cued.py and markers.py do.
The context only memoises what several rules ask of the same parse (a cue's subject), which gives the
same answer whoever asks first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from ..budget import check_budget
from ..candidates.cues import CUE_FORMS, SPEECH_LEMMAS
from ..model import Span
from ..segment.quotes import Quote
from ..segment.units import Unit
from .bounds import trailing_aside
from .found import SOURCE_WORDS, ChainLink, MentionInfo
from .mentions import char_span, mention_of

_SUBJECTS = ("nsubj", "nsubjpass")
_INHERIT = ("conj", "advcl", "xcomp")  # "..., adding that": the subject comes from the head verb
_CITE = frozenset({"cite", "cited", "citing", "cites", "quote", "quoted", "quoting", "quotes"})
_TIE = re.compile(
    r"\b(?:in|during|at|from)\s+(?:the|that|this|a|an|his|her|their|its)\s+(?:same\s+|televised\s+|"
    r"recent\s+|\w+\s+)?(?:speech|interview|statement|remarks|rally|meeting|conference|address|event|"
    r"appearance|briefing|hearing|debate|session|talk|call)\b|\balso\b|\bwent on\b", re.I)
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "''", "»"})
_CONCESSIVE = frozenset({"though", "although"})
_LEADING_MARKS = frozenset({"that", "whether", "if", ",", ":", "—", "–", "-"})
WORDS = re.compile(r"\w+")


@dataclass
class UnitContext:
    """A unit of the article, its spaCy parse, the time expressions in it and the switches off."""

    text: str
    unit: Unit
    doc: object
    times: list[Span]
    off: frozenset[str] = frozenset()
    _memo: dict = field(default_factory=dict, repr=False)  # what several rules ask of one parse

    def once(self, key, compute):
        """``compute()``, worked out once per unit: a pure function of the parse, so whichever rule
        asks first gets the answer every later one gets."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def on(self, name: str) -> bool:
        """Whether the registered rule, veto or refiner ``name`` is switched on."""
        return name not in self.off

    # -- positions -------------------------------------------------------------------------------
    @property
    def base(self) -> int:
        return self.unit.start

    def start(self, token) -> int:
        return self.unit.start + token.idx

    def end(self, token) -> int:
        return self.unit.start + token.idx + len(token.text)

    def quote_of(self, token) -> Optional[Quote]:
        pos = self.start(token)
        for q in self.unit.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def mention(self, token) -> MentionInfo:
        return mention_of(token, self.unit.start, self.times)

    def cues(self) -> list[tuple[object, str]]:
        """The cue verbs of the unit outside quotes, with their lemmas."""
        return self.once("cues", self._cues)

    def _cues(self) -> list[tuple[object, str]]:
        out = []
        for token in self.doc:
            lemma = CUE_FORMS.get(token.lower_)
            if lemma is None or not token.tag_.startswith(("VB", "MD")) or self.quote_of(token):
                continue
            out.append((token, lemma))
        return out

    # -- content ---------------------------------------------------------------------------------
    def content_span(self, comp) -> Optional[Span]:
        """The clause of a cue, less asides that trail it after a comma (", conveying ...")."""
        check_budget()  # a walk of the whole unit: a unit of 3,000 characters of cues has hundreds
        cut = set()
        for child in comp.children:
            if child.i < comp.i or child.dep_ not in ("advcl", "parataxis", "conj"):
                continue
            left = child.left_edge
            j = left.i - 1
            while j > comp.i and self.doc[j].text in CLOSING_MARKS:
                j -= 1
            after_comma = self.doc[j].text in (",", ";", "—", "–")
            aside = (child.lower_ in CUE_FORMS and child.tag_ in ("VBG", "VBD", "VBZ")) or \
                left.lower_ in _CONCESSIVE
            if (after_comma or child.dep_ == "conj") and aside:
                cut.update(t.i for t in child.subtree)
                cut.update(range(j, left.i))
        tokens = [t for t in comp.subtree if t.i not in cut]
        if self.on("trailing-aside"):
            aside = trailing_aside(self.doc, tokens, self.quote_of)
            tokens = [t for t in tokens if t.i not in aside]
        while tokens and (tokens[0].lower_ in _LEADING_MARKS or tokens[0].is_space):
            tokens = tokens[1:]
        while tokens and ((tokens[-1].is_punct and tokens[-1].text not in "”\"'’»") or tokens[-1].is_space):
            tokens = tokens[:-1]
        if not tokens:
            return None
        # Keep the contiguous run from the first token: a cut aside ends the content.
        run = [tokens[0]]
        for t in tokens[1:]:
            if t.i != run[-1].i + 1:
                break
            run.append(t)
        while run and ((run[-1].is_punct and run[-1].text not in "”\"'’»") or run[-1].is_space):
            run = run[:-1]
        return char_span(run, self.unit.start) if run else None

    # -- sources ---------------------------------------------------------------------------------
    def subject_of(self, verb, depth=0):
        """Who does what ``verb`` says: its subject, an agent, or the subject of the verb it hangs on."""
        return self.once(("subject", verb.i, depth), lambda: self._subject(verb, depth))

    def _subject(self, verb, depth):
        # A word inside a quotation is never the one who says it (a misparse of “One of ...,”), nor
        # is a dash; of two subjects, the nearer the verb ("public ― Trump boasted").
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and any(ch.isalnum() for ch in c.text)
                    and (self.quote_of(c) is None or not self.on("quoted-subject"))]
        if subjects:
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.tag_ == "VBG" and verb.i > 0 and self.on("speaker-of-footage"):
            prev = self.doc[verb.i - 1]
            if prev.tag_ in ("NNP", "NNPS") and prev.dep_ == "pobj" and prev.head.lower_ in ("of", "with"):
                return prev  # "footage of Hillary Clinton asking ...": the one shown speaks
        if self.on("inverted-subject"):
            after = self._inverted_subject(verb)
            if after is not None:
                return after
        for child in verb.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        if verb.dep_ in _INHERIT and depth < 3 and verb.head.i != verb.i:
            head = verb.head
            if (verb.tag_ == "VBG" or CUE_FORMS.get(verb.lower_) in SPEECH_LEMMAS) and \
                    head.dep_ == "ccomp" and head.head.lower_ in CUE_FORMS:
                # "Analysts said factors contributed, citing ...", "tweeted that she was “a con” and
                # urged ...": the one citing or urging is who said it.
                head = head.head
            return self.subject_of(head, depth + 1)
        if verb.dep_ == "compound" and verb.head.tag_ in ("NNP", "NNPS"):
            return verb.head  # "Said Okafor: ...", parsed as if "Said" named him
        if verb.dep_ == "pcomp" and depth < 3 and verb.head.dep_ == "prep" and \
                verb.head.head.tag_.startswith("VB"):
            return self.subject_of(verb.head.head, depth + 1)  # "began by saying ..."
        return None

    def _inverted_subject(self, verb):
        """ "said Ana Ruiz, adviser to the board, told the Herald": the name right after a cue of
        saying is its subject, though the parser made it another verb's."""
        if verb.i + 1 >= len(self.doc) or CUE_FORMS.get(verb.lower_) not in SPEECH_LEMMAS:
            return None
        t = self.doc[verb.i + 1]
        if t.tag_ not in ("NNP", "NNPS") or self.quote_of(t) is not None:
            return None
        while t.dep_ == "compound" and t.head.i > t.i and t.head.tag_ in ("NNP", "NNPS"):
            t = t.head
        return t if t.dep_ in _SUBJECTS and t.head.i != verb.i else None

    def citing(self, verb) -> tuple[ChainLink, ...]:
        """Whom a source cites: "which cited as its sources officials ...", ", citing officials"."""
        links = []
        candidates = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "acl", "xcomp", "relcl")]
        for v in candidates:
            if v.lower_ not in _CITE:
                continue
            objects = [c for c in v.children if c.dep_ in ("dobj", "obj", "attr")]
            for prep in v.children:
                if prep.dep_ == "prep" and prep.lower_ == "as":
                    objects += [c for c in prep.children if c.dep_ == "pobj"]
            for obj in objects:
                if v is not verb and not _names_a_source(obj):
                    continue  # ", citing falling demand": grounds, not a source
                m = self.mention(obj)
                # "cited as its sources officials from ...": the source is "officials from ..."
                lead = [c for c in obj.children if c.i < obj.i and c.dep_ in ("poss", "compound")
                        and c.lower_ in ("its", "his", "her", "their", "sources", "source")]
                if lead:
                    first = max(c.i for c in lead) + 1
                    m = replace(m, span=(self.start(obj.doc[first]), m.span[1]), determiner=None)
                links.append(ChainLink(m, v.text))
        return tuple(links)

    def tied(self, cue) -> bool:
        """Whether the words around the cue tie this statement to an earlier one."""
        return bool(_TIE.search(self.text, self.unit.start, self.unit.end)) or \
            any(c.lower_ == "also" for c in cue.children)

    def inside(self, span: Span) -> tuple[Quote, ...]:
        """The unit's quotes that lie inside ``span``."""
        return tuple(q for q in self.unit.quotes if span[0] <= q.start and q.end <= span[1])


def _names_a_source(obj) -> bool:
    """ "citing two officials", "citing the Pentagon", not "citing falling demand"."""
    return obj.tag_ in ("NNP", "NNPS") or any(t.lower_ in SOURCE_WORDS for t in obj.subtree)


def trim(text: str, lo: int, hi: int) -> Optional[Span]:
    """``text[lo:hi]`` less spaces, commas, colons, dashes and a full stop at its ends."""
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:.—–-"):
        hi -= 1
    return (lo, hi) if hi - lo > 1 else None
