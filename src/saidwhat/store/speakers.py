"""Speakers across articles: one row per person or organisation, however each article names them.

A person named in full joins the speaker with the same surname and an agreeing first name; a bare
surname joins the only person known by that surname, or the one whose role agrees; when several people
share the surname and nothing tells them apart, it stays apart (an "ambiguous" speaker) rather than
being merged by guess. Unnamed and unknown sources are not merged across articles.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..resolve.gender import given_name_gender
from .names import (first_names_agree, organisation_key, parse_person, role_words, roles_agree)

MERGED_TYPES = ("person", "organization")


@dataclass
class _Known:
    """What the index keeps of one speaker to decide merges (mutable: it learns as articles come)."""

    id: int
    type: str
    surname: Optional[str]
    first: Optional[str]
    ambiguous: bool
    roles: list[frozenset[str]] = field(default_factory=list)
    seen: dict[str, tuple[Optional[str], Optional[str]]] = field(default_factory=dict)  # role: first, last

    def role_agrees(self, words: frozenset[str]) -> bool:
        return any(roles_agree(words, r) for r in self.roles)


class SpeakerIndex:
    """Finds or creates the store speaker for a name met in an article; writes through ``conn``."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.reload()

    def reload(self) -> None:
        """Read the speakers back from the store (after a rollback the cache may be ahead of it)."""
        self._by_surname: dict[str, list[_Known]] = {}
        self._by_key: dict[str, _Known] = {}
        self._by_id: dict[int, _Known] = {}
        self._aliases: set[tuple[int, str]] = set()
        # Per surname: its (named, bare) people, and per first name the named ones it agrees with.
        # Bulk loads meet the same people again and again; both change only when a person with that
        # surname is added or learns a first name (see ``_changed``).
        self._split: dict[str, tuple[list[_Known], list[_Known]]] = {}
        self._agree: dict[str, dict[str, list[_Known]]] = {}
        for row in self.conn.execute("SELECT id, type, surname, first, key, ambiguous FROM speakers"):
            known = _Known(row["id"], row["type"], row["surname"], row["first"], bool(row["ambiguous"]))
            self._remember(known, row["key"])
        for row in self.conn.execute("SELECT speaker_id, role, first_seen, last_seen FROM speaker_roles"):
            known = self._by_id[row["speaker_id"]]
            known.roles.append(role_words(row["role"]))
            known.seen[row["role"]] = (row["first_seen"], row["last_seen"])
        for row in self.conn.execute("SELECT speaker_id, alias FROM speaker_aliases"):
            self._aliases.add((row["speaker_id"], row["alias"].casefold()))

    def _remember(self, known: _Known, key: Optional[str]) -> None:
        self._by_id[known.id] = known
        if known.type == "person" and known.surname:
            self._by_surname.setdefault(known.surname, []).append(known)
            self._changed(known.surname)
        elif key:
            self._by_key[key] = known

    def resolve(self, name: Optional[str], type: str, roles: Iterable[str] = (),
                day: Optional[str] = None) -> Optional[int]:
        """The store id of the speaker ``name`` (of ``type``, with ``roles``), creating it if new."""
        if not name or type not in MERGED_TYPES:
            return None
        roles = [r for r in roles if r and r.strip()]
        if type == "organization":
            key = organisation_key(name)
            if not key:
                return None
            known = self._by_key.get(key)
            if known is None:
                known = self._create(name, type, None, None, key, False)
        else:
            person = parse_person(name)
            if person is None:
                return None
            if person.title and person.title not in roles:
                roles.append(person.title)
            known = self._match_person(person.display, person.surname, person.first, roles, person.gender)
        self._learn(known, name, roles, day)
        return known.id

    def _match_person(self, display: str, surname: str, first: Optional[str],
                      roles: list[str], gender: Optional[str] = None) -> _Known:
        words = [role_words(r) for r in roles]
        split = self._split.get(surname)
        if split is None:
            people = self._by_surname.get(surname, [])
            split = self._split[surname] = ([k for k in people if k.first], [k for k in people if not k.first])
        named, bare = split
        if gender and not first:
            # "Ms Moss" is not Tom Moss: a gender the name states rules out a given name's other one.
            named = [k for k in named if given_name_gender(k.first) in (None, gender)]
        if first:
            agree = self._agree.setdefault(surname, {})
            same = agree.get(first)
            if same is None:
                same = agree[first] = [k for k in named if first_names_agree(k.first, first)]
            if len(same) > 1:
                same = [k for k in same if k.first == first] or same
                same = [k for k in same if any(k.role_agrees(w) for w in words)] or same
            if same:
                return same[0]
            plain = [k for k in bare if not k.ambiguous]
            if not named and len(plain) == 1:
                # A bare surname seen first now learns its first name.
                known = plain[0]
                known.first = first
                self._changed(surname)
                self.conn.execute("UPDATE speakers SET name = ?, first = ? WHERE id = ?",
                                  (display, first, known.id))
                return known
            return self._create(display, "person", surname, first, None, False)
        supported = [k for k in named if any(k.role_agrees(w) for w in words)]
        if len(supported) == 1:
            return supported[0]
        if len(named) == 1:
            return named[0]
        ambiguous = len(named) > 1
        for k in bare:
            if k.ambiguous == ambiguous:
                return k
        return self._create(display, "person", surname, None, None, ambiguous)

    def _changed(self, surname: str) -> None:
        self._split.pop(surname, None)
        self._agree.pop(surname, None)

    def _create(self, name: str, type: str, surname: Optional[str], first: Optional[str],
                key: Optional[str], ambiguous: bool) -> _Known:
        cur = self.conn.execute(
            "INSERT INTO speakers (name, type, surname, first, key, ambiguous) VALUES (?, ?, ?, ?, ?, ?)",
            (name, type, surname, first, key, int(ambiguous)))
        known = _Known(cur.lastrowid, type, surname, first, ambiguous)
        self._remember(known, key)
        return known

    def _learn(self, known: _Known, name: str, roles: list[str], day: Optional[str]) -> None:
        alias = name.strip()
        if (known.id, alias.casefold()) not in self._aliases:
            self._aliases.add((known.id, alias.casefold()))
            self.conn.execute("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)",
                              (known.id, alias))
        for role in roles:
            role = role.strip()
            words = role_words(role)
            if words not in known.roles:
                known.roles.append(words)
            if role in known.seen:
                first, last = known.seen[role]
                if day is None or (first is not None and first <= day <= last):
                    continue  # nothing new to write
                known.seen[role] = (min(first or day, day), max(last or day, day))
            else:
                known.seen[role] = (day, day)
            self.conn.execute(
                "INSERT INTO speaker_roles (speaker_id, role, first_seen, last_seen) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (speaker_id, role) DO UPDATE SET "
                "first_seen = CASE WHEN first_seen IS NULL OR excluded.first_seen < first_seen "
                "THEN excluded.first_seen ELSE first_seen END, "
                "last_seen = CASE WHEN last_seen IS NULL OR excluded.last_seen > last_seen "
                "THEN excluded.last_seen ELSE last_seen END",
                (known.id, role, day, day))
