"""Character sets of annotated spans, as the scorers compare them."""

from __future__ import annotations

from typing import Sequence, Union

# Characters that do not count at either end of a content span: quote marks, spaces, punctuation.
EDGE_CHARS = frozenset(" \t\n\"'“”‘’«»,.;:—–-")

SpanLike = Union[Sequence[int], Sequence[Sequence[int]]]


def content_chars(text: str, span: SpanLike) -> frozenset[int]:
    """Positions of a span (or the union of a list of spans), less edge quotes, spaces, punctuation."""
    if span and isinstance(span[0], (list, tuple)):
        chars: set[int] = set()
        for part in span:
            chars |= content_chars(text, part)
        return frozenset(chars)
    start, end = span[0], span[1]
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return frozenset(range(start, end))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Shared characters as a share of all characters of either (0 when both are empty)."""
    union = len(a) + len(b) - len(a & b)
    return len(a & b) / union if union else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
