"""Speakers across one document: each source mention resolved to an entity, or honestly not.

Names: the role is split off ("Minister of Finance Peter Dunn" → Peter Dunn, role "Minister of
Finance") and a surname or given name joins the person the article named in full (see
``entities``). Pronouns: by agreement and salience (see ``pronouns``). Descriptions ("the former
mayor", "the duchess", "the trust") join the entity introduced with that role, apposition, title or
name head, or stay as written (unnamed). Every reference says how it was resolved and with what
confidence. Types: person, organization, unnamed ("officials", "a source"), unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from typing import Optional

from ..attribute.found import MentionInfo
from ..model import Mention, Speaker, SpeakerRef
from ..parse.entities import name_labels
from .entities import Entity, EntityTable, Occurrence
from .gender import is_given_name
from .lexicon import (DOCUMENT_HEADS, GENDERED_ROLES, GROUP_PRONOUNS, ORG_HEADS, ORG_WORDS,
                      NOT_NAME, PAIR_HEADS, PERSON_HEADS, PERSON_PRONOUNS, THING_PRONOUNS, TITLE_WORDS)
from .names import bare_name, fold, parse_person, split_role
from .pronouns import antecedent
from .scan import TextScan

_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT"})
_APPOSITIVE_NAME = re.compile(r",\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*),")
_CAPITALISED = re.compile(r"[A-Z][\w’'&.-]*(?:\s+(?:of|for|the|and|&)?\s*[A-Z][\w’'&.-]*)*")
# Heads general enough to stand for the organisation last quoted: "the company", "the Japanese daily".
_GENERIC_ORG_HEADS = frozenset("""
company firm group organisation organization chain daily newspaper paper agency network magazine
outlet channel broadcaster station
""".split())
# Heads that say only "an organisation": "the institution" is the one named just before, whatever its kind.
_KIND_HEADS = frozenset({"institution", "organisation", "organization", "body"})
# A description owned by another ("the university's student newspaper", "the operator’s assessment").
_OWNER = re.compile(r"((?:the|its|their)\s+(?:[\w-]+\s+){0,3}?[\w-]+)[’']s\s")
# A plural possessive that opens an organisation's name: "Citizens’ Independent Transportation Trust".
_PLURAL_OWNER = re.compile(r"([A-Z][a-z]+s[’'])\s$")
_NOT_A_GIVEN_NAME_ALONE = frozenset("""
may june april august will rose faith hope grace joy summer autumn bill mark art guy page chase
""".split())


class SpeakerResolver:
    """Resolves mentions in text order; ``speakers()`` lists the entities with their mentions.

    ``names`` (runs of capitalised words found by the attribute stage) is accepted for the callers'
    sake; the text is scanned here (``scan.TextScan``). ``entity_types``: the NER label of each
    source name (PERSON, ORG, GPE ...).
    """

    def __init__(self, text: str, names: list[tuple[int, int]] = (), entity_types: dict[str, str] = None):
        self.text = text
        self.scan = TextScan(text)
        self.table = EntityTable(self.scan)
        self.entity_types = entity_types or {}
        self._next_id = 0
        self._group_occ: list[Occurrence] = []  # organisations and groups quoted, for "it", "they"
        self._learn_lone_given_names()

    def _learn_lone_given_names(self) -> None:
        """ "Nadia", "Tomas" named alone, and "Mr. Okafor": persons, though never named in full."""
        known = {o.start for o in self.table.occurrences}
        candidates = []
        for run in self.scan.runs:
            if run.start in known:
                continue
            p = parse_person(run.text)
            if p is None or p.full:
                continue
            lone_given = (" " not in run.text and is_given_name(p.surname) and not run.sentence_initial
                          and p.surname not in _NOT_A_GIVEN_NAME_ALONE)
            if lone_given or p.honorific:
                candidates.append((run, p, lone_given))
        # "London" and "Jordan" are given names too: the recogniser tells places apart.
        labels = name_labels({run.text for run, _, lone in candidates if lone}) if candidates else {}
        added = []
        for run, p, lone_given in candidates:
            if not lone_given or labels.get(run.text) not in _ORG_LABELS:
                e = self.table.person(p, run.start)
                if e is not None:
                    added.append(Occurrence(run.start, run.end, e, run.sentence, run.object_like, run.quoted))
        self.table.add_occurrences(added)
        for o in self.table.occurrences:
            role = self.scan.apposition_after(o.end)
            if role and o.entity.type == "person":
                o.entity.add_role(role, elsewhere=True)
                o.entity.gender = o.entity.gender or _role_gender(role)

    def _text(self, span) -> str:
        return self.text[span[0]:span[1]]

    def resolve(self, m: MentionInfo) -> SpeakerRef:
        entity, resolution, confidence = self._resolve(m)
        if entity is None:
            return SpeakerRef(name=None, type="unknown", resolution=resolution, confidence=confidence)
        if entity.id is None:
            self._next_id += 1
            entity.id = self._next_id
        entity.mentions.append(Mention(m.span[0], m.span[1], self._text(m.span)))
        entity.last = m.span[0]
        o = Occurrence(m.span[0], m.span[1], entity, self.scan.sentence_of(m.span[0]), False)
        if entity.type == "person" and not entity.members:
            self.table.add_occurrences([o])
        else:
            insort(self._group_occ, o, key=lambda x: x.start)
            insort(entity.seen, o.start)
        if m.role:
            entity.add_role(self._text(m.role))
        return SpeakerRef(name=entity.name, type=entity.type,
                          role=entity.roles[0] if entity.roles else None, id=entity.id,
                          resolution=resolution, confidence=confidence)

    def type_of(self, m: MentionInfo) -> str:
        """The type ``m`` would resolve to, without recording it as a mention (a channel, "told CNN")."""
        entity = self._resolve(m)[0]
        return entity.type if entity is not None else "unknown"

    def _resolve(self, m: MentionInfo) -> tuple[Optional[Entity], str, float]:
        head = m.head.lower()
        if m.pronoun:
            return self._pronoun(m, head)
        if m.proper:
            return self._proper(m)
        named = self._apposed_name(m) or self._name_inside(m, head) or self._bare_person(m)
        if named:
            return named
        owner = _OWNER.match(self._text(m.span))
        if owner and head in DOCUMENT_HEADS:
            # "the grid operator’s 2019 assessment": the document's maker is the owner described.
            maker = fold(owner.group(1).split()[-1])
            if maker in ORG_HEADS:
                found = self._description(m, maker, described=owner.group(1))
                if found[0] is not None:
                    return found[0], f"{head} → its maker described in the mention", 0.6
        elif owner and head in ORG_HEADS and head not in PERSON_HEADS:
            # "the university's student newspaper" is not the newspaper last quoted.
            return self.table.unnamed(self._text(m.span)), "description owned by another: left as written", 0.6
        if head in PAIR_HEADS and m.determiner == "the":
            pair = self.table.pair_before(m.span[0])
            if pair is not None:
                return pair, "group → the two persons last named together", 0.6
            return self.table.unnamed(self._text(m.span)), "group: no two persons named together before it", 0.4
        if m.determiner in ("the", "this", "that") and not m.plural:
            found = self._description(m, head)
            if found[0] is not None:
                return found
        name = self._text(m.span)
        if head in ORG_HEADS and m.determiner == "the":
            return self.table.unnamed(name, "organization"), "description: no organisation of that kind named", 0.4
        if head in PERSON_HEADS and m.determiner == "the" and not m.plural:
            return self.table.unnamed(name), "description: no one introduced with that role", 0.4
        return self.table.unnamed(name), "unnamed source as written", 0.8

    def _pronoun(self, m: MentionInfo, head: str) -> tuple[Optional[Entity], str, float]:
        pos = m.span[0]
        sentence = self.scan.sentence_of(pos)
        if head in PERSON_PRONOUNS:
            found = antecedent(self.table.occurrences, pos, sentence, PERSON_PRONOUNS[head])
            if found is None:
                return None, "unresolved: no agreeing person before the pronoun", 0.0
            gender = PERSON_PRONOUNS[head]
            if gender and found.entity.gender is None and found.confidence >= 0.7:
                found.entity.gender = gender  # a pronoun tied for sure tells the person's gender
            return found.entity, found.resolution, found.confidence
        if head in THING_PRONOUNS or head in GROUP_PRONOUNS:
            # Groups of persons ("the couple") are the only persons among these occurrences.
            kinds = ("organization",) if head in THING_PRONOUNS else ("organization", "unnamed", "person")
            found = antecedent(self._group_occ, pos, sentence, None, kinds)
            if found is None:
                return None, "unresolved: no organisation or group before the pronoun", 0.0
            return found.entity, found.resolution.replace("subject", "source"), found.confidence - 0.1
        return None, "unresolved pronoun", 0.0

    def _proper(self, m: MentionInfo) -> tuple[Optional[Entity], str, float]:
        ns, ne = _widen(self.text, m.proper[-1])
        lo = min(m.span[0], ns)
        printed = self.text[lo:ne]
        if m.determiner and printed.lower().startswith(m.determiner):
            printed = printed[len(m.determiner):].lstrip()
        name = self.text[ns:ne]
        if self._is_organisation(m, name, printed):
            org_name = _org_name(printed) or name
            plural = _PLURAL_OWNER.search(self.text, max(0, lo - 30), lo)
            if plural and org_name == printed:
                org_name = plural.group(1) + " " + org_name  # "Citizens’" belongs to the name
            return self.table.organisation(org_name), _how(org_name, "organisation"), 0.85
        p = parse_person(printed) or parse_person(name) or self._known_bare(name)
        if p is None:
            role, _ = split_role(printed)
            return self._description(m, fold(printed.split()[-1]), role or printed)
        e = self.table.person(p, lo)
        if e is None:
            e = self.table.unnamed(p.name, "person")
            return e, "surname shared by two people in the article: left as written", 0.3
        role = self.scan.apposition_after(m.span[1])
        if role:
            e.add_role(role)
        if p.role:
            e.add_role(p.role)
        written = p.name
        if written.casefold() == e.name.casefold():
            return e, "name as written" + (" (role split off)" if p.role else ""), 0.9
        return e, "name → fuller form given in the article", 0.8

    def _known_bare(self, name: str):
        """ "King" or "Bishop" alone, where the article named Ruth King: a surname, not a title."""
        if " " in name or not name[:1].isupper():
            return None
        p = bare_name(name)
        return p if self.table.is_person_name(p) else None

    def _is_organisation(self, m: MentionInfo, name: str, printed: str) -> bool:
        words = [fold(w) for w in printed.split()]
        label = self.entity_types.get(self._text(m.proper[-1]))
        p = parse_person(printed) or parse_person(name) or self._known_bare(name)
        last = name.split()[-1] if name.split() else ""
        if len(last) >= 2 and last.isupper() and last.isalpha():
            return True  # "Lakeside ISO", "LCSO"
        known_person = p is not None and (self.table.is_person_name(p) or (p.full and is_given_name(p.first)))
        if any(w in ORG_WORDS for w in words[-2:]) or m.head.lower() in ORG_HEADS:
            return not (known_person and fold(m.head) not in ORG_WORDS)
        if known_person or (p is not None and p.honorific):
            return False
        if label in _ORG_LABELS or fold(name) in self.scan.acronyms or (name.isupper() and len(name) > 1):
            return True
        if label == "PERSON" or m.role or len(words) >= 2:
            return False
        return bool(m.plural)

    def _bare_person(self, m: MentionInfo):
        """ "Pay says": a surname the parser took for a common noun, where the article named Ida Pay."""
        p = self._known_bare(self._text(m.span))
        if p is None:
            return None
        e = self.table.person(p, m.span[0])
        return (e, "surname → full name given in the article", 0.75) if e is not None else None

    def _apposed_name(self, m: MentionInfo):
        """ "Another, Brightway, announced": a description followed by the name it stands for."""
        match = _APPOSITIVE_NAME.match(self.text, m.span[1])
        if not match or m.span[1] - m.span[0] > 40:
            return None
        name = match.group(1)
        p = parse_person(name)
        if p is not None and p.full and is_given_name(p.first):
            e = self.table.person(p, match.start(1))
            if e is not None:
                return e, "description → name in apposition", 0.8
        if p is not None and not all(fold(w) in NOT_NAME for w in name.split()):
            return self.table.organisation(name), "description → name in apposition", 0.7
        return None

    def _name_inside(self, m: MentionInfo, head: str):
        """ "a new Gallup poll", "data from Lakeside ISO": the maker named inside the mention."""
        if head not in DOCUMENT_HEADS and head not in ORG_HEADS:
            return None
        inside = self._text(m.span)
        for match in _CAPITALISED.finditer(inside):
            words = match.group().split()
            if match.start() == 0 and fold(words[0]) in ("the", "a", "an", "this"):
                words = words[1:]
            if words and not all(fold(w) in TITLE_WORDS or fold(w) in NOT_NAME for w in words):
                name = " ".join(words)
                if name_labels([name]).get(name) in ("NORP", "GPE") and " " not in name:
                    continue  # "the Japanese daily", "the British newspaper": no maker named
                return self.table.organisation(name), f"{head} → its maker named in the mention", 0.7
        return None

    def _description(self, m: MentionInfo, head: str, role: Optional[str] = None,
                     described: Optional[str] = None):
        """ "the former mayor" → the person introduced with that role; "the university" → the
        university named in this sentence or the one before; else unresolved."""
        head = fold(head)
        pos = m.span[0]
        wanted = GENDERED_ROLES.get(head)
        kind = "organization" if head in ORG_HEADS and head not in PERSON_HEADS else "person"
        people = [e for e in self.table.role_holders.get(head, ()) if e.type == kind
                  and e.seen and e.seen[0] < pos and (wanted is None or e.gender in (None, wanted))]
        if head in ORG_HEADS:
            people += [e for e in self.table.orgs_by_last.get(head, ()) if e.seen and e.seen[0] < pos
                       and fold(e.name.split()[-1]) == head and e not in people]
        described = described or self._text(m.span)
        if not people and head in ORG_HEADS and head not in PERSON_HEADS:
            named = self._organisation_near(pos, head)
            if named:
                pick = self.table.organisation(named)
                pick.add_role(described, elsewhere=True)
                return pick, "description → organisation named just before", 0.6
        if people:
            pick = max(people, key=lambda e: e.latest_before(pos))
            pick.add_role(described, elsewhere=True)
            how = "description → entity introduced with that role"
            return pick, how, 0.7 if len(people) == 1 else 0.5
        if head in _GENERIC_ORG_HEADS:
            i = bisect_left(self._group_occ, pos, key=lambda o: o.start)
            orgs = [o.entity for o in reversed(self._group_occ[max(0, i - 50):i])
                    if o.entity.type == "organization" and o.entity.name.casefold() != "the " + head]
            if not orgs:
                # None quoted yet: the organisation last named ("... at Delmar Stores. The company said").
                named = self.table.last_organisation_run(pos)
                if named:
                    orgs = [self.table.organisation(named)]
            if orgs:
                pick = orgs[0]
                pick.add_role(described)  # "the Japanese daily" says what Yomiuri Shimbun is
                return pick, "description → last organisation quoted", 0.5
        if role is not None or head in PERSON_HEADS or head in TITLE_WORDS:
            return None, "unresolved: no one introduced with that role", 0.0
        return None, "unresolved description", 0.0

    def _organisation_near(self, pos: int, head: str) -> Optional[str]:
        """The last name in this sentence or the one before that ends in ``head`` ("Coventry
        University" for "the university"), or in any organisation word for "the institution"."""
        runs = self.scan.runs
        sentence = self.scan.sentence_of(pos)
        i = bisect_left(runs, pos, key=lambda r: r.start)
        while i > 0 and runs[i - 1].sentence >= sentence - 1:
            i -= 1
            words = runs[i].text.split()
            if words and words[0] == "The":
                words = words[1:]
            last = fold(words[-1]) if len(words) >= 2 else ""
            if last == head or (head in _KIND_HEADS and last in ORG_HEADS):
                return " ".join(words)
        return None

    def speakers(self) -> list[Speaker]:
        mentioned = sorted((e for e in self.table.entities if e.mentions and e.id is not None), key=lambda e: e.id)
        return [Speaker(e.id, e.name, e.type, tuple(e.roles), tuple(e.mentions)) for e in mentioned]


def _widen(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A name span grown over hyphens glued to it: "Carter" in "Ruiz-Carter" is "Ruiz-Carter"."""
    s, e = span
    while s > 1 and text[s - 1] in "-‐" and text[s - 2].isalpha():
        s -= 1
        while s > 0 and (text[s - 1].isalpha() or text[s - 1] in "’'"):
            s -= 1
    while e + 1 < len(text) and text[e] in "-‐" and text[e + 1].isalpha():
        e += 1
        while e < len(text) and text[e].isalpha():
            e += 1
    return s, e


def _org_name(printed: str) -> str:
    """An organisation's name as printed, less a leading article, an owner ("Japan's") and a
    trailing possessive."""
    words = printed.split()
    owned = [i for i, w in enumerate(words[:-1]) if re.search(r"[’']s$", w)]
    if owned:
        words = words[owned[-1] + 1:]
    while words and fold(words[0]) in ("the", "a", "an"):
        words = words[1:]
    name = " ".join(words)
    return re.sub(r"[’']s$", "", name).strip(" ,")


def _how(name: str, kind: str) -> str:
    return f"{kind} name as written"


def _role_gender(role: str) -> Optional[str]:
    return next((GENDERED_ROLES[w] for w in map(fold, role.split()) if w in GENDERED_ROLES), None)
