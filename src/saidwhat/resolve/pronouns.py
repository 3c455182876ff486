"""Pronouns by agreement and salience: "she" is the nearest agreeing subject, not the last name.

Candidates are the persons named or referred to in the pronoun's sentence before it and in the
sentences before that, each sentence read left to right with subjects before objects (a name after
"told", "with" or a possessive is an object). A candidate agrees when its gender (from "Mr"/"Ms",
a role word, a pronoun already tied to it, or its given name) is the pronoun's or unknown; one whose
gender is known to agree is preferred over one whose gender is unknown in the two sentences nearest.
A person named inside quotation marks is one the speaker talks about (“I called Ann Reed,” he
said), never a candidate. With no agreeing candidate close enough the pronoun stays unresolved: a
wrong name is worse than none.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from .entities import Entity, Occurrence

NEAR = 2  # sentences back where a known gender beats an unknown one
FAR = 6  # sentences back beyond which no antecedent is looked for


@dataclass(frozen=True)
class Antecedent:
    entity: Entity
    resolution: str
    confidence: float


def antecedent(occurrences: list[Occurrence], pos: int, sentence: int, gender: Optional[str],
               kinds: tuple[str, ...] = ("person",)) -> Optional[Antecedent]:
    """The entity a pronoun at ``pos`` (in sentence number ``sentence``) refers to, if any."""
    hi = bisect_left(occurrences, pos, key=lambda o: o.start)
    window: list[Occurrence] = []
    i = hi - 1
    while i >= 0 and occurrences[i].sentence >= sentence - FAR:
        o = occurrences[i]
        if o.end <= pos and o.entity.type in kinds and not o.quoted:
            window.append(o)
        i -= 1
    if not window:
        return None
    by_sentence: dict[int, list[Occurrence]] = {}
    for o in reversed(window):  # text order
        by_sentence.setdefault(o.sentence, []).append(o)

    def ordered(s: int) -> list[Occurrence]:
        found = by_sentence.get(s, [])
        return [o for o in found if not o.object_like] + [o for o in found if o.object_like]

    def agrees(o: Occurrence, strict: bool) -> bool:
        g = o.entity.gender
        if gender is None:
            return True
        return g == gender if strict else g is None

    near = [s for s in range(sentence, sentence - NEAR - 1, -1)]
    far = [s for s in range(sentence - NEAR - 1, sentence - FAR - 1, -1)]
    passes = [(near, True, "nearest subject of that gender", 0.8),
              (near, False, "nearest subject, gender unknown", 0.55),
              (far, True, "earlier subject of that gender", 0.6)]
    for sentences, strict, how, confidence in passes:
        for s in sentences:
            picks = [o for o in ordered(s) if agrees(o, strict)]
            if picks:
                pick = picks[0].entity
                rivals = {o.entity.key for s2 in sentences[:2] for o in by_sentence.get(s2, [])
                          if o.entity.key != pick.key and (agrees(o, True) or agrees(o, False))}
                if rivals:
                    confidence -= 0.15
                where = "same sentence" if s == sentence else "previous sentence" if s == sentence - 1 \
                    else f"{sentence - s} sentences back"
                return Antecedent(pick, f"pronoun → {how} ({where})", confidence)
    return None
