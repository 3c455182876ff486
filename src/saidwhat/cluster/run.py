"""Run the extraction over Dask: plan partitions, skip finished shards, extract the rest on workers.

``run(paths, out_dir)`` starts a LocalCluster (one single-threaded process per worker) or joins a
running scheduler by address, so the same call works on a laptop, under SLURM (dask-jobqueue) or on
Kubernetes. Each partition is one task that writes one shard; a task on a worker that dies is run
again elsewhere by Dask and rewrites the same shard, so every input document is in the output once.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterator, Optional, Sequence

from ..budget import DEFAULT_BUDGET
from ..errors import InputError, SaidwhatError
from .partitions import DEFAULT_SIZE, Plan, plan
from .shards import complete_shards, read_summary, remove_stale, shard_path
from .worker import PipelineLoader, extract_partition

MANIFEST = ".manifest.json"
# A task that fails with an exception (not a dead worker: Dask reruns those by itself) is retried
# this many times before the run reports its partition as failed.
TASK_RETRIES = 1
START_TIMEOUT = 600  # seconds to wait for the workers asked for to join a remote scheduler


class OutputConflictError(InputError):
    """The output folder holds shards of other inputs; mixing them would duplicate documents."""

    def __init__(self, out_dir: str, foreign: Sequence[str]):
        super().__init__(
            f"{len(foreign)} shards here belong to other inputs or another partition size "
            f"(e.g. {foreign[0]}.parquet); use a new --out folder, or the same inputs and "
            f"--partition-size as before to resume", out_dir, "output-conflict")


class WorkerStartError(SaidwhatError):
    """A worker could not load the pipeline (no spaCy model, a broken install)."""


@dataclass(frozen=True)
class RunProgress:
    """How far a run is: shards finished (written or already there) out of all, and their documents."""

    shards_done: int
    shards_total: int
    documents: int


@dataclass(frozen=True)
class RunSummary:
    """What one run did; ``seconds`` is the extraction time, after the workers were ready."""

    shards: int
    written: int
    already: int  # complete before this run, so skipped
    failed: tuple[tuple[str, str], ...]  # (shard, why) of partitions that gave no shard
    documents: int
    extracted: int
    attributions: int
    errors: dict = field(default_factory=dict)  # reason -> documents
    skipped_files: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0
    workers: int = 0
    new_documents: int = 0  # documents in the shards written by this run

    @property
    def rate(self) -> float:
        """Documents per second extracted by this run (shards complete before do not count)."""
        return self.new_documents / self.seconds if self.seconds > 0 else 0.0

    def describe(self) -> str:
        text = (f"{self.documents} documents in {self.shards} shards ({self.written} written, "
                f"{self.already} already complete), {self.extracted} extracted, "
                f"{self.attributions} attributions, {sum(self.errors.values())} errors")
        if self.errors:
            text += " (" + ", ".join(f"{n} {r}" for r, n in sorted(self.errors.items())) + ")"
        if self.failed:
            text += f", {len(self.failed)} shards failed"
        return text


def check_output(out_dir: str, the_plan: Plan) -> list[str]:
    """Create ``out_dir`` if needed and return the shards already complete; raise on foreign shards."""
    os.makedirs(out_dir, exist_ok=True)
    wanted = {p.shard for p in the_plan.partitions}
    present = complete_shards(out_dir)
    foreign = [s for s in present if s not in wanted]
    if foreign:
        raise OutputConflictError(out_dir, foreign)
    return present


def write_manifest(out_dir: str, paths: Sequence[str], size: int, the_plan: Plan) -> None:
    """Record the inputs and the partitions (shard name, what it reads) beside the shards."""
    data = {"inputs": list(paths), "partition_size": size, "skipped_files": the_plan.skipped_files,
            "partitions": [p.to_dict() for p in the_plan.partitions]}
    tmp = os.path.join(out_dir, f"{MANIFEST}.tmp-{uuid.uuid4().hex[:12]}")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    os.replace(tmp, os.path.join(out_dir, MANIFEST))


@contextlib.contextmanager
def connect(scheduler: str = "local", workers: Optional[int] = None,
            dashboard_address: Optional[str] = ":8787") -> Iterator:
    """A Dask client: on a new LocalCluster (``local``) or on the scheduler at an address."""
    from distributed import Client, LocalCluster

    if scheduler == "local":
        n = workers or os.cpu_count() or 1
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                          dashboard_address=dashboard_address) as cluster, Client(cluster) as client:
            yield client
        return
    with Client(scheduler, timeout="60s") as client:
        if workers:
            client.wait_for_workers(workers, timeout=START_TIMEOUT)
        yield client


def run(paths: Sequence[str], out_dir: str, *, scheduler: str = "local", workers: Optional[int] = None,
        partition_size: int = DEFAULT_SIZE, client=None,
        on_start: Optional[Callable[[str, int, int], None]] = None,
        on_progress: Optional[Callable[[RunProgress], None]] = None,
        budget: Optional[float] = DEFAULT_BUDGET) -> RunSummary:
    """Extract every document under ``paths`` into Parquet shards in ``out_dir``; resumable.

    ``client`` (a ``distributed.Client``) is used when given; otherwise one is made from
    ``scheduler`` and ``workers`` (see :func:`connect`). ``on_start(dashboard, shards, to_do)`` is
    called once connected, before the workers load the pipeline. Bad documents are rows with an error; a partition whose task
    fails is listed in ``failed`` and is retried by running the same command again. A document
    that takes more than ``budget`` seconds is a row with error ``timeout``.
    """
    the_plan = plan(paths, partition_size)
    present = set(check_output(out_dir, the_plan))
    write_manifest(out_dir, paths, partition_size, the_plan)
    remove_stale(out_dir)
    if client is None and present.issuperset(p.shard for p in the_plan.partitions):
        return _summarize(the_plan, out_dir, present, [], [], 0.0, 0.0, 0)  # nothing to start workers for
    if client is not None:
        return _run(the_plan, out_dir, present, client, on_start, on_progress, budget)
    with connect(scheduler, workers) as new_client:
        return _run(the_plan, out_dir, present, new_client, on_start, on_progress, budget)


def _start_workers(client) -> None:
    """Load the pipeline on every worker (and on any that joins later); raise if one cannot."""
    try:
        answers = client.register_plugin(PipelineLoader())
    except SaidwhatError:
        raise
    except Exception as exc:  # the worker's error, whatever its type, is the message
        raise WorkerStartError(f"a worker could not load the pipeline: {exc}") from exc
    for worker, answer in (answers or {}).items():
        if isinstance(answer, dict) and answer.get("status") == "error":
            raise WorkerStartError(f"worker {worker} could not load the pipeline: "
                                   f"{answer.get('exception_text') or answer.get('exception')}")


def _run(the_plan: Plan, out_dir: str, present: set, client, on_start, on_progress,
         budget: Optional[float] = DEFAULT_BUDGET) -> RunSummary:
    from distributed import as_completed

    started = time.perf_counter()
    todo = [p for p in the_plan.partitions if p.shard not in present]
    documents = sum(read_summary(shard_path(out_dir, s)).documents for s in present)
    if on_start is not None:
        on_start(client.dashboard_link, len(the_plan.partitions), len(todo))
    _start_workers(client)
    ready = time.perf_counter()
    total = len(the_plan.partitions)
    if on_progress is not None:
        on_progress(RunProgress(len(present), total, documents))
    token = uuid.uuid4().hex[:8]  # task keys unique to this run, so a shared scheduler never mixes runs
    futures = [client.submit(extract_partition, p, out_dir, budget, key=f"saidwhat-{p.shard}-{token}",
                             pure=False, retries=TASK_RETRIES) for p in todo]
    names = {f.key: p.shard for f, p in zip(futures, todo)}
    failed: list[tuple[str, str]] = []
    new: list = []
    try:
        for future in as_completed(futures):
            if future.status == "finished":
                summary = future.result()
                new.append(summary)
                documents += summary.documents
            else:
                exc = future.exception()
                failed.append((names[future.key], f"{type(exc).__name__}: {exc}"))
            future.release()
            if on_progress is not None:
                on_progress(RunProgress(len(present) + len(new) + len(failed), total, documents))
    finally:
        client.cancel([f for f in futures if not f.done()])
    n_workers = len(client.scheduler_info(n_workers=-1).get("workers", {}))
    return _summarize(the_plan, out_dir, present, new, failed, time.perf_counter() - ready,
                      ready - started, n_workers)


def _summarize(the_plan: Plan, out_dir: str, present: set, new: list, failed: list, seconds: float,
               startup: float, n_workers: int) -> RunSummary:
    summaries = [read_summary(shard_path(out_dir, s)) for s in sorted(present)] + new
    errors: Counter = Counter()
    for s in summaries:
        errors.update(s.errors)
    return RunSummary(
        shards=len(the_plan.partitions), written=len(new), already=len(present),
        failed=tuple(sorted(failed)), documents=sum(s.documents for s in summaries),
        extracted=sum(s.extracted for s in summaries), attributions=sum(s.attributions for s in summaries),
        errors=dict(sorted(errors.items())), skipped_files=the_plan.skipped_files, seconds=seconds,
        startup_seconds=startup, workers=n_workers, new_documents=sum(s.documents for s in new))
