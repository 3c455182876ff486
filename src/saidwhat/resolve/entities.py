"""The entities of one document: each person or organisation once, under its fullest name.

News convention: full name (and title) at first mention, surname after. A bare surname joins the one
person of the article with that surname; when two persons share it ("Donald Trump", "Melania Trump";
two siblings) it joins neither, and is left as written. A given name alone ("Ada") joins the one
person whose given or middle name it is. Organisations join by their folded name, an acronym
defined or spelled out in the text ("Lakeside ISO", "LCSO"), or a fuller name that starts with
the short one and ends in an organisation word ("Brightway" → "Brightway Stores").
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Optional

from ..model import Mention
from .gender import given_name_gender, is_given_name
from .lexicon import ORG_WORDS
from .names import PersonName, fold, organisation_key, parse_person, same_person
from .scan import Run, TextScan


@dataclass(eq=False)  # one entity is itself only: compared and hashed by identity
class Entity:
    """One person, organisation or unnamed source of a document (mutable: it learns as it goes)."""

    key: int
    name: str
    type: str  # person, organization, unnamed
    person: Optional[PersonName] = None
    gender: Optional[str] = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    last: int = -1  # offset of the latest mention or name occurrence seen
    id: Optional[int] = None  # the public id, given at the first speaker mention
    seen: list[int] = field(default_factory=list)  # sorted offsets where it is named or referred to
    index: Optional[dict] = field(default=None, repr=False)  # the table's role word → entities

    known: list[str] = field(default_factory=list)  # roles read elsewhere in the text
    members: tuple = ()  # a group of persons ("the couple"): the entities it is made of

    def add_role(self, role: Optional[str], elsewhere: bool = False) -> None:
        """A role given at a source mention; ``elsewhere``: read in the text around, for matching
        descriptions only (the record's role is the one given where the source speaks)."""
        role = (role or "").strip(" ,")
        for det in ("the ", "The ", "a ", "an ", "A ", "An "):
            if role.startswith(det):
                role = role[len(det):]
        into = self.known if elsewhere else self.roles
        if role and role.lower() not in (r.lower() for r in into):
            into.append(role)
            if self.index is not None:
                for w in role.split():
                    holders = self.index.setdefault(fold(w), [])
                    if self not in holders:
                        holders.append(self)

    def latest_before(self, pos: int) -> int:
        i = bisect_left(self.seen, pos)
        return self.seen[i - 1] if i else -1

    def role_words(self) -> set[str]:
        return {fold(w) for r in self.roles + self.known for w in r.split()}


@dataclass
class Occurrence:
    """Where an entity is named or referred to, for the salience of later pronouns."""

    start: int
    end: int
    entity: Entity
    sentence: int
    object_like: bool
    quoted: bool = False  # named inside a quotation: talked about, not a pronoun's antecedent


class EntityTable:
    """Finds or creates the entity for a person's or an organisation's name."""

    def __init__(self, scan: TextScan):
        self.scan = scan
        self.entities: list[Entity] = []
        self.occurrences: list[Occurrence] = []
        self._persons_by_surname: dict[str, list[Entity]] = {}
        self._orgs: dict[str, Entity] = {}
        self.role_holders: dict[str, list[Entity]] = {}  # folded role word → entities with it
        self.orgs_by_last: dict[str, list[Entity]] = {}  # folded last word of the name → organisations
        self._runs_by_surname: dict[str, list[tuple[Run, PersonName]]] = {}
        self._runs_by_first: dict[str, list[list[str]]] = {}
        self._occ_starts: set[int] = set()
        self._unnamed: dict[tuple[str, str], Entity] = {}
        self._given_runs: dict[str, set[str]] = {}  # folded given/middle name → surnames
        self._other_full: dict[str, list[PersonName]] = {}  # two-word runs of unknown given names
        self._ready = False
        self._prescan()
        self._ready = True

    def _prescan(self) -> None:
        """Persons named in full anywhere; then occurrences of their surnames, in text order."""
        full_runs: list[tuple[Run, PersonName]] = []
        parsed = [(run, parse_person(run.text)) for run in self.scan.runs]
        for run, p in parsed:
            if p is not None:
                self._runs_by_surname.setdefault(p.surname, []).append((run, p))
            words = run.text.split()
            if words and words[0] == "The":
                words = words[1:]
            if words:
                self._runs_by_first.setdefault(words[0], []).append(words)
        # "Mr. Okafor" later makes "Chidozie Okafor" a person, though the lexicon lacks the name.
        honoured = {p.surname for _, p in parsed if p and p.honorific}
        for run, p in parsed:
            if " " not in run.text or not p or not p.full or _has_org_word(p.name):
                continue
            if not (is_given_name(p.first) or p.surname in honoured):
                self._other_full.setdefault(p.surname, []).append(p)
                continue
            full_runs.append((run, p))
            for g in (p.first, *p.middle):
                if len(g) > 1:
                    self._given_runs.setdefault(g, set()).add(p.surname)
        for run, p in full_runs:
            self.person(p, run.start)
        surnames = set(self._persons_by_surname)
        givens = {g for g, s in self._given_runs.items() if len(s) == 1}
        full_at = {run.start: p for run, p in full_runs}
        for run in self.scan.runs:
            p = full_at.get(run.start)
            entity = None
            if p is not None:
                entity = self.person(p, run.start)
            else:
                p = parse_person(run.text)
                if p and not p.full and (p.surname in surnames or p.surname in givens):
                    entity = self.person(p, run.start, learn=False)
            if entity is not None:
                self.add_occurrences([Occurrence(run.start, run.end, entity, run.sentence, run.object_like, run.quoted)])

    def add_occurrences(self, found: list[Occurrence]) -> None:
        """Record where entities are named, keeping ``occurrences`` and each ``seen`` in text order."""
        for o in found:
            if o.start in self._occ_starts:
                continue
            self._occ_starts.add(o.start)
            if self.occurrences and self.occurrences[-1].start > o.start:
                insort(self.occurrences, o, key=lambda x: x.start)
            else:
                self.occurrences.append(o)
            insort(o.entity.seen, o.start)

    def _new(self, name: str, type: str, person: Optional[PersonName] = None) -> Entity:
        e = Entity(len(self.entities), name, type, person, person.gender if person else None)
        e.index = self.role_holders
        if type == "organization" and name.split():
            self.orgs_by_last.setdefault(fold(name.split()[-1]), []).append(e)
        if person and person.role:
            e.add_role(person.role, elsewhere=not self._ready)
        self.entities.append(e)
        if type == "person" and person:
            self._persons_by_surname.setdefault(person.surname, []).append(e)
            if self._ready:
                self._track(e)
        return e

    def _track(self, e: Entity) -> None:
        """The occurrences of a person first met as a speaker (for the pronouns after them)."""
        self.add_occurrences([Occurrence(run.start, run.end, e, run.sentence, run.object_like, run.quoted)
                              for run, p in self._runs_by_surname.get(e.person.surname, ())
                              if same_person(e.person, p)])

    def person(self, p: PersonName, pos: int, learn: bool = True) -> Optional[Entity]:
        """The person named ``p`` at ``pos``; None when a bare name fits two persons (ambiguous)."""
        same = [e for e in self._persons_by_surname.get(p.surname, ()) if same_person(e.person, p)]
        if p.full:
            full = [e for e in same if e.person.full]
            found = full[0] if full else (same[0] if same else None)
            if found is None:
                return self._new(p.name, "person", p)
            if len(p.name) > len(found.name) or not found.person.full:
                found.name, found.person = p.name, p  # a fuller name arrived after a surname
            if learn and p.role:
                found.add_role(p.role, elsewhere=not self._ready)
            found.gender = found.gender or p.gender
            return found
        full = [e for e in same if e.person.full]
        if len(full) > 1:
            return None  # "Trump" where the article names two Trumps
        if full or same:
            found = (full or same)[0]
            found.gender = found.gender or p.gender
            if learn and p.role:
                found.add_role(p.role, elsewhere=not self._ready)
            return found
        # A given name alone ("Ada" for "Ada Reed"), when exactly one person has it.
        surnames = self._given_runs.get(p.surname, set())
        if len(surnames) == 1:
            holders = [e for e in self._persons_by_surname.get(next(iter(surnames)), ())
                       if e.person.full and (e.person.first == p.surname or p.surname in e.person.middle)]
            if len(holders) == 1:
                return holders[0]
        if len(surnames) > 1:
            return None
        others = {o.name: o for o in self._other_full.get(p.surname, ()) if same_person(o, p)}
        if len(others) == 1:
            (full,) = others.values()
            e = self._new(full.name, "person", full)  # "Mr. Okafor" → "Chidozie Okafor"
            e.gender = e.gender or p.gender
            return e
        e = self._new(p.name, "person", p)
        e.gender = e.gender or given_name_gender(p.surname)  # "Nadia" alone is a given name
        return e

    def is_person_name(self, p: PersonName) -> bool:
        """Whether the article names a person by this (bare) name elsewhere."""
        return (p.surname in self._persons_by_surname or len(self._given_runs.get(p.surname, ())) == 1
                or p.surname in self._other_full)

    def organisation(self, name: str) -> Entity:
        """The organisation named ``name``, joined with its acronym or its fuller name."""
        name = self._expanded(name)
        key = organisation_key(name)
        found = self._orgs.get(key)
        if found is None and len(self._orgs) < 2000:  # bounded: a huge text has thousands
            for k, e in self._orgs.items():
                if k.endswith(" " + key) or key.endswith(" " + k) or k.startswith(key + " "):
                    found = e
                    break
        if found is None:
            found = self._new(name, "organization")
        elif len(name) > len(found.name) and key.startswith(organisation_key(found.name)):
            found.name = name
        self._orgs[key] = found
        return found

    def _expanded(self, name: str) -> str:
        words = name.split()
        if not words:
            return name
        acronyms = self.scan.acronyms
        last = words[-1].strip("().,")
        if last in acronyms:
            full = acronyms[last]
            return full if len(words) == 1 or full.startswith(" ".join(words[:-1])) else name
        if last.isupper() and len(last) >= 2:
            # "Lakeside ISO" for "Lakeside Independent System Operator" (spelled out elsewhere).
            prefix = words[:-1]
            runs = self._runs_by_first.get(prefix[0], ()) if prefix else \
                [rw for group in self._runs_by_first.values() for rw in group] if len(self.scan.runs) < 5000 else ()
            for rw in runs:
                if rw[:len(prefix)] != prefix:
                    continue
                tail = [w for w in rw[len(prefix):] if w[0].isupper()]
                if len(tail) == len(last) and "".join(w[0] for w in tail) == last:
                    return " ".join(rw)
        if len(words) == 1:
            # "Brightway" for "Brightway Stores": the earliest fuller name that ends in an organisation word.
            for rw in self._runs_by_first.get(words[0], ()):
                if len(rw) == 2 and fold(rw[1]) in ORG_WORDS:
                    return " ".join(rw)
        return name

    def last_organisation_run(self, pos: int, reach: int = 1500) -> Optional[str]:
        """The last run before ``pos`` (within ``reach`` characters) ending in an organisation word."""
        runs = self.scan.runs
        i = bisect_left(runs, pos, key=lambda r: r.start)
        while i > 0 and runs[i - 1].start > pos - reach:
            i -= 1
            words = runs[i].text.split()
            if len(words) >= 2 and fold(words[-1]) in ORG_WORDS:
                return " ".join(words[1:] if words[0] == "The" else words)
        return None

    def pair_before(self, pos: int, reach: int = 400) -> Optional[Entity]:
        """The two persons named together before ``pos`` ("Ann Reed and Tom Baker", within
        ``reach`` occurrences) that a description of a pair stands for, as one group entity: the
        last two named together in this sentence or the one before, else the last two who have
        both spoken already (a couple the article quotes); None when no two fit."""
        occ = self.occurrences
        i = bisect_left(occ, pos, key=lambda o: o.start)
        sentence = self.scan.sentence_of(pos)
        for k in range(i - 1, max(0, i - reach), -1):
            a, b = occ[k - 1], occ[k]
            if a.entity is b.entity or a.entity.members or b.entity.members or b.end > pos:
                continue
            near = a.sentence >= sentence - 1
            if not (near or (a.entity.mentions and b.entity.mentions)):
                continue
            if a.entity.type == b.entity.type == "person" and self.scan.text[a.end:b.start] in (" and ", " & "):
                key = ("group", a.entity.key, b.entity.key)
                found = self._unnamed.get(key)
                if found is None:
                    found = self._unnamed[key] = self._new(f"{a.entity.name} and {b.entity.name}", "person")
                    found.members = (a.entity, b.entity)
                return found
        return None

    def unnamed(self, name: str, type: str = "unnamed") -> Entity:
        key = (type, name.casefold())
        found = self._unnamed.get(key)
        if found is None:
            found = self._unnamed[key] = self._new(name, type)
        return found


def _has_org_word(name: str) -> bool:
    return any(fold(w) in ORG_WORDS for w in name.split())
