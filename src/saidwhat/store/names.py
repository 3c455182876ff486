"""Person names: the title, first name and surname in a name as printed ("Secretary of State Mike Pompeo").

Names are compared case-folded; titles and connecting words before the name are peeled off and kept as
a role, so "Secretary of State Mike Pompeo", "Mike Pompeo" and "Pompeo" share the surname "pompeo".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

TITLE_WORDS = frozenset("""
mr mrs ms miss dr prof professor sir dame lord lady president vice secretary state minister prime
foreign defence defense finance treasury home interior chancellor governor gov mayor senator sen rep
representative congressman congresswoman speaker leader majority minority general gen lt col colonel
maj major capt captain adm admiral sgt judge justice chief ambassador spokesman spokeswoman
spokesperson director deputy assistant attorney commissioner chairman chairwoman chair ceo cfo coo
founder king queen prince princess pope rev reverend sheikh former acting senior white house press
national security adviser advisor u.s us un eu uk economic affairs health education energy commerce
labor labour transportation agriculture justice homeland executive officer premier crown emir
""".split())
CONNECTORS = frozenset({"of", "the", "for", "and", "at", "to", "on"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NICKNAMES = [
    ("mike", "michael"), ("bill", "william"), ("will", "william"), ("bob", "robert"),
    ("rob", "robert"), ("jim", "james"), ("joe", "joseph"), ("tom", "thomas"), ("dick", "richard"),
    ("rick", "richard"), ("liz", "elizabeth"), ("beth", "elizabeth"), ("kate", "katherine"),
    ("chris", "christopher"), ("dan", "daniel"), ("dave", "david"), ("steve", "steven"),
    ("steve", "stephen"), ("tony", "anthony"), ("alex", "alexander"), ("ben", "benjamin"),
    ("sam", "samuel"), ("nick", "nicholas"), ("matt", "matthew"), ("pat", "patrick"),
    ("andy", "andrew"), ("jeff", "jeffrey"), ("ted", "edward"), ("ed", "edward"), ("jon", "jonathan"),
    ("ron", "ronald"), ("don", "donald"), ("greg", "gregory"), ("larry", "lawrence"),
]
NICKNAMES = frozenset(_NICKNAMES) | frozenset((b, a) for a, b in _NICKNAMES)
_TOKEN = re.compile(r"[^\s]+")
_ROLE_STOP = frozenset({"the", "of", "for", "and", "a", "an", "at", "to", "on", "in", "former"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word case-folded, accents and trailing dots and possessives removed."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in word if not unicodedata.combining(ch))
    word = word.casefold()
    word = re.sub(r"['’]s$", "", word)
    return word.strip(".,;:'’\"“”()")


@dataclass(frozen=True)
class PersonName:
    """The parts of a person's name that identify them."""

    display: str  # the name without its title: "Mike Pompeo"
    surname: str  # folded: "pompeo" ("trump jr" when a suffix follows)
    first: Optional[str]  # folded first name, None for a bare surname
    title: Optional[str]  # the peeled-off title: "Secretary of State"


@lru_cache(maxsize=65536)
def parse_person(name: str) -> Optional[PersonName]:
    """The title, first name and surname of a person's name; None when nothing name-like is left."""
    tokens = _TOKEN.findall(name.strip())
    i = 0
    while i < len(tokens) - 1 and (fold(tokens[i]) in TITLE_WORDS or fold(tokens[i]) in CONNECTORS):
        i += 1
    title = " ".join(tokens[:i]) or None
    rest = tokens[i:]
    suffix = []
    while len(rest) > 1 and fold(rest[-1]) in SUFFIXES:
        suffix.insert(0, fold(rest.pop()))
    rest = [t for t in rest if fold(t)]
    if not rest:
        return None
    surname = " ".join([fold(rest[-1])] + suffix)
    first = fold(rest[0]) if len(rest) >= 2 else None
    display = " ".join(tokens[i:]).rstrip(",;:")
    return PersonName(display=display, surname=surname, first=first, title=title)


def first_names_agree(a: str, b: str) -> bool:
    """Whether two folded first names can be the same person's: equal, an initial, or a nickname."""
    if a == b or (a, b) in NICKNAMES:
        return True
    return (len(a) == 1 or len(b) == 1) and a[0] == b[0]


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


def organisation_key(name: str) -> str:
    """An organisation's name folded, a leading "the" dropped: "The Pentagon" → "pentagon"."""
    words = [fold(t) for t in _TOKEN.findall(name)]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
