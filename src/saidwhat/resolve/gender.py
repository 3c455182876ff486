"""The gender a text gives a person, for agreement with "he" and "she".

Evidence in order of trust: what the text says ("Mr", "Ms", "the duchess", a pronoun already tied to
the person), then the given name, looked up in the first-name lexicon of ``gender-guesser`` (a
maintained data package of about 40,000 names by country). A name it calls androgynous or does not
know gives no gender: agreement then neither picks nor rules out the person.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def given_name_gender(word: str) -> Optional[str]:
    """ "male" or "female" for a folded word known as a given name of that gender, else None.

    ``is_given_name`` asks whether the word is a given name at all (andy: of either gender).
    """
    word = word.split("-")[0]
    if len(word) < 2 or not word.isalpha():
        return None
    answer = _detector().get_gender(word)
    if answer in ("male", "mostly_male"):
        return "male"
    if answer in ("female", "mostly_female"):
        return "female"
    return None


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """Whether a folded word is in the first-name lexicon (of any gender)."""
    word = word.split("-")[0]  # "jean-paul"
    if len(word) < 2 or not word.isalpha():
        return False
    return _detector().get_gender(word) != "unknown"


def agrees(entity_gender: Optional[str], wanted: Optional[str]) -> bool:
    """Whether a person of ``entity_gender`` can be referred to by a pronoun of ``wanted``."""
    return wanted is None or entity_gender is None or entity_gender == wanted
