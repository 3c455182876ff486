"""Near-duplicate articles (syndicated copies, lightly edited wire stories) by MinHash and LSH.

Signatures are one-permutation MinHash over character 12-grams of the case-folded, space-collapsed
text, computed with NumPy (stable across processes, so they are stored, and fast enough for bulk
loads); datasketch's ``MinHashLSH`` indexes them. The index is rebuilt from the store on first use,
so detection works across runs.
"""

from __future__ import annotations

import sqlite3
from typing import Optional

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 12
# Texts shorter than this many characters are too short to call near-duplicates reliably.
MIN_CHARS = 200
_P = np.uint64(1099511628211)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_LOW32 = np.uint64(0xFFFFFFFF)
_BINS = np.uint64(NUM_PERM - 1)


def signature(text: str) -> Optional[np.ndarray]:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a text, or None when it is too short."""
    data = " ".join(text.casefold().split()).encode("utf-8")
    if len(data) < MIN_CHARS:
        return None
    chars = np.frombuffer(data, dtype=np.uint8).astype(np.uint64)
    n = len(chars) - SHINGLE + 1
    h = chars[:n].copy()
    for j in range(1, SHINGLE):
        h *= _P
        h += chars[j:j + n]
    h *= _MIX
    h ^= h >> np.uint64(29)
    h *= _MIX
    # One permutation, NUM_PERM bins: each bin keeps its smallest value.
    keys = np.sort(((h & _BINS) << np.uint64(32)) | (h >> np.uint64(32)))
    bins = keys >> np.uint64(32)
    first = np.flatnonzero(np.r_[True, bins[1:] != bins[:-1]])
    out = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32)
    out[bins[first].astype(np.intp)] = (keys[first] & _LOW32).astype(np.uint32)
    return out


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme="affine32")


class NearDuplicates:
    """Finds, for a new article, an earlier stored article whose text is nearly the same."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._lsh: Optional[MinHashLSH] = None
        self._values: dict[int, np.ndarray] = {}

    def _index(self) -> MinHashLSH:
        if self._lsh is None:
            self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
            for row in self.conn.execute("SELECT article_id, minhash FROM signatures"):
                self._insert(row[0], np.frombuffer(row[1], dtype=np.uint32))
        return self._lsh

    def _insert(self, article_id: int, values: np.ndarray) -> None:
        self._values[article_id] = values
        self._lsh.insert(article_id, _minhash(values), check_duplication=False)

    def reset(self) -> None:
        """Forget the in-memory index (after a rollback it may hold articles the store lost)."""
        self._lsh = None
        self._values = {}

    def add(self, article_id: int, text: str) -> Optional[int]:
        """Store the article's signature; return the earlier article it nearly duplicates, if any."""
        values = signature(text)
        if values is None:
            return None
        lsh = self._index()
        best, best_score = None, THRESHOLD
        for other in lsh.query(_minhash(values)):
            score = float(np.mean(self._values[other] == values))
            if score >= best_score and (best is None or score > best_score or other < best):
                best, best_score = other, score
        self.conn.execute("INSERT OR REPLACE INTO signatures (article_id, minhash) VALUES (?, ?)",
                          (article_id, values.tobytes()))
        self._insert(article_id, values)
        return best
