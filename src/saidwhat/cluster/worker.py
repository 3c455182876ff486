"""What runs on a Dask worker: the pipeline loaded once per process, and the task for one partition.

The spaCy pipeline lives in a module-level cache (``saidwhat.parse.nlp.load_pipeline``), so every
task in a worker process shares one copy; :class:`PipelineLoader` fills that cache when the worker
starts, so the first task does not pay for it and a worker without a model fails at once.
"""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from typing import Optional

from distributed.diagnostics.plugin import WorkerPlugin

from ..batch import DocumentError as BatchError
from ..batch import extract_one
from ..budget import DEFAULT_BUDGET
from ..errors import InputError
from ..read.documents import DocumentError
from ..pipeline import make_article
from .partitions import Partition, read_partition
from .schema import error_row, extracted_row
from .shards import ShardSummary, read_summary, shard_path, write_shard


def warm_up() -> int:
    """Load the pipeline into this process and run every stage once; the process id."""
    from ..parse.nlp import load_pipeline

    load_pipeline()
    extract_one("“Warm-up,” he said.")
    return os.getpid()


class PipelineLoader(WorkerPlugin):
    """Loads the spaCy pipeline when a worker starts (and again in a worker that restarts)."""

    name = "saidwhat-pipeline"

    async def setup(self, worker) -> None:
        # Off the event loop, so the worker keeps answering heartbeats while spaCy loads.
        await asyncio.get_running_loop().run_in_executor(None, warm_up)


def extract_partition(part: Partition, out_dir: str, budget: Optional[float] = DEFAULT_BUDGET) -> ShardSummary:
    """Extract every document of ``part`` and write its shard; a shard already complete is kept.

    One bad document becomes an error row and the others go on. Only a problem that concerns every
    document (no spaCy model) raises, and then no shard is written.
    """
    final = shard_path(out_dir, part.shard)
    if os.path.exists(final):
        return read_summary(final)
    rows = []
    reasons: Counter = Counter()
    extracted = attributions = 0
    for index, item in enumerate(read_partition(part)):
        if isinstance(item, DocumentError):
            row = error_row(item.origin, item.reason, item.message)
        else:
            meta = {"published": item.published, "title": item.title, "url": item.url, "source": item.source}
            try:
                article = make_article(item.text, item.published, id=item.id, title=item.title,
                                       url=item.url, source=item.source)
            except InputError as exc:
                row = error_row(item.origin, exc.reason, str(exc), id=item.id, text=item.text, meta=meta)
            else:
                result = extract_one(article, index, budget=budget)
                if isinstance(result, BatchError):
                    row = error_row(item.origin, result.reason, result.message, id=item.id,
                                    text=item.text, meta=meta)
                else:
                    row = extracted_row(result, item.origin, item.text)
                    extracted += 1
                    attributions += len(result.attributions)
        if row["error_reason"] is not None:
            reasons[row["error_reason"]] += 1
        rows.append(row)
    summary = ShardSummary(part.shard, len(rows), extracted, attributions, dict(sorted(reasons.items())))
    write_shard(out_dir, summary, rows)
    return summary
