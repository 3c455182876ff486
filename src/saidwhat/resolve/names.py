"""Person names as printed: the role written before the name, then first, middle and surname.

"Acting U.S. Attorney for the District of Vermont Carla Moss" → role "Acting U.S. Attorney for the
District of Vermont", name "Carla Moss". The role is split off with the title lexicon
(``saidwhat.titles.TITLE_WORDS``); where a role ends in a place ("... of Vermont Carla Moss"), the name
starts at the first word known as a given name. The name itself is parsed by ``nameparser``
(particles and hyphens stay in the surname: "von der Leyen", "Ruiz-Carter"). This module is the
project's one surname matcher: the store compares names across articles with it too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from nameparser import HumanName

from .gender import given_name_gender, is_given_name
from .lexicon import (GENDERED_ROLES, HONORIFICS, NAME_PARTICLES, NOT_NAME, ROLE_CONNECTORS, SUFFIXES,
                      TITLE_WORDS)

_TOKEN = re.compile(r"\S+")
_NICKNAMES = [
    ("mike", "michael"), ("bill", "william"), ("will", "william"), ("bob", "robert"),
    ("rob", "robert"), ("jim", "james"), ("joe", "joseph"), ("tom", "thomas"), ("dick", "richard"),
    ("rick", "richard"), ("liz", "elizabeth"), ("beth", "elizabeth"), ("kate", "katherine"),
    ("chris", "christopher"), ("dan", "daniel"), ("dave", "david"), ("steve", "steven"),
    ("steve", "stephen"), ("tony", "anthony"), ("alex", "alexander"), ("ben", "benjamin"),
    ("sam", "samuel"), ("nick", "nicholas"), ("matt", "matthew"), ("pat", "patrick"),
    ("andy", "andrew"), ("jeff", "jeffrey"), ("ted", "edward"), ("ed", "edward"), ("jon", "jonathan"),
    ("ron", "ronald"), ("don", "donald"), ("greg", "gregory"), ("larry", "lawrence"),
    ("harry", "henry"), ("jenny", "jennifer"), ("sue", "susan"), ("meg", "margaret"),
]
NICKNAMES = frozenset(_NICKNAMES) | frozenset((b, a) for a, b in _NICKNAMES)


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word case-folded, accents, edge punctuation and a possessive "'s" removed."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(ch for ch in word if not unicodedata.combining(ch))
    word = word.casefold().replace("’", "'")
    word = re.sub(r"'s$", "", word)
    return word.strip(".,;:'\"“”()[]")


def is_title_word(word: str) -> bool:
    f = fold(word)
    return f in TITLE_WORDS or ("-" in f and all(part in TITLE_WORDS for part in f.split("-")))


@dataclass(frozen=True)
class PersonName:
    """A person's name split into its parts; ``surname`` and ``first`` are folded keys."""

    name: str  # the name as printed, without the role: "Carla Moss"
    role: Optional[str]  # what was written before it: "Acting U.S. Attorney", or None
    first: Optional[str]  # folded given name; None for a bare surname ("Moss", "Ms Moss")
    middle: tuple[str, ...]  # folded middle names ("lowell" in "Ada B. Lowell Reed")
    surname: str  # folded, particles and hyphens kept: "von der leyen", "montoya-lewis"
    honorific: Optional[str]  # folded "mr", "ms", "dr" when one was written
    gender: Optional[str]  # male, female or None, from the honorific or the given name

    @property
    def full(self) -> bool:
        return self.first is not None


def split_role(name: str) -> tuple[Optional[str], str]:
    """(role, name) of a name as printed: titles and role words before the name go to the role."""
    tokens = _TOKEN.findall(name.strip())
    tokens = _drop_leading_non_names(tokens)
    if not tokens:
        return None, ""
    # The last title word (or connector after one) before the final word ends the role.
    cut = 0
    in_role = False
    for i, tok in enumerate(tokens[:-1]):
        f = fold(tok)
        if re.search(r"[’']s$", tok) or (tok[:1].islower() and f.replace("-", "").isalpha()
                                          and f not in NAME_PARTICLES and f not in ROLE_CONNECTORS):
            # "the union's Ida Brenner", "Mayor Ruiz supporter Omar Tellis"
            cut, in_role = i + 1, True
            continue
        if f in NAME_PARTICLES and tok[:1].islower():
            continue  # "Anna de Vries"
        given = (i == 0 and "-" not in f and not tok.endswith(".") and is_given_name(f) and not _is_plain_title(f)
                 and not (i + 1 < len(tokens) - 1 and is_title_word(tokens[i + 1])))
        if is_title_word(tok) and not given:  # "Tory MP Ann Reed", but "Dean Baker"
            cut, in_role = i + 1, True
        elif in_role and (f in ROLE_CONNECTORS or tok[:1].islower()):
            cut = i + 1
    rest = tokens[cut:]
    if cut and len(rest) > 2 and fold(tokens[cut - 1]) in ROLE_CONNECTORS:
        # "... of Vermont Carla Moss": the place is part of the role; the name starts at a given name.
        starts = [i for i, t in enumerate(rest[:-1]) if is_given_name(fold(t))]
        start = starts[0] if starts else len(rest) - 2
        cut += start
        rest = rest[start:]
    role = " ".join(tokens[:cut]).strip(" ,") or None
    return role, " ".join(rest).strip(" ,;:")


def _is_plain_title(word: str) -> bool:
    # Words that are titles far more often than given names ("Major", "Dean" stay given names).
    return word in HONORIFICS or word in {"president", "senator", "governor", "judge", "king", "queen",
                                          "prince", "princess", "minister", "mayor", "sir", "lord",
                                          "sen", "rep", "gov", "gen", "supt", "det", "sgt", "capt"}


def _drop_leading_non_names(tokens: list[str]) -> list[str]:
    """ "When Garner" → "Garner": a capitalised function word at a sentence start is no name."""
    while len(tokens) > 1 and fold(tokens[0]) in NOT_NAME and not is_given_name(fold(tokens[0])):
        tokens = tokens[1:]
    return tokens


@lru_cache(maxsize=65536)
def parse_person(printed: str) -> Optional[PersonName]:
    """The parts of a person's name as printed; None when no name word is left."""
    role, name = split_role(printed)
    tokens = name.split()
    honorific = None
    if role:
        last_role = fold(role.split()[-1])
        honorific = last_role if last_role in HONORIFICS else None
    if not tokens or all(is_title_word(t) for t in tokens):
        return None  # a role alone: "President", "International Trade Secretary"
    if len(tokens) == 1 and fold(tokens[0]) in NOT_NAME:
        return None  # "Another", "Posted"
    if (len(tokens) > 2 or tokens[0][:1].islower()) and fold(tokens[0]) in NAME_PARTICLES and all(
            fold(t) in NAME_PARTICLES for t in tokens[:-1]):
        tokens = [t.lower() for t in tokens[:-1]] + tokens[-1:]  # "Von der Leyen" opening a sentence
        return PersonName(name=name, role=role, first=None, middle=(),
                          surname=" ".join(fold(t) for t in tokens), honorific=honorific,
                          gender=HONORIFICS.get(honorific) if honorific else None)
    folded = [fold(t) for t in tokens]
    if not any(folded) or "i" in folded:
        return None  # "So I" at a sentence start
    suffix = []
    while len(tokens) > 1 and folded[-1] in SUFFIXES:
        suffix.insert(0, folded[-1])  # "Donald Trump Jr." is not his father
        tokens, folded = tokens[:-1], folded[:-1]
    if len(tokens) == 1:
        if len(folded[0]) < 2 or not folded[0][0].isalpha():
            return None  # "I", "So I"
        first, middle, surname = None, (), folded[0]
    elif len(tokens) == 2 and tokens[0][:1].isupper():
        first, middle, surname = folded[0], (), folded[1]  # "Di Li": a capitalised "Di" is no particle
    else:
        parsed = HumanName(" ".join(tokens))
        last = parsed.last or tokens[-1]
        surname = " ".join(fold(t) for t in last.split())
        first = fold(parsed.first) if parsed.first else None
        middle = tuple(fold(t) for t in parsed.middle.split())
        if first in NAME_PARTICLES or not first:
            first = None
    if suffix:
        surname = " ".join([surname] + suffix)
    gender = HONORIFICS.get(honorific) if honorific else None
    if gender is None and role:
        gender = next((GENDERED_ROLES[w] for w in map(fold, role.split()) if w in GENDERED_ROLES), None)
    if gender is None and first:
        gender = given_name_gender(first)
    return PersonName(name=name, role=role, first=first, middle=middle, surname=surname,
                      honorific=honorific, gender=gender)


def bare_name(word: str) -> PersonName:
    """A one-word name taken as a surname, whatever the title lexicon says ("King", "Bishop")."""
    return PersonName(name=word, role=None, first=None, middle=(), surname=fold(word), honorific=None,
                      gender=None)


def first_names_agree(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two folded given names can be one person's: equal, an initial, or a nickname."""
    if not a or not b:
        return True
    a, b = a.rstrip("."), b.rstrip(".")
    if a == b or (a, b) in NICKNAMES:
        return True
    return (len(a) == 1 or len(b) == 1) and a[0] == b[0]


def same_person(a: PersonName, b: PersonName) -> bool:
    """Whether two names can be one person's: one surname, agreeing given names and genders."""
    if a.surname != b.surname:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    return first_names_agree(a.first, b.first)


def organisation_key(name: str) -> str:
    """An organisation's name folded, a leading "the" dropped: "The Pentagon" → "pentagon"."""
    words = [fold(t) for t in _TOKEN.findall(name)]
    words = [w for w in words if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
