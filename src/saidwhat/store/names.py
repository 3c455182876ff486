"""Names as the store compares them across articles: the resolver's name parts, and role words.

One title lexicon and one surname matcher for the project: both live in ``resolve.names`` (roles
split off with ``saidwhat.titles.TITLE_WORDS``, the name parsed by ``nameparser``); the store keeps
only what it adds, the comparison of roles ("spokesman for the Treasury" agrees with "Treasury
spokesman"). So "Secretary of State Mike Pompeo", "Mike Pompeo" and "Pompeo" share the surname
"pompeo", and "Ursula von der Leyen" has the surname "von der leyen".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..resolve.names import first_names_agree, fold, organisation_key
from ..resolve.names import parse_person as parse_name

__all__ = ["PersonName", "parse_person", "first_names_agree", "fold", "organisation_key",
           "role_words", "roles_agree"]

_TOKEN = re.compile(r"[^\s]+")
_ROLE_STOP = frozenset({"the", "of", "for", "and", "a", "an", "at", "to", "on", "in", "former"})


@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name that identify them."""

    display: str  # the name without its title: "Mike Pompeo"
    surname: str  # folded: "pompeo" ("trump jr" when a suffix follows)
    first: Optional[str]  # folded first name, None for a bare surname
    title: Optional[str]  # the peeled-off title or role: "Secretary of State"
    gender: Optional[str] = None  # from "Mr"/"Ms" or the given name, when the name says


@lru_cache(maxsize=65536)
def parse_person(name: str) -> Optional[PersonName]:
    """The title, first name and surname of a person's name; None when nothing name-like is left,
    or for two people together ("Ann Reed and Tom Baker", a couple resolved from "the pair")."""
    if " and " in name or " & " in name:
        return None
    p = parse_name(name)
    if p is None:
        return None
    return PersonName(display=p.name, surname=p.surname, first=p.first, title=p.role, gender=p.gender)


@lru_cache(maxsize=65536)
def role_words(role: str) -> frozenset[str]:
    """The content words of a role, folded: "spokesman for the Treasury" → {spokesman, treasury}."""
    return frozenset(w for w in (fold(t) for t in _TOKEN.findall(role)) if w and w not in _ROLE_STOP)


def roles_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two roles' words support the same person: one contains the other, or half overlap."""
    if not a or not b:
        return False
    common = len(a & b)
    return common == min(len(a), len(b)) or common * 2 >= len(a | b)
