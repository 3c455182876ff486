"""Shards: the extraction survives the round trip through Parquet; writes are whole or absent."""

from __future__ import annotations

import os

import pyarrow.parquet as pq
import pytest

from cluster_factory import document, write_jsonl
from saidwhat.cluster import plan, read_shards
from saidwhat.cluster.schema import SCHEMA, extraction_dict
from saidwhat.cluster.shards import (ShardSummary, complete_shards, iter_rows, read_shard, read_summary,
                                     remove_stale, write_shard)
from saidwhat.cluster.worker import extract_partition
from saidwhat.read.documents import Document, DocumentError
from saidwhat.pipeline import extract
from saidwhat.store.records import extraction_from_dict


@pytest.fixture(scope="module")
def shard_dir(tmp_path_factory):
    """One partition of six documents and two bad lines, extracted in this process."""
    base = tmp_path_factory.mktemp("shards")
    path = write_jsonl(base / "in.jsonl", [document(i) for i in range(6)],
                       [b"{broken", b'{"id": "bad-date", "text": "Hi.", "published": "someday"}'])
    out = base / "out"
    out.mkdir()
    (part,) = plan([str(path)], 100).partitions
    summary = extract_partition(part, str(out))
    return out, part, summary


def test_cluster_shards_rows_match_in_process_extraction(shard_dir):
    out, part, _ = shard_dir
    rows = list(iter_rows(os.path.join(out, part.shard + ".parquet")))
    assert [r["position"] for r in rows] == list(range(8))
    for i, row in enumerate(rows[:6]):
        d = document(i)
        assert row["error_reason"] is None
        assert extraction_dict(row) == extract(d["text"], d["published"], id=d["id"]).to_dict()
        assert row["title"] == d.get("title") and row["text"] == d["text"]


def test_cluster_shards_summary_counts_what_the_rows_hold(shard_dir):
    out, part, summary = shard_dir
    assert (summary.documents, summary.extracted) == (8, 6)
    assert summary.errors == {"bad-json": 1, "bad-published-date": 1}
    stored = read_summary(os.path.join(out, part.shard + ".parquet"))
    assert stored.to_dict() == summary.to_dict() and stored.skipped


def test_cluster_shards_read_back_as_ingest_items(shard_dir):
    out, _, _ = shard_dir
    items = list(read_shards(str(out)))
    assert [type(i) for i in items] == [Document] * 6 + [DocumentError] * 2
    assert [i.reason for i in items[6:]] == ["bad-json", "bad-published-date"]
    for i, item in enumerate(items[:6]):
        d = document(i)
        again = extraction_from_dict(item.record, item.origin)
        assert again.to_dict() == extract(d["text"], d["published"], id=d["id"]).to_dict()


@pytest.mark.parametrize("content", [b"", b"PAR1 not really parquet", b"\x00" * 64])
def test_cluster_shards_unreadable_shard_is_one_error(tmp_path, content):
    path = tmp_path / "part-00000-deadbeef00.parquet"
    path.write_bytes(content)
    (item,) = list(read_shard(str(path), str(path)))
    assert isinstance(item, DocumentError) and item.reason == "bad-shard"


def test_cluster_shards_write_leaves_no_temporary_file_and_keeps_schema(tmp_path):
    write_shard(str(tmp_path), ShardSummary("part-00003-0123456789"), [])
    assert os.listdir(tmp_path) == ["part-00003-0123456789.parquet"]
    assert pq.read_schema(tmp_path / "part-00003-0123456789.parquet").remove_metadata() == SCHEMA


def test_cluster_shards_stale_temporary_files_are_removed_and_never_listed(tmp_path):
    (tmp_path / ".part-00001-aa.parquet.tmp-123").write_bytes(b"half a shard")
    (tmp_path / "part-00002-bb.parquet").write_bytes(b"")
    assert complete_shards(str(tmp_path)) == ["part-00002-bb"]
    assert remove_stale(str(tmp_path)) == 1
    assert sorted(os.listdir(tmp_path)) == ["part-00002-bb.parquet"]


def test_cluster_shards_ingest_folder_loads_each_document_once(shard_dir, tmp_path):
    from click.testing import CliRunner

    from saidwhat.cli import main

    out, _, summary = shard_dir
    db = tmp_path / "store.db"
    first = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(out), "--db", str(db), "--quiet"])
    again = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(out), "--db", str(db), "--quiet"])
    stats = CliRunner(mix_stderr=False).invoke(main, ["stats", "--db", str(db), "--format", "json"])
    assert first.exit_code == 1, first.stderr  # the two bad lines are reported, not lost
    assert "bad-published-date" in first.stderr
    assert again.exit_code == 1
    import json

    assert json.loads(stats.stdout)["articles"] == 6
