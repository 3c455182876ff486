"""Attribution rules over one parsed unit: cue verbs with their clauses, quotes with their cues,
"according to" phrases and the sources they cite. Verbs whose object holds what was said are in
objects.py; where content ends, in bounds.py.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..candidates.cues import CUE_FORMS, SPEECH_LEMMAS
from ..model import Span
from ..segment.quotes import Quote
from ..segment.units import Unit
from .bounds import trailing_aside
from .found import ChainLink, Found
from .mentions import char_span, mention_of
from .objects import ObjectRules
from .quoted import content_kind, is_speech_quote, widen_to_quotes

_SUBJECTS = ("nsubj", "nsubjpass")
_INHERIT = ("conj", "advcl", "xcomp")  # "..., adding that": the subject comes from the head verb
_INTENT = frozenset({"want", "plan", "hope", "expect", "intend", "promise", "vow", "pledge",
                     "threaten", "agree", "urge", "call", "ask", "refuse", "wish", "prefer"})
_CITE = frozenset({"cite", "cited", "citing", "cites", "quote", "quoted", "quoting", "quotes"})
_TIE = re.compile(
    r"\b(?:in|during|at|from)\s+(?:the|that|this|a|an|his|her|their|its)\s+(?:same\s+|televised\s+|"
    r"recent\s+|\w+\s+)?(?:speech|interview|statement|remarks|rally|meeting|conference|address|event|"
    r"appearance|briefing|hearing|debate|session|talk|call)\b|\balso\b|\bwent on\b", re.I)
_CLOSING_MARKS = frozenset({"”", '"', "’", "'", "''", "»"})
_CONCESSIVE = frozenset({"though", "although"})
# Verbs whose object is the one urged or asked: "urged Congress to act" keeps "Congress" in content.
_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "tell", "encourage", "warn", "advise", "remind"})
# Nouns that introduce the words after a colon: "made the following comment:".
_INTRO_NOUNS = frozenset({"comment", "comments", "statement", "remarks", "message", "headline",
                          "answer", "response", "words", "reply", "tweet", "post", "quote", "quotes"})
_WORDS = re.compile(r"\w+")
_MAX_GAP_WORDS = 4
_LEADING_MARKS = frozenset({"that", "whether", "if", ",", ":", "—", "–", "-"})


class UnitRules(ObjectRules):
    """Attributions in one parsed unit; ``used`` collects the quotes they take up."""

    def __init__(self, text: str, unit: Unit, doc, times: list[Span]):
        self.text = text
        self.unit = unit
        self.doc = doc
        self.base = unit.start
        self.times = times
        self.used: set[Quote] = set()
        self._subject_spans: dict[int, Optional[Span]] = {}  # cue token → its subject's mention

    # -- positions -------------------------------------------------------------------------------
    def start(self, token) -> int:
        return self.base + token.idx

    def end(self, token) -> int:
        return self.base + token.idx + len(token.text)

    def quote_of(self, token) -> Optional[Quote]:
        pos = self.start(token)
        for q in self.unit.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def content_span(self, comp) -> Optional[Span]:
        """The clause of a cue, less asides that trail it after a comma (", conveying ...")."""
        cut = set()
        for child in comp.children:
            if child.i < comp.i or child.dep_ not in ("advcl", "parataxis", "conj"):
                continue
            left = child.left_edge
            j = left.i - 1
            while j > comp.i and self.doc[j].text in _CLOSING_MARKS:
                j -= 1
            after_comma = self.doc[j].text in (",", ";", "—", "–")
            aside = (child.lower_ in CUE_FORMS and child.tag_ in ("VBG", "VBD", "VBZ")) or \
                left.lower_ in _CONCESSIVE
            if (after_comma or child.dep_ == "conj") and aside:
                cut.update(t.i for t in child.subtree)
                cut.update(range(j, left.i))
        tokens = [t for t in comp.subtree if t.i not in cut]
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
        return char_span(run, self.base) if run else None

    # -- the rules -------------------------------------------------------------------------------
    def find(self) -> list[Found]:
        found: list[Found] = []
        cue_tokens = []
        for token in self.doc:
            lemma = CUE_FORMS.get(token.lower_)
            if lemma is None or not token.tag_.startswith(("VB", "MD")) or self.quote_of(token):
                continue
            cue_tokens.append((token, lemma))
        clause_cues = set()
        for token, lemma in cue_tokens:
            f = self.clause(token, lemma) or self.quoted_object(token, lemma)
            if f is not None:
                found.append(f)
                clause_cues.add(token.i)
        found.extend(self.according())
        found.extend(self.colon_intro([(t, l) for t, l in cue_tokens
                                       if l in SPEECH_LEMMAS and t.i not in clause_cues]))
        found.extend(self.quotes_to_cues([(t, l) for t, l in cue_tokens
                                          if l in SPEECH_LEMMAS and t.i not in clause_cues]))
        found.extend(self.quoted_predicates())
        return found

    def subject_of(self, verb, depth=0):
        # A word inside a quotation is never the one who says it (a misparse of “One of ...,”), nor
        # is a dash; of two subjects, the nearer the verb ("public ― Trump boasted").
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and self.quote_of(c) is None
                    and any(ch.isalnum() for ch in c.text)]
        if subjects:
            before = [c for c in subjects if c.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.tag_ == "VBG" and verb.i > 0:
            prev = self.doc[verb.i - 1]
            if prev.tag_ in ("NNP", "NNPS") and prev.dep_ == "pobj" and prev.head.lower_ in ("of", "with"):
                return prev  # "footage of Hillary Clinton asking ...": the one shown speaks
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
            return verb.head  # "Said Ellis: ...", parsed as if "Said" named him
        if verb.dep_ == "pcomp" and depth < 3 and verb.head.dep_ == "prep" and \
                verb.head.head.tag_.startswith("VB"):
            return self.subject_of(verb.head.head, depth + 1)  # "began by saying ..."
        return None

    def clause(self, cue, lemma: str) -> Optional[Found]:
        """A cue verb and the clause it governs: "X said (that) CONTENT"."""
        comps = [c for c in cue.children if c.dep_ == "ccomp"]
        if not comps and (lemma in _INTENT or lemma in _OBJECT_CONTROL):
            # "tells his supporters at a rally to “go ...”" is often parsed as an adverbial clause.
            comps = [c for c in cue.children if c.dep_ == "xcomp" or (
                c.dep_ == "advcl" and c.i > cue.i and any(a.dep_ == "aux" and a.lower_ == "to"
                                                          for a in c.children))]
        if not comps and lemma == "call":
            comps = [c for c in cue.children if c.dep_ == "oprd"]  # called it a "disgrace"
        if not comps:
            if cue.dep_ == "parataxis" and lemma in SPEECH_LEMMAS:
                return self.parenthetical(cue, lemma)
            return None
        if any(c.dep_ == "auxpass" for c in cue.children):
            return None  # "are intended to", "it was reported that": no source is named
        comp = comps[-1]
        quoted_before = [c for c in comps if c.i < cue.i and self.quote_of(c) is not None]
        if quoted_before and comp.i > cue.i and self.quote_of(comp) is None:
            comp = quoted_before[-1]  # "“...,” Warren told him, after he admitted ...": the quote
        if lemma not in SPEECH_LEMMAS and CUE_FORMS.get(comp.lower_) in SPEECH_LEMMAS and \
                any(c.dep_ in _SUBJECTS for c in comp.children):
            return None  # "the ad shows Clinton saying ...": Clinton is the one who says it
        if comp.i > cue.i and any(CUE_FORMS.get(t.lower_) in SPEECH_LEMMAS and t.tag_ == "VBG" and
                                  any(c.dep_ in _SUBJECTS for c in t.children)
                                  for t in self.doc[cue.i + 1:comp.left_edge.i]):
            return None  # "concludes with footage of Trump saying “...”": Trump says it
        if comp.i < cue.i and CUE_FORMS.get(comp.lower_) in SPEECH_LEMMAS and \
                any(c.text == ":" for c in comp.children):
            return None  # "Kole scolded him: “...,” she said": the quote is the colon's
        if comp.i > cue.i and any(t.tag_ == "CC" for t in self.doc[cue.i + 1:comp.left_edge.i]):
            return None  # "she said, but Kevin was drifting": the clause is the narrator's
        span = self.content_span(comp)
        if span is None or len(_WORDS.findall(self.text, span[0], span[1])) < 2:
            return None  # "which Mr. Clarke says", "what the senators said": no content here
        after: Optional[Span] = None
        if comp.i > cue.i:
            span = self._coordinated(cue, comp, span)
            span = self._elaborated(span)
        elif not any(self.quote_of(t) for t in comp.subtree):
            # "A paid 8.9 percent, the agency said, and B paid 0.8 percent": indirect content goes
            # on past its cue; after a quote, what follows the cue is the narrator's.
            after = self._continued(cue)
        if comp.dep_ in ("xcomp", "oprd") and lemma in _OBJECT_CONTROL:
            objects = [c for c in cue.children if c.dep_ == "dobj" and c.i < comp.i]
            if objects:
                span = (self.start(objects[0].left_edge), span[1])
        subject = self.subject_of(cue)
        if subject is None or subject.lower_ in ("it", "that", "which", "this", "what"):
            return None
        mention = mention_of(subject, self.base, self.times)
        if mention.span[0] < span[1] and span[0] < mention.span[1]:
            return None
        span = widen_to_quotes(span, self.unit.quotes)
        kind, inside = content_kind(self.text, span, self.unit.quotes)
        self.used.update(inside)
        return Found([span] + ([after] if after else []), kind, self.unit.index, self.unit.paragraph,
                     "clause", cue=(self.start(cue), self.end(cue)), cue_lemma=lemma, speaker=mention,
                     chain=self.citing(cue), tie=self.tied(cue))

    def _continued(self, cue) -> Optional[Span]:
        """The clause coordinated after a cue that follows its content: ", and B paid 0.8 percent"."""
        frame_end = cue.i
        for c in cue.children:
            if c.i <= cue.i:
                continue
            if c.dep_ == "conj" and c.lower_ not in CUE_FORMS and c.tag_.startswith(("VB", "MD")) \
                    and self.quote_of(c) is None:
                between = self.doc[frame_end + 1:c.left_edge.i]
                ccs = [t for t in between if t.dep_ == "cc"]
                if ccs and all(t.is_punct or t.dep_ == "cc" or t.is_space for t in between):
                    more = self.content_span(c)
                    return (self.start(ccs[0]), more[1]) if more else None
                return None
            if not (c.is_punct or c.dep_ == "cc"):
                frame_end = max(frame_end, c.right_edge.i)
        return None

    def _elaborated(self, span: Span) -> Span:
        """Grow a content over what its colon introduces: "has the quality: “Steadiness”"."""
        rest = self.text[span[1]:self.unit.end]
        stripped = rest.lstrip()
        if not stripped.startswith(":"):
            return span
        colon = span[1] + len(rest) - len(stripped)
        if any(q.start <= colon < q.end for q in self.unit.quotes):
            return span  # "Collapse: How Societies Fail" is a title's colon
        more = _trim(self.text, colon + 1, self.unit.end)
        return (span[0], more[1]) if more else span

    def _coordinated(self, cue, comp, span: Span) -> Span:
        """Grow a content over the clause coordinated after it: "said A, but B" reports both.

        The parser hangs "but B" on the cue; a coordinated cue ("and added") starts an attribution
        of its own instead.
        """
        after = comp.right_edge.i
        for c in cue.children:
            if c.dep_ != "conj" or c.i <= after or CUE_FORMS.get(c.lower_) in SPEECH_LEMMAS:
                continue
            between = self.doc[after + 1:c.left_edge.i]
            if not any(t.dep_ == "cc" for t in between) or \
                    not all(t.is_punct or t.dep_ == "cc" or t.is_space for t in between):
                continue
            if not c.tag_.startswith(("VB", "MD")) or self.quote_of(c):
                continue
            if c.lower_ in CUE_FORMS and not self._same_subject(comp, c):
                continue  # "taxes are high, but corporations find ...": another's finding
            more = self.content_span(c)
            if more is not None and more[1] > span[1]:
                return (span[0], more[1])
        return span

    def _same_subject(self, a, b) -> bool:
        """Whether two verbs have subjects written alike ("she hopes ..., but she knows ...")."""
        sa, sb = self.subject_of(a, 3), self.subject_of(b, 3)
        return sa is not None and sb is not None and sa.lower_ == sb.lower_

    def parenthetical(self, cue, lemma: str) -> Optional[Found]:
        """A cue set off inside its content: "Too often, Mr. Clarke said, the debate is ..."."""
        subject = self.subject_of(cue)
        if subject is None or subject.tag_ in ("WDT", "WP"):
            return None
        frame = {t.i for t in cue.subtree}
        host = cue.head
        # "The difference now, he told me, is that ...": the parser may hang the cue on a noun.
        while not host.tag_.startswith(("VB", "MD")) and host.head.i != host.i:
            host = host.head
        tokens = [t for t in host.subtree if t.i not in frame]
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
                spans.append(widen_to_quotes(char_span(run, self.base), self.unit.quotes))
        if not spans or sum(len(_WORDS.findall(self.text, a, b)) for a, b in spans) < 3:
            return None
        kinds = [content_kind(self.text, sp, self.unit.quotes) for sp in spans]
        quoted = [q for _, qs in kinds for q in qs]
        kind = "indirect" if not quoted else ("direct" if all(k == "direct" for k, _ in kinds) else "mixed")
        self.used.update(quoted)
        return Found(spans, kind, self.unit.index, self.unit.paragraph, "clause",
                     cue=(self.start(cue), self.end(cue)), cue_lemma=lemma,
                     speaker=mention_of(subject, self.base, self.times), tie=self.tied(cue))

    def according(self) -> list[Found]:
        """ "According to X, CONTENT." and "CONTENT, according to X." """
        out = []
        for token in self.doc:
            if token.lower_ != "according" or self.quote_of(token):
                continue
            to = token.nbor(1) if token.i + 1 < len(self.doc) else None
            if to is None or to.lower_ != "to":
                continue
            objects = [c for c in to.children if c.dep_ == "pobj"] or \
                [c for c in token.children if c.dep_ == "pobj"]
            if not objects:
                continue
            source = objects[0]
            mention = mention_of(source, self.base, self.times)
            phrase_end = max(self.end(t) for t in source.subtree)
            phrase = (self.start(token), phrase_end)
            content = self._around(phrase)
            if content is None:
                continue
            content = widen_to_quotes(content, self.unit.quotes)
            kind, inside = content_kind(self.text, content, self.unit.quotes)
            self.used.update(inside)
            chain = []
            for child in source.children:
                if child.dep_ in ("relcl", "acl"):
                    chain.extend(self.citing(child))
            out.append(Found([content], kind, self.unit.index, self.unit.paragraph, "according",
                             cue=(self.start(token), self.end(to)), cue_lemma="according to",
                             speaker=mention, chain=chain, frame=[phrase]))
        return out

    def _around(self, phrase: Span) -> Optional[Span]:
        """The rest of the unit beside an according-to phrase, trimmed of commas and the full stop."""
        lo, hi = self.unit.start, self.unit.end
        before = _trim(self.text, lo, phrase[0])
        after = _trim(self.text, phrase[1], hi)
        if before and (not after or before[1] - before[0] >= after[1] - after[0]):
            return before
        return after

    def citing(self, verb) -> list[ChainLink]:
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
                m = mention_of(obj, self.base, self.times)
                # "cited as its sources officials from ...": the source is "officials from ..."
                lead = [c for c in obj.children if c.i < obj.i and c.dep_ in ("poss", "compound")
                        and c.lower_ in ("its", "his", "her", "their", "sources", "source")]
                if lead:
                    first = max(c.i for c in lead) + 1
                    m = replace(m, span=(self.start(obj.doc[first]), m.span[1]), determiner=None)
                links.append(ChainLink(m, v.text))
        return links

    def colon_intro(self, cues) -> list[Found]:
        """ "He said:" or "made the following comment:" then the words said.

        What follows the colon in the unit (its quotes, else its text) is the content; a colon that
        ends the unit leaves the content to the next paragraph (set by the document).
        """
        colons = [t for t in self.doc if t.text == ":" and self.quote_of(t) is None]
        if not colons:
            return []
        colon_tok = colons[0]
        verb = None
        for token, lemma in reversed(cues):
            if token.i < colon_tok.i:
                verb, cue_lemma, cue_end = token, lemma, self.end(token)
                break
        if verb is None:
            for token in self.doc[:colon_tok.i]:
                if token.lower_ in _INTRO_NOUNS and token.head.tag_.startswith("VB"):
                    verb, cue_lemma, cue_end = token.head, "say", self.end(token)
                    break
        if verb is None:
            return []
        subject = self.subject_of(verb)
        if subject is None:
            return []
        colon = self.start(colon_tok)
        after = [q for q in self.unit.quotes if q.start > colon and q not in self.used]
        rest = _trim(self.text, colon + 1, self.unit.end)
        if after:
            spans, kind = [q.span for q in after], "direct"
            self.used.update(after)
        elif rest:
            if len(_WORDS.findall(self.text, cue_end, colon)) > 2:
                return []  # "described as tactics: lowering ...": the colon is the narrator's list
            spans, kind = [rest], "indirect"
        else:
            spans, kind = [(colon + 1, colon + 1)], "indirect"  # filled from the next paragraph
        mechanism = "quote" if after or rest else "colon"
        return [Found(spans, kind, self.unit.index, self.unit.paragraph, mechanism,
                      cue=(self.start(verb), cue_end), cue_lemma=cue_lemma,
                      speaker=mention_of(subject, self.base, self.times), tie=self.tied(verb))]

    def gap(self, q: Quote, cue) -> int:
        """Words between a quote and a cue, not counting other quotes, times and the cue's subject."""
        lo, hi = (q.end, self.start(cue)) if q.end <= self.start(cue) else (self.end(cue), q.start)
        skip = [x.span for x in self.unit.quotes] + list(self.times)  # "said last week, “...”"
        if cue.i not in self._subject_spans:
            subject = self.subject_of(cue)
            self._subject_spans[cue.i] = (mention_of(subject, self.base, self.times).span
                                          if subject is not None else None)
        if self._subject_spans[cue.i] is not None:
            skip.append(self._subject_spans[cue.i])
        n = 0
        for m in _WORDS.finditer(self.text, lo, hi):
            if not any(s <= m.start() < e for s, e in skip):
                n += 1
        return n

    def tied(self, cue) -> bool:
        """Whether the words around the cue tie this statement to an earlier one."""
        return bool(_TIE.search(self.text, self.unit.start, self.unit.end)) or \
            any(c.lower_ == "also" for c in cue.children)

    def quotes_to_cues(self, cues) -> list[Found]:
        """Quotes that no clause took, each given to the nearest cue of saying in the unit."""
        free = [q for q in self.unit.quotes if q not in self.used
                and is_speech_quote(self.text, q, self.unit)]
        if not free or not cues:
            return []
        groups: dict[int, list[Quote]] = {}
        for q in free:
            best = min(cues, key=lambda c: self.gap(q, c[0]))
            if self.gap(q, best[0]) <= _MAX_GAP_WORDS:
                groups.setdefault(best[0].i, []).append(q)
        out = []
        for token, lemma in cues:
            qs = groups.get(token.i)
            if not qs:
                continue
            subject = self.subject_of(token)
            mention = mention_of(subject, self.base, self.times) if subject is not None else None
            if mention is not None and any(q.start <= mention.span[0] < q.end for q in qs):
                mention = None
            self.used.update(qs)
            out.append(Found([q.span for q in qs], "direct", self.unit.index, self.unit.paragraph,
                             "quote", cue=(self.start(token), self.end(token)), cue_lemma=lemma,
                             speaker=mention, chain=self.citing(token), tie=self.tied(token)))
        return out


def _trim(text: str, lo: int, hi: int) -> Optional[Span]:
    while lo < hi and (text[lo].isspace() or text[lo] in ",;:—–-"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:.—–-"):
        hi -= 1
    return (lo, hi) if hi - lo > 1 else None
