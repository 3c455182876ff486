"""Lone surrogates: code points that are not characters, made U+FFFD one for one so offsets hold.

A Python ``str`` may hold a half of a UTF-16 pair on its own (``"\\ud800"``, from JSON escapes or
bytes decoded with ``surrogateescape``). It is no character: it cannot be written as UTF-8, so
spaCy, JSON output and the store all fail on it. Each one becomes the replacement character
U+FFFD, which is also one code point, so every offset into the text stays where it was and the
rest of the article is read as usual.
"""

from __future__ import annotations

import re

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def lone_surrogates(text: str) -> list[int]:
    """The offsets of every lone surrogate in ``text`` (none in almost every text)."""
    return [m.start() for m in _SURROGATE.finditer(text)]


def replace_lone_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD; the same length, the same offsets."""
    if text.isascii() or not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(REPLACEMENT, text)
