"""extract_many with worker processes: same results as one process, in input order, memory bounded."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from saidwhat.batch import DocumentError, Extractor, extract_many
from saidwhat.model import Extraction

TEXTS = [
    'The mayor said on Monday that the bridge "will reopen in May."',
    "“We had,” she said, “no choice.”",
    "Nothing was said here at all.",
    "",
    'Officials, who spoke on condition of anonymity, said the talks had stalled.',
]


def _docs(n):
    for i in range(n):
        if i % 7 == 3:
            yield {"id": f"d{i}"}  # missing text
        else:
            yield {"id": f"d{i}", "text": f"{TEXTS[i % len(TEXTS)]} ({i})",
                   "published": "2019-04-08"}


def _key(result):
    if isinstance(result, DocumentError):
        return ("error", result.document, result.reason)
    return ("ok", result.id, result.to_dict()["attributions"], result.to_dict()["time_expressions"])


@pytest.fixture(scope="module")
def pool():
    with Extractor(workers=2, chunk_size=3, window=4) as extractor:
        yield extractor


def test_batch_workers_keep_input_order_and_match_single_process(pool):
    single = [_key(r) for r in extract_many(_docs(60))]
    parallel = [_key(r) for r in pool.map(_docs(60))]
    assert parallel == single
    assert [k[1] for k in parallel] == [f"d{i}" for i in range(60)]
    assert sum(k[0] == "error" for k in parallel) == len([i for i in range(60) if i % 7 == 3])


def test_batch_workers_read_input_lazily(pool):
    consumed = []

    def stream():
        for i in range(10_000):
            consumed.append(i)
            yield {"id": str(i), "text": TEXTS[0]}

    results = pool.map(stream())
    for _ in range(5):
        next(results)
    # window 4 chunks x 3 documents in flight, plus the chunk being assembled
    assert len(consumed) <= 4 * 3 + 3 + 5
    results.close()


class _KillsWorker(dict):
    """A record that ends the process reading its text when that process is a worker."""

    def __getitem__(self, key):
        if key == "text" and multiprocessing.parent_process() is not None:
            os._exit(1)
        return super().__getitem__(key)


def test_batch_worker_crash_costs_only_its_document():
    docs = [{"id": "a", "text": TEXTS[0]}, _KillsWorker(id="k", text="x"),
            {"id": "b", "text": TEXTS[1]}, {"id": "c", "text": TEXTS[2]}]
    results = list(extract_many(docs, workers=2, chunk_size=1))
    assert [type(r).__name__ for r in results] == ["Extraction", "DocumentError", "Extraction",
                                                   "Extraction"]
    assert results[1].reason == "worker-crashed" and results[1].document == "k"
    assert [r.id for r in results if isinstance(r, Extraction)] == ["a", "b", "c"]
