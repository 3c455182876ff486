"""The one seam between ingest and the extraction engine: many articles in, results out in order.

It wraps ``saidwhat.batch.Extractor`` (``workers`` processes, each loading spaCy once, kept for the
whole run). A failure comes back in the article's place as ``(reason, message)``, never raised, so one
bad document does not stop the others.
"""

from __future__ import annotations

from typing import Optional, Sequence, Union

from ..batch import DocumentError as BatchError
from ..batch import Extractor
from ..budget import DEFAULT_BUDGET
from ..model import Article, Extraction

Failure = tuple[str, str]
Result = Union[Extraction, Failure]


class ArticleExtractor:
    """Extracts lists of articles in order over ``workers`` processes; close it (or use ``with``)."""

    def __init__(self, workers: int = 1, budget: Optional[float] = DEFAULT_BUDGET):
        self._runner = Extractor(workers, budget=budget)

    def __enter__(self) -> "ArticleExtractor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._runner.close()

    def extract(self, articles: Sequence[Article]) -> list[Result]:
        """The extraction of each article, or ``(reason, message)`` when it failed, in the order given."""
        if not articles:
            return []
        out: list[Result] = []
        for result in self._runner.map(articles):
            if isinstance(result, BatchError):
                out.append((result.reason, result.message))
            else:
                out.append(result)
        return out
