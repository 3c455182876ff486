"""Bytes to article text: UTF-8 only, never binary, lone surrogates replaced (offsets kept)."""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError

# A NUL byte does not occur in text; its presence means a binary file (an image, a PDF, a zip).
BINARY_MARKER = b"\x00"
_SURROGATE = re.compile("[\ud800-\udfff]")
# Where a JSON line writes a surrogate as an escape: the only way one gets into decoded text.
_ESCAPED_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def decode_text(data: bytes, name: str) -> str:
    """The text of a file's bytes: UTF-8 (a leading byte-order mark dropped), never binary.

    Raises :class:`InputError` (reason ``binary`` or ``not-utf8``) naming the byte.
    """
    if BINARY_MARKER in data:
        raise InputError(f"looks binary (NUL byte at offset {data.index(BINARY_MARKER)}); "
                         f"expected a UTF-8 text file", name, "binary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"is not valid UTF-8 (byte {e.start}: {data[e.start:e.start + 1]!r}); "
                         f"convert it, e.g. iconv -f latin1 -t utf-8", name, "not-utf8") from None


def has_escaped_surrogate(raw: bytes) -> bool:
    """Whether a JSON text writes a UTF-16 surrogate as an escape (``\\ud800``)."""
    return _ESCAPED_SURROGATE.search(raw) is not None


def replace_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings replaced by U+FFFD.

    A lone surrogate is no character (it cannot be written as UTF-8, and spaCy fails on it); U+FFFD
    takes its place one for one, so every character offset stays the same.
    """
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [replace_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {replace_surrogates(k): replace_surrogates(v) for k, v in value.items()}
    return value
