"""Parquet shards on disk: written whole under a temporary name, then renamed; read back for ingest.

A shard named ``part-NNNNN-DIGEST.parquet`` exists only once complete (the rename is atomic), so
"the shard exists" means "this partition is done". Temporary files are hidden (``.part-...tmp-...``),
so DuckDB/Spark globs and ``saidwhat ingest`` never see them; a run removes stale ones.
"""

from __future__ import annotations

import glob
import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..read.documents import Item
from ..read.parquet import ROW_GROUP, iter_rows, read_shard, row_to_item  # noqa: F401 - this module's API too
from .schema import SCHEMA, SCHEMA_VERSION

SUFFIX = ".parquet"
META_KEY = b"saidwhat"


@dataclass(frozen=True)
class ShardSummary:
    """What one shard holds: documents, how many were extracted, attributions, errors by reason."""

    shard: str
    documents: int = 0
    extracted: int = 0
    attributions: int = 0
    errors: dict = field(default_factory=dict)
    skipped: bool = False  # True when the shard was complete before this run

    def to_dict(self) -> dict[str, Any]:
        return {"shard": self.shard, "documents": self.documents, "extracted": self.extracted,
                "attributions": self.attributions, "errors": dict(self.errors)}


def shard_path(out_dir: str, shard: str) -> str:
    return os.path.join(out_dir, shard + SUFFIX)


def complete_shards(out_dir: str) -> list[str]:
    """Names of the complete shards in ``out_dir``, sorted."""
    paths = glob.glob(os.path.join(glob.escape(out_dir), "part-*" + SUFFIX))
    return sorted(os.path.basename(p)[: -len(SUFFIX)] for p in paths)


def remove_stale(out_dir: str) -> int:
    """Delete temporary files that dead tasks left behind; how many there were."""
    n = 0
    for path in glob.glob(os.path.join(glob.escape(out_dir), ".part-*" + SUFFIX + ".tmp-*")):
        try:
            os.remove(path)
            n += 1
        except OSError:
            pass  # another run removed it, or a live task renamed it
    return n


def write_shard(out_dir: str, summary: ShardSummary, rows: list[dict[str, Any]]) -> str:
    """Write the rows as ``<shard>.parquet``: to a hidden temporary file, synced, then renamed."""
    name = summary.shard
    for position, row in enumerate(rows):
        row["shard"], row["position"] = name, position
    meta = {META_KEY: json.dumps({"schema_version": SCHEMA_VERSION, **summary.to_dict()}).encode("utf-8")}
    table = pa.Table.from_pylist(rows, schema=SCHEMA.with_metadata(meta))
    final = shard_path(out_dir, name)
    # A retried task may run beside a lost one that still lives: each writes its own temporary file.
    tmp = os.path.join(out_dir, f".{name}{SUFFIX}.tmp-{uuid.uuid4().hex[:12]}")
    try:
        with open(tmp, "wb") as f:
            pq.write_table(table, f, compression="zstd", row_group_size=ROW_GROUP)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, final)  # both attempts wrote the same rows, so the last rename wins harmlessly
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return final


def read_summary(path: str) -> ShardSummary:
    """The summary stored in a shard's metadata (no rows are read)."""
    meta = pq.read_schema(path).metadata or {}
    d = json.loads(meta.get(META_KEY, b"{}"))
    name = os.path.basename(path)[: -len(SUFFIX)]
    return ShardSummary(name, d.get("documents", 0), d.get("extracted", 0), d.get("attributions", 0),
                        d.get("errors", {}), skipped=True)


def read_shards(out_dir: str) -> Iterator[Item]:
    """Every document of every complete shard in ``out_dir``, shard by shard, in input order."""
    for shard in complete_shards(out_dir):
        path = shard_path(out_dir, shard)
        yield from read_shard(path, path)
