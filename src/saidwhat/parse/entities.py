"""Entity labels for source names only: NER over a handful of short strings, not the whole text.

Running the recogniser over every parsed sentence costs as much as the parser and changed no
attribution on the development set; what resolution needs from it is whether "Pyongyang" is a place
or a person, which the name alone tells.
"""

from __future__ import annotations

from typing import Iterable

from .nlp import load_pipeline

_NOT_NER = ("tok2vec", "tagger", "parser")


def name_labels(names: Iterable[str]) -> dict[str, str]:
    """The NER label (PERSON, ORG, GPE, NORP ...) of each name that is wholly one entity."""
    unique = sorted({n for n in names if n and n.strip()})
    if not unique:
        return {}
    nlp = load_pipeline()
    disable = [p for p in _NOT_NER if p in nlp.pipe_names]
    labels = {}
    for name, doc in zip(unique, nlp.pipe(unique, disable=disable)):
        ents = list(doc.ents)
        if ents:
            # The entity that covers the name's last word decides: "Japan's Yomiuri Shimbun".
            last = max(ents, key=lambda e: e.end_char)
            if last.end_char >= len(name.rstrip(" .,")) - 1:
                labels[name] = last.label_
    return labels
