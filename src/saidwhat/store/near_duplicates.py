"""Near-duplicate articles (syndicated copies, lightly edited wire stories) by MinHash and LSH.

Signatures are one-permutation MinHash over byte 12-grams of the case-folded, space-collapsed
text, computed with NumPy (stable across processes, so they are stored, and fast enough for bulk
loads). They are indexed by LSH bands, laid out as datasketch's ``MinHashLSH`` would for the same
threshold, in plain dictionaries: band keys are computed with the signature (possibly in another
process), so indexing an article is a few dictionary look-ups. The index is rebuilt from the store on
first use, so detection works across runs.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Optional

import numpy as np
from datasketch import MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 12
# Texts shorter than this many characters are too short to call near-duplicates reliably.
MIN_CHARS = 200
_MIX = np.uint64(0x9E3779B97F4A7C15)
_BINS = np.uint64(NUM_PERM - 1)
# The band layout datasketch's MinHashLSH picks for this threshold (equal weight to misses and false
# hits), read from its public ``b`` and ``r``: an empty index costs nothing to build.
_LAYOUT = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LAYOUT.b, _LAYOUT.r
del _LAYOUT


def _windows(data: bytes, offset: int, n: int) -> np.ndarray:
    """The n overlapping 8-byte windows of ``data`` starting at ``offset``, as integers (a view)."""
    return np.ndarray((n,), dtype=np.uint64, buffer=data, offset=offset, strides=(1,))


def signature(text: str) -> Optional[np.ndarray]:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text, or None when it is too short."""
    return signature_of_folded(" ".join(text.casefold().split()).encode("utf-8"))


def signature_of_folded(data: bytes) -> Optional[np.ndarray]:
    """``signature`` of a text already case-folded, space-collapsed and UTF-8 encoded."""
    if len(data) < MIN_CHARS:
        return None
    n = len(data) - SHINGLE + 1
    # A 12-byte shingle is two overlapping 8-byte windows (at i and i + 4), mixed.
    h = _windows(data, 0, n) * _MIX
    h ^= _windows(data, SHINGLE - 8, n)
    h *= _MIX
    h ^= h >> np.uint64(29)
    h *= _MIX
    # One permutation, NUM_PERM bins: each bin keeps its smallest value.
    bins = (h & _BINS).astype(np.intp)
    out = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    np.minimum.at(out, bins, (h >> np.uint64(32)).astype(np.uint32))
    if np.count_nonzero(np.bincount(bins, minlength=NUM_PERM)) < NUM_PERM * 3 // 4:
        return None  # too few distinct shingles (a short or repetitive text) to compare fairly
    return out


def band_keys(values: np.ndarray) -> tuple[bytes, ...]:
    """The LSH band keys of a signature: articles sharing any band are candidates to compare."""
    data = values.tobytes()
    step = ROWS * values.itemsize
    return tuple(data[i * step:(i + 1) * step] for i in range(BANDS))


class NearDuplicates:
    """Finds, for a new article, an earlier stored article whose text is nearly the same."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._bands: Optional[list[dict[bytes, list[int]]]] = None
        self._values: dict[int, Any] = {}  # article id: signature (bytes until first compared)

    def _index(self) -> list[dict[bytes, list[int]]]:
        if self._bands is None:
            self._bands = [{} for _ in range(BANDS)]
            for row in self.conn.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"):
                values = np.frombuffer(row[1], dtype=np.uint32)
                self.remember(row[0], row[1], band_keys(values))
        return self._bands

    def reset(self) -> None:
        """Forget the in-memory index (after a rollback it may hold articles the store lost)."""
        self._bands = None
        self._values = {}

    def check(self, text: str) -> tuple[Optional[np.ndarray], Optional[int]]:
        """The text's signature (None when too short), and the stored article it nearly duplicates."""
        values = signature(text)
        if values is None:
            return None, None
        return values, self.find(values.tobytes(), band_keys(values))

    def find(self, minhash: Optional[bytes], bands: Optional[tuple]) -> Optional[int]:
        """The earliest most similar stored article sharing a band with this signature, if any."""
        if minhash is None:
            return None
        candidates = set()
        for table, key in zip(self._index(), bands):
            hit = table.get(key)
            if hit:
                candidates.update(hit)
        if not candidates:
            return None
        values = np.frombuffer(minhash, dtype=np.uint32)
        best, best_score = None, THRESHOLD
        for other in candidates:
            score = float(np.mean(self._signature(other) == values))
            if score > best_score or (score == best_score and (best is None or other < best)):
                best, best_score = other, score
        return best

    def _signature(self, article_id: int) -> np.ndarray:
        values = self._values[article_id]
        if isinstance(values, bytes):
            values = self._values[article_id] = np.frombuffer(values, dtype=np.uint32)
        return values

    def remember(self, article_id: int, minhash: Optional[bytes], bands: Optional[tuple] = None) -> None:
        """Index a stored article's signature for the articles that come after it."""
        if minhash is None:
            return
        if bands is None:
            bands = band_keys(np.frombuffer(minhash, dtype=np.uint32))
        index = self._index()
        self._values[article_id] = minhash
        for table, key in zip(index, bands):
            hit = table.get(key)
            if hit is None:
                table[key] = [article_id]
            else:
                hit.append(article_id)
