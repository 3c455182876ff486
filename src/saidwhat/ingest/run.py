"""Ingest: read documents from paths, extract them, and store them in batches.

Each batch (its articles and its errors) is committed as one transaction, so killing the process at
any moment loses at most the batch in flight; running the same command again skips every article
already stored (same identity) and adds exactly the rest.

Pre-extracted records (JSON Lines carrying "attributions") skip extraction: they are turned into the
store's rows directly, by a read-ahead process for large inputs (see ``read_ahead``), so parsing
and preparing overlap writing.
"""

from __future__ import annotations

import time
from contextlib import closing
from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Optional, Sequence, Union

from ..budget import DEFAULT_BUDGET
from ..errors import InputError
from ..model import Article, Extraction
from ..pipeline import make_article
from ..store.connection import bulk_load
from ..store.corpus import Corpus
from ..store.identity import article_identity
from ..store.prepared import PreparedArticle
from ..read.documents import Document, DocumentError
from .extraction import ArticleExtractor
from .read_ahead import PreparedDocument, read_items
from ..read.inputs import Inputs

# A batch is what a crash can cost: by default it holds about the same work either way, up to 50
# documents to extract (tens of milliseconds each) or 500 documents in all when they are pre-extracted
# (a fraction of a millisecond each, and each commit has a fixed cost: 50 to a commit loads a fifth slower).
DEFAULT_BATCH = 50
DEFAULT_PREPARED_BATCH = 500


@dataclass(frozen=True)
class Progress:
    """How far an ingest run is: documents handled, and input bytes read out of the total."""

    documents: int
    bytes_read: int
    bytes_total: int


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did."""

    read: int  # documents read (good or bad)
    added: int  # articles newly stored
    already: int  # articles that were stored before (or twice in the input)
    errors: int  # documents that could not be stored
    error_reasons: dict = field(default_factory=dict)
    skipped_files: int = 0  # files in folders that are no input kind saidwhat reads
    seconds: float = 0.0
    replaced: int = 0  # stored articles extracted anew (reextract=True); counted in ``added`` too

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0


class _Batch:
    """Documents waiting to be extracted and committed together."""

    def __init__(self) -> None:
        self.to_extract: list[tuple[Article, str, str]] = []
        self.ready: list[tuple[Union[Extraction, PreparedArticle], str, str]] = []
        self.errors: list[tuple[str, str, str]] = []

    def __len__(self) -> int:
        return len(self.to_extract) + len(self.ready) + len(self.errors)


def ingest(paths: Sequence[str], corpus: Corpus, *, workers: int = 1, batch_size: Optional[int] = None,
           stdin: Optional[BinaryIO] = None,
           on_progress: Optional[Callable[[Progress], None]] = None, reextract: bool = False,
           budget: Optional[float] = DEFAULT_BUDGET) -> IngestSummary:
    """Read, extract and store every document under ``paths``; bad documents are recorded, not fatal.

    ``reextract``: articles already stored are extracted again and their records replaced; people's
    corrections are re-applied to the new records (or flagged orphaned when their record is gone).

    Each batch of ``batch_size`` documents is committed whole; by default a batch closes at
    ``DEFAULT_BATCH`` documents to extract or ``DEFAULT_PREPARED_BATCH`` documents in all. A document
    that takes more than ``budget`` seconds is recorded as a ``timeout`` error.
    """
    started = time.perf_counter()
    inputs = Inputs(paths, stdin=stdin)
    reasons: Counter = Counter()
    counts = Counter()
    seen: set[str] = set()
    batch = _Batch()
    extractor = ArticleExtractor(workers, budget)
    to_extract_limit = batch_size or DEFAULT_BATCH
    limit = batch_size or DEFAULT_PREPARED_BATCH

    def flush() -> None:
        nonlocal batch
        results = extractor.extract([a for a, _, _ in batch.to_extract])
        ready = list(batch.ready)
        errors = list(batch.errors)
        for (article, origin, identity), result in zip(batch.to_extract, results):
            if isinstance(result, tuple):
                errors.append((origin,) + result)
            else:
                ready.append((result, origin, identity))
        before = len(corpus.writer.replaced)
        ids = corpus.write_batch(ready, errors, replace=True) if reextract else corpus.write_batch(ready, errors)
        counts["replaced"] += len(corpus.writer.replaced) - before
        counts["added"] += sum(1 for i in ids if i is not None)
        counts["already"] += sum(1 for i in ids if i is None)
        reasons.update(reason for _, reason, _ in errors)
        batch = _Batch()

    # closing: stop the read-ahead process at once if writing fails.
    with extractor, bulk_load(corpus.conn), closing(read_items(paths, inputs, stdin)) as items:
        for item, position in items:
            counts["read"] += 1
            if isinstance(item, DocumentError):
                batch.errors.append((item.origin, item.reason, item.message))
            else:
                _admit(item, corpus, seen, batch, counts, reextract)
            if len(batch) >= limit or len(batch.to_extract) >= to_extract_limit:
                flush()
            if on_progress is not None:
                on_progress(Progress(counts["read"], position, inputs.total_bytes))
        if len(batch):
            flush()
    if on_progress is not None:
        on_progress(Progress(counts["read"], inputs.total_bytes, inputs.total_bytes))
    return IngestSummary(read=counts["read"], added=counts["added"], already=counts["already"],
                         errors=sum(reasons.values()), error_reasons=dict(sorted(reasons.items())),
                         skipped_files=inputs.skipped_files, seconds=time.perf_counter() - started,
                         replaced=counts["replaced"])


def _admit(doc: Union[Document, PreparedDocument], corpus: Corpus, seen: set[str], batch: _Batch,
           counts: Counter, reextract: bool = False) -> None:
    """Check one document and queue it, unless it is already stored or cannot be made an article."""
    if isinstance(doc, PreparedDocument):
        # Pre-extracted: already the rows the store writes, no model objects in between.
        prepared, identity = doc.prepared, doc.prepared.identity
    else:
        prepared = None
        try:
            article = make_article(doc.text, doc.published, id=doc.id, title=doc.title, url=doc.url,
                                   source=doc.source)
        except InputError as exc:
            batch.errors.append((doc.origin, exc.reason, str(exc)))
            return
        identity = article_identity(article.text, article.url)
    if identity in seen or (not reextract and corpus.writer.contains(identity)):
        counts["already"] += 1
        return
    seen.add(identity)
    if prepared is not None:
        batch.ready.append((prepared, doc.origin, identity))
    else:
        batch.to_extract.append((article, doc.origin, identity))
