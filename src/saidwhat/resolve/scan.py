"""What resolution reads from the whole text without a parse: sentences, capitalised runs, acronyms.

Speakers are parsed only in the sentences that carry a cue, but the person a later "he" means is
often introduced in a sentence with none ("Senator Tom Ridley spoke first."). A pass of regular
expressions over the text finds those names, the roles given in apposition ("Ann Reed, the former
mayor,") and acronyms defined in parentheses ("Lake County Sheriff's Office (LCSO)").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Optional

from ..budget import check_budget
from .lexicon import NAME_PARTICLES, NOT_NAME, TITLE_WORDS

_PRONOUNS = frozenset("he she it they we i you him her them us".split())

_WORD = re.compile(r"[\w’'.&-]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
# A full stop after these does not end a sentence: "Mr. Okafor", "U.S. officials", "Gov. Baker".
_ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen lt col capt sgt st mt jr sr inc corp co ltd no vs etc jan feb
mar apr aug sept sep oct nov dec u.s u.k u.n e.u supt insp det rev hon adm maj cmdr
""".split())
_APPOSITION = re.compile(r",\s+((?:the|a|an|its|his|her|their)\s+)?((?:[\w’'.-]+\s+){0,8}?[\w’'.-]+?)\s*(?=,|\.|\s+(?:said|says|told|who)\b)")
# Quotations within a line: “…” or "…" (see _quotations, linear where a regex would not be).
_OPENING = re.compile(r"[“\"]")
_CLOSING = {"“": re.compile(r"[”\n]"), '"': re.compile(r"[\"\n]")}
_TITLE_OF = re.compile(r",\s+(?:the\s+)?((?:[A-Z][\w-]*\s+)?[A-Z][\w-]* of (?:the\s+)?[A-Z][\w-]*)")
_ACRONYM = re.compile(r"([A-Z][\w’'&.-]*(?:\s+(?:of|for|the|and|on|&|[A-Z][\w’'&.-]*)){1,8})\s+\(([A-Z][A-Za-z&]{1,9})\)")
# Words before a name that make it an object or a possessor rather than the subject.
_OBJECT_BEFORE = frozenset("""
told asked telling asking to with by for from met meet meeting and than of about against thanked
interviewed called urged named join joined joining hired replaced beat defeated like unlike
""".split())


@dataclass(frozen=True)
class Run:
    """A run of capitalised words (with name particles inside): a name, a place, a headline."""

    start: int
    end: int
    text: str
    sentence: int
    object_like: bool  # after "told", "with", "of" ... or a possessive ("Tomas's mother")
    sentence_initial: bool
    quoted: bool = False  # inside quotation marks: someone a speaker talks about


class TextScan:
    """Sentence and paragraph positions, capitalised runs, appositions and acronyms of one text."""

    def __init__(self, text: str):
        self.text = text
        quotes = _quotations(text)
        self._quote_spans = quotes
        # A sentence inside a quotation does not end its frame's sentence: a long quote and its
        # "he said" are one unit of salience.
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)
                                      if not _abbreviation_before(text, m.start())
                                      and not _inside(quotes, m.start())]
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n+", text)]
        self.runs = self._runs()
        self.acronyms = {m.group(2): _expansion(m.group(1), m.group(2)) for m in _ACRONYM.finditer(text)}

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sentence_starts, pos) - 1

    def paragraph_of(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos) - 1

    def _runs(self) -> list[Run]:
        text = self.text
        runs: list[Run] = []
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        i = 0
        while i < len(words):
            if i % 2048 == 0:
                check_budget()
            s, e = words[i]
            if not text[s].isupper():
                i += 1
                continue
            j = i
            while j + 1 < len(words) and not _ends_sentence(text[words[j][0]:words[j][1]]):
                ns, ne = words[j + 1]
                gap = text[words[j][1]:ns]
                if gap != " " or text[words[j][1] - 1] in ",;:":
                    break
                w = text[ns:ne]
                if w[0].isupper() or (w in NAME_PARTICLES and j + 2 < len(words) and text[words[j + 2][0]].isupper()):
                    j += 1
                else:
                    break
            rs, re_ = words[i][0], words[j][1]
            piece = text[rs:re_]
            # A trailing full stop ends the sentence, not the name ("... said Ann Reed.").
            while piece and piece[-1] in ".-’'" and not re.search(r"(?:^|\s)(?:[A-Z]|" + "|".join(
                    a for a in ("Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "St")) + r")\.$", piece):
                piece = piece[:-1]
            possessive = bool(re.search(r"[’']s$", piece))
            if possessive:
                piece = piece[:-2]
            if piece:
                sentence = self.sentence_of(rs)
                before = text[max(0, rs - 12):rs].split()
                object_like = possessive or bool(before and before[-1].lower().strip(",") in _OBJECT_BEFORE)
                runs.append(Run(rs, rs + len(piece), piece, sentence, object_like,
                                self.sentence_starts[sentence] >= rs - 2, self.in_quotation(rs)))
            i = j + 1
        return runs

    def in_quotation(self, pos: int) -> bool:
        """Whether ``pos`` lies inside quotation marks (a quotation within one paragraph)."""
        i = bisect_right(self._quote_spans, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self._quote_spans[i][0] < pos < self._quote_spans[i][1]

    def apposition_after(self, end: int) -> Optional[str]:
        """The role written in apposition right after a name: "Ann Reed, the former mayor, said"."""
        m = _TITLE_OF.match(self.text, end)
        if m:
            return m.group(1)  # "Nadia, Duchess of Lowland"
        m = _APPOSITION.match(self.text, end)
        if not m:
            return None
        role = m.group(2)
        first = role.split()[0].lower()
        if not role[:1].islower() or first in NOT_NAME or first in _PRONOUNS:
            return None  # "Ann Reed, Tom Baker and ...", "Reed, after he left," are no roles
        if not m.group(1) and first not in TITLE_WORDS:
            return None
        return role.strip()


def _expansion(words: str, acronym: str) -> str:
    """The words an acronym stands for: "Deputies of the Lake County Sheriff's Office" (LCSO) →
    "Lake County Sheriff's Office", the longest tail whose capitals spell it."""
    parts = words.split()
    for i in range(len(parts)):
        capitals = "".join(w[0] for w in parts[i:] if w[0].isupper())
        if parts[i][0].isupper() and capitals.upper() == acronym.upper():
            return " ".join(parts[i:])
    return words


def _ends_sentence(word: str) -> bool:
    """ "Tomas." ends a sentence; "Mr.", "U.S." and the initial "A." do not."""
    if not word.endswith("."):
        return False
    core = word[:-1].lower()
    return not (len(core) <= 1 or "." in core or core in _ABBREVIATIONS)


def _quotations(text: str) -> list[tuple[int, int]]:
    """The spans of what ``“[^”\\n]*”|"[^"\\n]*"`` finds, left to right, in linear time.

    The regular expression re-reads the rest of the line from every opening mark left unclosed
    (20,000 “ in a row: minutes); here an opening whose line holds no closing mark tells every
    later opening of its kind on that line that it fails too.
    """
    spans: list[tuple[int, int]] = []
    fails_before = {"“": -1, '"': -1}  # an opening before this position has no closing mark
    pos = 0
    while (m := _OPENING.search(text, pos)) is not None:
        if len(spans) % 2048 == 0:
            check_budget()
        start, mark = m.start(), m.group()
        pos = start + 1
        if start < fails_before[mark]:
            continue
        close = _CLOSING[mark].search(text, pos)
        if close is None or close.group() == "\n":
            fails_before[mark] = close.start() if close else len(text)
            continue
        spans.append((start, close.end()))
        pos = close.end()
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    i = bisect_right(spans, (pos, len(spans) + 10**12)) - 1
    return i >= 0 and spans[i][0] < pos < spans[i][1] - 2  # a full stop that closes it still ends


def _abbreviation_before(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return word in _ABBREVIATIONS or len(word) == 1
