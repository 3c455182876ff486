"""Identity of articles and quotes: what makes two inputs the same thing.

An article is its URL when known (normalised), otherwise the hash of its normalised text. A quote is
the hash of its normalised content, so wire copy reprinted by many outlets is one quote.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Optional, Union
from urllib.parse import urlsplit, urlunsplit

_WORD = re.compile(r"\w+")
_NOT_WORD = bytes.maketrans(bytes(b for b in range(128) if not (chr(b).isalnum() or b == ord("_"))),
                            b" " * sum(1 for b in range(128) if not (chr(b).isalnum() or b == ord("_"))))
# Quotes shorter than this (in words) are too common to identify alone ("No.", "We'll see"):
# they count as the same quote only when the same speaker said them.
MIN_QUOTE_WORDS = 6


def normalise_text(text: str) -> str:
    """Text with Unicode compatibility forms folded, whitespace collapsed and the ends trimmed."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


def text_hash(text: str) -> str:
    """The SHA-1 of the normalised text."""
    return hashlib.sha1(normalise_text(text).encode("utf-8")).hexdigest()


def normalise_url(url: str) -> str:
    """A URL with scheme and host lower-cased, the fragment and a trailing slash dropped."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def article_identity(text: str, url: Optional[str] = None) -> str:
    """``url:<normalised url>`` when a URL is known, else ``sha1:<hash of normalised text>``."""
    if url and url.strip():
        return "url:" + normalise_url(url)
    return "sha1:" + text_hash(text)


def quote_words(content: str) -> list[str]:
    """The case-folded words of a quote, punctuation and quotation marks ignored."""
    if not content.isascii():
        content = unicodedata.normalize("NFKC", content)
    return _WORD.findall(content.casefold())


def quote_key(content: str) -> tuple[str, int]:
    """The quote's words joined by single spaces (as ``quote_words`` finds them), and how many."""
    if content.isascii():
        # Same words as the regex for ASCII text (letters, digits, underscore), several times faster.
        words = content.lower().encode("ascii").translate(_NOT_WORD).split()
        return b" ".join(words).decode("ascii"), len(words)
    words = quote_words(content)
    return " ".join(words), len(words)


def quote_id_or_key(content: str) -> tuple[Union[int, str], bool]:
    """``(quote_id, True)`` when the quote has words enough to stand alone, else ``(its word key,
    False)``: its id then needs the speaker (``quote_id_of_key(key, speaker_key, True)``)."""
    if content.isascii():
        words = content.lower().encode("ascii").translate(_NOT_WORD).split()
        key = b" ".join(words)
        if len(words) >= MIN_QUOTE_WORDS:
            return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big") >> 2, True
        return key.decode("ascii"), False
    key, n = quote_key(content)
    if n >= MIN_QUOTE_WORDS:
        return quote_id_of_key(key, None, False), True
    return key, False


def quote_hash(content: str, speaker_key: Optional[str]) -> bytes:
    """The identity of a quote: its words, plus its speaker when it is too short to stand alone."""
    key, n = quote_key(content)
    return _key_hash(key, speaker_key, n < MIN_QUOTE_WORDS)


def _key_hash(key: str, speaker_key: Optional[str], short: bool) -> bytes:
    if short:
        key = f"{speaker_key or '?'}|{key}"
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest()


def quote_id(content: str, speaker_key: Optional[str]) -> int:
    """The quote's identity as a 62-bit integer (collisions are negligible below billions of quotes)."""
    return int.from_bytes(quote_hash(content, speaker_key), "big") >> 2


def quote_id_of_key(key: str, speaker_key: Optional[str], short: bool) -> int:
    """``quote_id`` from the quote's joined words (``key``) and whether it has too few to stand alone."""
    return int.from_bytes(_key_hash(key, speaker_key, short), "big") >> 2
