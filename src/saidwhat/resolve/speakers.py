"""Speakers across one document: names, pronouns and descriptions resolved to one entity each.

"Trump" → "Donald Trump" (a surname seen with a first name earlier), "he" → the last person spoken
of, "the US president" → the person whose role says president, "the Japanese daily" → the last
organisation that was a source. Types: person, organization, unnamed ("officials", "a source"),
unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Optional

from ..attribute.found import MentionInfo
from ..model import Mention, Speaker, SpeakerRef

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
ORG_WORDS = frozenset("""
party committee news times post journal shimbun agency ministry department inc corp corporation
association council university institute foundation network campaign commission court congress
senate house administration bureau office service group center centre fund bank reuters ap afp cnn
bbc fox nbc abc cbs msnbc gallup pew quinnipiac google twitter facebook daily newspaper paper tribune
gazette herald magazine press television radio company firm organization organisation government
ministry union league club police army navy military pentagon kremlin coalition alliance caucus
cabinet board panel poll survey study report reports report. media outlet channel
""".split())
ORG_HEADS = frozenset("""
daily newspaper paper agency network magazine outlet channel broadcaster station company firm
campaign committee ministry department government administration organization organisation group
party union council court board panel team office embassy
""".split())
PERSON_HEADS = frozenset("""
president senator secretary governor minister leader spokesman spokeswoman spokesperson candidate
nominee official chairman director ambassador mayor judge host anchor analyst professor adviser
advisor aide chief ceo commissioner attorney congressman congresswoman lawmaker man woman businessman
billionaire strategist pollster speaker representative source expert economist diplomat officer
general lawyer author writer columnist critic resident voter supporter
""".split())
UNNAMED_PLURALS = frozenset("""
officials pundits analysts experts sources critics observers aides reports polls studies people
residents voters supporters opponents democrats republicans lawmakers diplomats economists
researchers scientists witnesses insiders advisers advisors authorities investigators prosecutors
members leaders activists commentators some others many media surveys
""".split())
_WORD = re.compile(r"[\w’'.-]+")


@dataclass
class _Entity:
    id: int
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    last: int = 0


class SpeakerResolver:
    """Resolves mentions in text order; ``speakers()`` lists the entities with their mentions."""

    def __init__(self, text: str, names: list[tuple[int, int]], entity_types: dict[str, str]):
        self.text = text
        self.names = sorted(names)  # runs of capitalised words, for surnames and pronouns
        self._name_starts = [s for s, _ in self.names]
        # Full names ("Mike Pompeo") by surname, in text order, so a surname finds its first name
        # without a scan of every name (long articles hold tens of thousands).
        self._by_surname: dict[str, list[tuple[int, str]]] = {}
        for s, e in self.names:
            parts = text[s:e].split()
            if len(parts) >= 2:
                self._by_surname.setdefault(parts[-1].lower(), []).append((s, text[s:e]))
        self.entity_types = entity_types  # NER label of each source name (PERSON, ORG, GPE ...)
        self.entities: list[_Entity] = []

    def _text(self, span) -> str:
        return self.text[span[0]:span[1]]

    def resolve(self, m: MentionInfo) -> SpeakerRef:
        entity = self._resolve(m)
        if entity is None:
            return SpeakerRef(name=None, type="unknown", resolution="unresolved", confidence=0.0)
        resolution, confidence = self._how(m, entity)
        entity.mentions.append(Mention(m.span[0], m.span[1], self._text(m.span)))
        entity.last = m.span[0]
        role_span = m.role
        if role_span is None and not m.proper and not m.pronoun and m.determiner == "the" \
                and entity.name.lower() != self._text(m.span).lower():
            role_span = m.span  # "the Japanese daily" names what Yomiuri Shimbun is
        if role_span:
            role = _clean_role(self._text(role_span))
            if role and role.lower() not in (r.lower() for r in entity.roles):
                entity.roles.append(role)
        return SpeakerRef(name=entity.name, type=entity.type,
                          role=entity.roles[0] if entity.roles else None, id=entity.id,
                          resolution=resolution, confidence=confidence)

    def _how(self, m: MentionInfo, entity: _Entity) -> tuple[str, float]:
        """How the mention became the entity's name, and how far that can be trusted."""
        written = self._text(m.proper[-1] if m.proper else m.span)
        if m.pronoun:
            return "pronoun → last person or group spoken of", 0.5
        if m.proper:
            if written.lower() == entity.name.lower():
                return "name as written", 0.9
            return "name → fuller form given in the article", 0.75
        if entity.type == "unnamed":
            return "unnamed source as written", 0.8
        return "description → entity with that role", 0.55

    def _resolve(self, m: MentionInfo) -> Optional[_Entity]:
        head = m.head.lower()
        if m.pronoun:
            if head in PERSON_PRONOUNS:
                return self._last(m.span[0], "person") or self._from_names(m.span[0])
            if head in GROUP_PRONOUNS:
                return self._last(m.span[0], ("organization", "unnamed"))
            return None
        if m.proper:
            name = self._text(m.proper[-1])
            kind = self._proper_type(m, name)
            if kind == "person":
                return self._person(name, m.span[0])
            return self._named(name, kind)
        # A common noun: a description of someone named before, or an unnamed source.
        if m.determiner in ("the", "this", "that") and not m.plural:
            if head in ORG_HEADS:
                found = self._last(m.span[0], "organization")
                if found:
                    return found
            elif head in PERSON_HEADS:
                found = self._by_role(head, m.span[0])
                if found:
                    return found
        name = self._text(m.span)
        kind = "organization" if head in ORG_HEADS and m.determiner == "the" else "unnamed"
        return self._named(name, kind)

    def _proper_type(self, m: MentionInfo, name: str) -> str:
        label = self.entity_types.get(name)
        words = [w.lower().strip(".") for w in _WORD.findall(name)]
        if any(w in ORG_WORDS for w in words) or m.head.lower() in ORG_HEADS:
            return "organization"
        if any(self._surname_match(e.name, name) for e in self.entities if e.type == "person"):
            return "person"
        if label in ("ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "PRODUCT"):
            return "organization"
        if label == "PERSON" or m.role or len(words) >= 2:
            return "person"
        if any(self._surname_match(e.name, name) for e in self.entities if e.type == "person"):
            return "person"
        return "person" if not m.plural else "organization"

    @staticmethod
    def _surname_match(full: str, name: str) -> bool:
        a, b = full.split(), name.split()
        return bool(a and b) and a[-1].lower() == b[-1].lower()

    def _person(self, name: str, pos: int) -> _Entity:
        words = name.split()
        for e in self.entities:
            if e.type != "person":
                continue
            ew = e.name.split()
            if e.name.lower() == name.lower():
                return e
            if ew[-1].lower() == words[-1].lower():
                if len(words) == 1 or len(ew) == 1 or ew[0].lower() == words[0].lower() \
                        or ew[0][0].lower() == words[0][0].lower():
                    if len(words) > len(ew):
                        e.name = name  # a fuller name arrived after a surname-only mention
                    return e
        if len(words) == 1:
            full = self._full_name(name, pos)
            if full:
                return self._new(full, "person")
        return self._new(name, "person")

    def _full_name(self, surname: str, pos: int) -> Optional[str]:
        """The last full name before ``pos`` that ends with ``surname``."""
        runs = self._by_surname.get(surname.lower(), [])
        i = bisect_left(runs, (pos, ""))
        return runs[i - 1][1] if i else None

    def _named(self, name: str, kind: str) -> _Entity:
        key = name.lower()
        for e in self.entities:
            if e.name.lower() == key or (kind == "organization" and e.type == kind and
                                         (e.name.lower().endswith(" " + key) or key.endswith(" " + e.name.lower()))):
                return e
        return self._new(name, kind)

    def _new(self, name: str, kind: str) -> _Entity:
        e = _Entity(len(self.entities) + 1, name, kind)
        self.entities.append(e)
        return e

    def _last(self, pos: int, kinds) -> Optional[_Entity]:
        kinds = (kinds,) if isinstance(kinds, str) else kinds
        before = [e for e in self.entities if e.type in kinds and e.mentions and e.last < pos]
        return max(before, key=lambda e: e.last) if before else None

    def _from_names(self, pos: int) -> Optional[_Entity]:
        i = bisect_left(self._name_starts, pos)
        while i > 0:
            i -= 1
            s, e = self.names[i]
            if e <= pos and len(self.text[s:e].split()) >= 2:
                return self._person(self.text[s:e], s)
        return None

    def _by_role(self, head: str, pos: int) -> Optional[_Entity]:
        people = [e for e in self.entities if e.type == "person" and e.mentions and e.last < pos]
        with_role = [e for e in people if any(head in r.lower().split() for r in e.roles)]
        if with_role:
            return max(with_role, key=lambda e: e.last)
        return None

    def speakers(self) -> list[Speaker]:
        return [Speaker(e.id, e.name, e.type, tuple(e.roles), tuple(e.mentions))
                for e in self.entities if e.mentions]


def _clean_role(role: str) -> str:
    role = role.strip(" ,")
    for det in ("the ", "The ", "a ", "an "):
        if role.startswith(det):
            role = role[len(det):]
    return role
