"""Batch extraction: many documents, in input order, where one bad document never stops the batch.

``extract_many(docs, workers=1)`` yields, for each input document and in input order, either an
:class:`~saidwhat.model.Extraction` or a :class:`DocumentError`. With ``workers > 1`` the documents
go to a pool of spawned processes that each load the spaCy pipeline once; only a bounded window of
chunks is in flight, so memory stays flat over a stream of any length.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator, Mapping, Optional

from .budget import DEFAULT_BUDGET, time_budget
from .errors import InputError, SaidwhatError
from .model import Article, Extraction
from .outcomes import BatchSummary, DocumentError, InputDocument, Item, Result

__all__ = ["BatchSummary", "DocumentError", "Extractor", "InputDocument", "Item", "Result",
           "extract_many", "extract_one"]

# Fields of an input record that become Article fields; anything else is ignored.
ARTICLE_FIELDS = ("title", "url", "source")
# A chunk closes at this many documents or characters, whichever comes first: small enough to keep
# the workers evenly loaded and memory flat, large enough that pickling overhead stays negligible.
CHUNK_DOCS = 4
CHUNK_CHARS = 200_000
# Seconds past its documents' budgets that a worker task may run before its worker is killed.
HARD_GRACE = 30.0
# Chunks in flight per worker: enough to keep every worker busy while the parent writes output.
WINDOW_PER_WORKER = 4


def stop_pool(pool, kill: bool) -> None:
    """Shut a process pool down without waiting; ``kill``: terminate its workers first (one of
    them is stuck past every budget check, so waiting would never end)."""
    if kill:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def extract_one(item: Item, index: int = 0, beliefs: bool = False,
                budget: Optional[float] = DEFAULT_BUDGET, off: frozenset = frozenset()) -> Result:
    """The extraction of one input item, or a :class:`DocumentError`; never raises for bad input.

    ``beliefs``: also report beliefs, plans and findings (see ``saidwhat.extract``). ``budget``:
    seconds the document may take (0 or ``None``: no limit); past it, a ``timeout`` error.
    ``off``: registered rules switched off (see ``saidwhat rules``).
    """
    if budget and not _warm:
        _warm_up()  # loading spaCy and the stages is the process's cost, not this document's
    with time_budget(budget or 0):
        return _extract_one(item, index, beliefs, off)


_warm = False


def _warm_up() -> None:
    """Load the pipeline and run every stage once (a missing model raises here, as it would later)."""
    global _warm
    from .parse.nlp import load_pipeline

    load_pipeline()
    _extract_one("“Warm-up,” he said.", 0, False)
    _warm = True


def _extract_one(item: Item, index: int, beliefs: bool, off: frozenset = frozenset()) -> Result:
    from .pipeline import make_article

    if isinstance(item, DocumentError):
        return item
    line = None
    if isinstance(item, InputDocument):
        line, item = item.line, item.record
    doc_id = None
    try:
        if isinstance(item, Article):
            doc_id = item.id
            return _extract_lazily(item, beliefs, off)
        if isinstance(item, str):
            return _extract_lazily(make_article(item), beliefs, off)
        if not isinstance(item, Mapping):
            return DocumentError(None, "not-an-object",
                                 f"input is {type(item).__name__}; expected an object with a "
                                 f"\"text\" field", line, index)
        doc_id = _document_id(item, line, index)
        if "text" not in item:
            return DocumentError(doc_id, "missing-text",
                                 "no \"text\" field; expected {\"id\", \"text\", \"published\"?}",
                                 line, index)
        extras = {k: item[k] if isinstance(item.get(k), str) else None for k in ARTICLE_FIELDS}
        article = make_article(item["text"], item.get("published"), id=doc_id, **extras)
        return _extract_lazily(article, beliefs, off)
    except InputError as e:
        return DocumentError(doc_id, e.reason, _plain_message(e, doc_id), line, index)
    except (SaidwhatError, ImportError):
        raise  # a missing model or a broken install concerns every document: stop and say so
    except RecursionError as e:
        return DocumentError(doc_id, "extraction-failed", f"text too deeply nested to analyse: {e}",
                             line, index)
    except Exception as e:  # noqa: BLE001 - one document's failure must not stop the batch
        return DocumentError(doc_id, "extraction-failed",
                             f"extraction failed ({type(e).__name__}: {e}); please report this "
                             f"document", line, index)


def _extract_lazily(article: Article, beliefs: bool = False, off: frozenset = frozenset()) -> Extraction:
    from .pipeline import extract_article  # lazily: spaCy loads on the first document

    if off:  # engine stand-ins in tests keep the two-argument signature
        return extract_article(article, beliefs=beliefs, off=off)
    return extract_article(article, beliefs=beliefs)


def _document_id(record: Mapping[str, Any], line: Optional[int], index: int) -> str:
    """The record's id as a string; its line number (or position) when it has none."""
    value = record.get("id")
    if value is None or value == "":
        return str(line if line is not None else index + 1)
    return value if isinstance(value, str) else str(value)


def _plain_message(error: InputError, doc_id: Optional[str]) -> str:
    """The error message without the ``id: `` prefix that InputError adds (the id is a field here)."""
    text = str(error)
    prefix = f"{doc_id}: "
    return text[len(prefix):] if doc_id and text.startswith(prefix) else text


# Set in a worker whose start-up failed (no model, broken install): its first task raises it, so
# the parent sees the real error rather than a broken pool.
_startup_error: Optional[BaseException] = None
# How long a pool may take to start (spawn and load spaCy in every worker) before giving up.
START_TIMEOUT = 600


def _extract_chunk(chunk: list[tuple[int, Item]], beliefs: bool = False,
                   budget: Optional[float] = DEFAULT_BUDGET, off: frozenset = frozenset()) -> list[Result]:
    if _startup_error is not None:
        raise _startup_error
    return [extract_one(item, index, beliefs, budget, off) for index, item in chunk]


def _init_worker(ready) -> None:
    """Load the pipeline once per worker process, then say so on the ``ready`` semaphore."""
    global _startup_error
    # One thread of linear algebra per worker: the workers are the parallelism, and BLAS threads
    # on top of them only fight over the same cores.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        _warm_up()  # imports every stage once
    except Exception as e:  # noqa: BLE001 - reported by this worker's first task
        _startup_error = e
    finally:
        ready.release()


def _chunks(items: Iterable[Item], size: int, max_chars: int) -> Iterator[list[tuple[int, Item]]]:
    chunk: list[tuple[int, Item]] = []
    chars = 0
    for index, item in enumerate(items):
        chunk.append((index, item))
        chars += _size(item)
        if len(chunk) >= size or chars >= max_chars:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _size(item: Item) -> int:
    if isinstance(item, InputDocument):
        item = item.record
    text = item.text if isinstance(item, Article) else (
        item.get("text") if isinstance(item, Mapping) else item)
    return len(text) if isinstance(text, (str, bytes)) else 0


class Extractor:
    """A reusable batch runner; with ``workers > 1`` it owns a process pool until closed.

    Use as a context manager so the pool's start-up (spawning, loading spaCy) is paid once::

        with Extractor(workers=2) as ex:
            for result in ex.map(docs):
                ...
    """

    def __init__(self, workers: int = 1, chunk_size: int = CHUNK_DOCS,
                 chunk_chars: int = CHUNK_CHARS, window: Optional[int] = None,
                 beliefs: bool = False, budget: Optional[float] = DEFAULT_BUDGET,
                 off: frozenset = frozenset()):
        if workers < 1:
            raise ValueError(f"workers is {workers}; expected 1 or more")
        self.workers = workers
        self.chunk_size = max(1, chunk_size)
        self.chunk_chars = max(1, chunk_chars)
        self.window = window or workers * WINDOW_PER_WORKER
        self.beliefs = beliefs
        self.budget = budget
        self.off = off
        self._pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self) -> "Extractor":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def start(self) -> None:
        """Start the worker pool now (it otherwise starts on the first document)."""
        if self.workers > 1 and self._pool is None:
            context = multiprocessing.get_context("spawn")
            ready = context.Semaphore(0)
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=context,
                                             initializer=_init_worker, initargs=(ready,))
            try:
                self._wait_until_loaded(ready)
            except BaseException:
                self.close()
                raise

    def _wait_until_loaded(self, ready) -> None:
        """Spawn every worker now and return once each has loaded its pipeline."""
        assert self._pool is not None
        # One task per worker makes the pool spawn them all at once.
        probes = [self._pool.submit(_extract_chunk, []) for _ in range(self.workers)]
        loaded, deadline = 0, time.monotonic() + START_TIMEOUT
        while loaded < self.workers and time.monotonic() < deadline:
            if ready.acquire(timeout=0.2):
                loaded += 1
            elif any(p.done() and p.exception() for p in probes):
                break  # a worker failed to start: its error is raised below
        for probe in probes:
            probe.result()  # raises a start-up error (ModelNotFoundError, a broken pool ...)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def map(self, docs: Iterable[Item]) -> Iterator[Result]:
        """One result per input item, in input order."""
        if self.workers == 1:
            for index, item in enumerate(docs):
                yield extract_one(item, index, self.beliefs, self.budget, self.off)
            return
        yield from self._map_parallel(docs)

    def _map_parallel(self, docs: Iterable[Item]) -> Iterator[Result]:
        self.start()
        pending: collections.deque[tuple[list, Future, int]] = collections.deque()
        chunks = _chunks(docs, self.chunk_size, self.chunk_chars)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < self.window:
                    chunk = next(chunks, None)
                    if chunk is None:
                        exhausted = True
                        break
                    pending.append((chunk, self._submit(chunk), 0))
                if not pending:
                    return
                chunk, future, tries = pending.popleft()
                try:
                    results = future.result(timeout=self._hard_limit(len(chunk)))
                except (BrokenProcessPool, FutureTimeout) as e:
                    # A worker died (out of memory, a crash in native code) or is stuck past every
                    # budget check. Restart the pool, retry this chunk one document at a time,
                    # then resubmit what was in flight.
                    self._restart(kill=isinstance(e, FutureTimeout))
                    results = list(self._retry_alone(chunk))
                    pending = collections.deque((c, self._submit(c), t) for c, _, t in pending)
                yield from results
        finally:
            for _, future, _ in pending:
                future.cancel()

    def _submit(self, chunk: list) -> Future:
        assert self._pool is not None
        return self._pool.submit(_extract_chunk, chunk, self.beliefs, self.budget, self.off)

    def _hard_limit(self, documents: int) -> Optional[float]:
        """Seconds to wait for a task of ``documents`` before its worker is deemed stuck and killed.

        The budget is checked inside the worker as it goes, so this only fires for a document
        stuck where no check is made; ``None`` (no budget) waits for ever.
        """
        return self.budget * documents + HARD_GRACE if self.budget else None

    def _restart(self, kill: bool = False) -> None:
        if self._pool is not None:
            stop_pool(self._pool, kill)
            self._pool = None
        self.start()

    def _retry_alone(self, chunk: list[tuple[int, Item]]) -> Iterator[Result]:
        for index, item in chunk:
            try:
                yield self._submit([(index, item)]).result(timeout=self._hard_limit(1))[0]
            except BrokenProcessPool:
                self._restart()
                yield _crashed(item, index, "worker-crashed",
                               "the worker process died on this document (out of memory?); "
                               "try it alone with saidwhat extract")
            except FutureTimeout:
                self._restart(kill=True)
                yield _crashed(item, index, "timeout",
                               f"the worker was still reading this document {self._hard_limit(1):g} s "
                               f"after it started (time budget {self.budget:g} s) and was stopped")


def _crashed(item: Item, index: int, reason: str, message: str) -> DocumentError:
    line = item.line if isinstance(item, InputDocument) else None
    record = item.record if isinstance(item, InputDocument) else item
    doc_id = record.id if isinstance(record, Article) else (
        _document_id(record, line, index) if isinstance(record, Mapping) else None)
    return DocumentError(doc_id, reason, message, line, index)


def extract_many(docs: Iterable[Item], workers: int = 1, *, beliefs: bool = False,
                 chunk_size: int = CHUNK_DOCS, chunk_chars: int = CHUNK_CHARS,
                 window: Optional[int] = None,
                 budget: Optional[float] = DEFAULT_BUDGET, off: frozenset = frozenset()) -> Iterator[Result]:
    """Extract every document of ``docs``, yielding an Extraction or a DocumentError per input, in order.

    An item is a dict ``{"id", "text", "published"?, "title"?, "url"?, "source"?}``, an
    :class:`Article`, a plain ``str`` text, an :class:`InputDocument` (a record with its line number,
    as :func:`saidwhat.stream.read_records` yields) or a :class:`DocumentError` (passed through, so a
    reader's per-line errors keep their place in the output). A missing id becomes the line number
    (or the 1-based position). ``workers > 1`` runs a pool of spawned processes; the input is read
    lazily and at most ``window`` chunks are in flight. ``beliefs``: also report beliefs, plans
    and findings (see ``saidwhat.extract``). ``budget``: seconds per document (``None``: no limit);
    a document past it gives a ``timeout`` error in its place; ``off``: rules switched off. Raises only for problems that concern every
    document (no spaCy model: :class:`~saidwhat.errors.ModelNotFoundError`).
    """
    runner = Extractor(workers, chunk_size=chunk_size, chunk_chars=chunk_chars, window=window,
                       beliefs=beliefs, budget=budget, off=off)
    try:
        yield from runner.map(docs)
    finally:
        runner.close()
