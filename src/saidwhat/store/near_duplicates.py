"""Near-duplicate articles (syndicated copies, lightly edited wire stories) by MinHash and LSH.

Signatures are one-permutation MinHash over byte 12-grams of the case-folded, space-collapsed
text, computed with NumPy (stable across processes, so they are stored, and fast enough for bulk
loads); datasketch's ``MinHashLSH`` indexes them. The index is rebuilt from the store on first use,
so detection works across runs.
"""

from __future__ import annotations

import sqlite3
from typing import Optional

import numpy as np
from datasketch import MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 12
# Texts shorter than this many characters are too short to call near-duplicates reliably.
MIN_CHARS = 200
_MIX = np.uint64(0x9E3779B97F4A7C15)
_LOW32 = np.uint64(0xFFFFFFFF)
_BINS = np.uint64(NUM_PERM - 1)
_BIN_IDS = np.arange(NUM_PERM, dtype=np.uint64)


def _windows(data: bytes, offset: int, n: int) -> np.ndarray:
    """The n overlapping 8-byte windows of ``data`` starting at ``offset``, as integers (a view)."""
    return np.ndarray((n,), dtype=np.uint64, buffer=data, offset=offset, strides=(1,))


def signature(text: str) -> Optional[np.ndarray]:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text, or None when it is too short."""
    data = " ".join(text.casefold().split()).encode("utf-8")
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
    keys = np.sort(((h & _BINS) << np.uint64(32)) | (h >> np.uint64(32)))
    first = np.searchsorted(keys, _BIN_IDS << np.uint64(32))
    out = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    found = first < len(keys)
    first = first[found]
    hit = (keys[first] >> np.uint64(32)) == _BIN_IDS[found]
    if hit.sum() < NUM_PERM * 3 // 4:
        return None  # too few distinct shingles (a short or repetitive text) to compare fairly
    out[np.flatnonzero(found)[hit]] = (keys[first[hit]] & _LOW32).astype(np.uint32)
    return out


class _Signature:
    """What ``MinHashLSH`` reads of a MinHash (its length and hash values), without building one:
    datasketch's ``MinHash`` constructor regenerates its permutations each time, which costs more than
    the whole signature."""

    __slots__ = ("hashvalues",)

    def __init__(self, values: np.ndarray):
        self.hashvalues = values

    def __len__(self) -> int:
        return len(self.hashvalues)


def _minhash(values: np.ndarray) -> _Signature:
    return _Signature(values)


class NearDuplicates:
    """Finds, for a new article, an earlier stored article whose text is nearly the same."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._lsh: Optional[MinHashLSH] = None
        self._values: dict[int, np.ndarray] = {}

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
            for row in self.conn.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL"):
                self.remember(row[0], np.frombuffer(row[1], dtype=np.uint32))
        return self._lsh

    def reset(self) -> None:
        """Forget the in-memory index (after a rollback it may hold articles the store lost)."""
        self._lsh = None
        self._values = {}

    def check(self, text: str) -> tuple[Optional[np.ndarray], Optional[int]]:
        """The text's signature (None when too short), and the stored article it nearly duplicates."""
        values = signature(text)
        if values is None:
            return None, None
        best, best_score = None, THRESHOLD
        for other in self._index().query(_minhash(values)):
            score = float(np.mean(self._values[other] == values))
            if score > best_score or (score == best_score and (best is None or other < best)):
                best, best_score = other, score
        return values, best

    def remember(self, article_id: int, values: Optional[np.ndarray]) -> None:
        """Index a stored article's signature for the articles that come after it."""
        if values is None:
            return
        self._index()
        self._values[article_id] = values
        self._lsh.insert(article_id, _minhash(values), check_duplication=False)
