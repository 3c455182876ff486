"""Parquet shards written by ``saidwhat run``: their documents read back, pre-extracted, for ingest."""

from __future__ import annotations

from typing import Any, BinaryIO, Iterator, Union

from .documents import DocumentError, Item
from .jsonl import record_to_item

# Rows per Parquet row group: small enough to read back a shard with flat memory.
ROW_GROUP = 256


def iter_rows(source: Union[str, BinaryIO]) -> Iterator[dict[str, Any]]:
    """The rows of one shard (a path or an open binary file), a row group at a time."""
    import pyarrow.parquet as pq

    reader = pq.ParquetFile(source)
    for batch in reader.iter_batches(batch_size=ROW_GROUP):
        yield from batch.to_pylist()


def row_to_item(row: dict[str, Any]) -> Item:
    """The ingest item of a shard row: a pre-extracted Document, or the DocumentError it recorded."""
    if row["error_reason"] is not None:
        return DocumentError(row["origin"], row["error_reason"], row["error_message"] or "")
    record = {k: row[k] for k in ("id", "published", "title", "url", "source", "text")}
    record.update(attributions=row["attributions"], speakers=row["speakers"],
                  time_expressions=row["time_expressions"])
    return record_to_item(record, row["origin"])


def read_shard(source: Union[str, BinaryIO], name: str) -> Iterator[Item]:
    """Every document of one shard as ingest items; an unreadable shard is one DocumentError."""
    import pyarrow as pa

    try:
        for row in iter_rows(source):
            yield row_to_item(row)
    except (pa.ArrowException, OSError, KeyError) as exc:
        yield DocumentError(name, "bad-shard", f"not a readable saidwhat shard ({exc}); "
                            "expected a part-*.parquet file written by saidwhat run")
