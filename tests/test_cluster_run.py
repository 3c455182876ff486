"""saidwhat run on a LocalCluster of 2 single-threaded worker processes: equal results, exactly once.

One cluster serves the whole module (each worker loads spaCy once); a few hundred short documents.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter

import cloudpickle
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from cluster_factory import document, write_jsonl
from saidwhat.cli import main
from saidwhat.cluster import OutputConflictError, read_shards, run
from saidwhat.cluster.schema import extraction_dict
from saidwhat.cluster.shards import complete_shards, iter_rows, shard_path

pytestmark = pytest.mark.slow

# The kill plugin below is defined here, not in an importable package: ship it to workers by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def client():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      memory_limit=None) as cluster, Client(cluster, timeout="120s") as c:
        yield c


def _rows(out_dir):
    return [row for shard in complete_shards(str(out_dir))
            for row in iter_rows(shard_path(str(out_dir), shard))]


def test_cluster_run_equals_single_process_extract_jsonl(client, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [document(i) for i in range(240)])
    summary = run([str(path)], str(tmp_path / "out"), client=client, partition_size=20)
    assert (summary.shards, summary.written, summary.failed) == (12, 12, ())
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    expected = {d["id"]: d for d in map(json.loads, result.stdout.splitlines())}
    got = {row["id"]: extraction_dict(row) for row in _rows(tmp_path / "out")}
    assert len(expected) == 240
    assert got.keys() == expected.keys()
    for doc_id, want in expected.items():
        assert got[doc_id] == want, doc_id
    assert summary.attributions == sum(len(d["attributions"]) for d in expected.values()) > 240


class KillOnFirstTask(WorkerPlugin):
    """Kills its worker process the first time any worker starts a task (a marker file says so)."""

    name = "test-kill-on-first-task"

    def __init__(self, marker: str):
        self.marker = marker

    def transition(self, key, start, finish, **kwargs):
        if finish != "executing":
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)  # as a crash or the OOM killer would: no clean-up, task left half done


def test_cluster_run_survives_a_killed_worker_exactly_once(client, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [document(i) for i in range(200)])
    marker = tmp_path / "killed"
    out = tmp_path / "out"
    out.mkdir()
    (out / ".part-00000-0000000000.parquet.tmp-dead").write_bytes(b"left by a dead task")
    pids_before = set(client.run(os.getpid).values())
    client.register_plugin(KillOnFirstTask(str(marker)))
    try:
        summary = run([str(path)], str(out), client=client, partition_size=10)
    finally:
        client.unregister_worker_plugin(KillOnFirstTask.name)
    assert marker.exists()
    client.wait_for_workers(2, timeout=120)
    assert set(client.run(os.getpid).values()) != pids_before  # a worker did die and was replaced
    assert summary.failed == () and summary.written == 20
    ids = Counter(row["id"] for row in _rows(out))
    assert ids == Counter(f"doc-{i}" for i in range(200))
    assert not [n for n in os.listdir(out) if ".tmp-" in n]


def test_cluster_run_rerun_skips_complete_shards(client, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [document(i) for i in range(60)])
    out = tmp_path / "out"
    first = run([str(path)], str(out), client=client, partition_size=10)
    assert (first.written, first.already) == (6, 0)
    shards = complete_shards(str(out))
    stamps = {s: os.stat(shard_path(str(out), s)).st_mtime_ns for s in shards}
    os.remove(shard_path(str(out), shards[2]))  # as if the run had stopped before this one
    again = run([str(path)], str(out), client=client, partition_size=10)
    assert (again.written, again.already, again.documents, again.new_documents) == (1, 5, 60, 10)
    assert complete_shards(str(out)) == shards
    assert all(os.stat(shard_path(str(out), s)).st_mtime_ns == stamps[s] for s in shards if s != shards[2])
    done = run([str(path)], str(out), partition_size=10)  # nothing left: no cluster is even started
    assert (done.written, done.already, done.documents, done.workers) == (0, 6, 60, 0)


def test_cluster_run_refuses_shards_of_other_inputs(client, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [document(i) for i in range(12)])
    out = tmp_path / "out"
    run([str(path)], str(out), client=client, partition_size=6)
    with pytest.raises(OutputConflictError, match="--partition-size"):
        run([str(path)], str(out), client=client, partition_size=4)


BAD_LINES = [
    (b"{not json", "bad-json"),
    (b'{"id": "no-text"}', "missing-text"),
    (b'{"id": "num", "text": 42}', "not-text"),
    (b'{"id": "blank", "text": "   "}', "empty"),
    (b'{"id": "bad-date", "text": "\\u201cHi,\\u201d she said.", "published": "the other day"}',
     "bad-published-date"),
    (b'"just a string"', "not-an-object"),
]


def test_cluster_run_bad_documents_are_error_rows_not_lost(client, tmp_path):
    good = [document(i) for i in range(30)]
    path = write_jsonl(tmp_path / "in.jsonl", good, [line for line, _ in BAD_LINES])
    summary = run([str(path), str(tmp_path / "missing.jsonl")], str(tmp_path / "out"), client=client,
                  partition_size=8)
    rows = _rows(tmp_path / "out")
    errors = [(r["origin"], r["error_reason"]) for r in rows if r["error_reason"]]
    expected = [(f"{path}:{31 + n}", reason) for n, (_, reason) in enumerate(BAD_LINES)]
    assert errors == expected + [(str(tmp_path / "missing.jsonl"), "not-found")]
    assert sorted(r["id"] for r in rows if not r["error_reason"]) == sorted(d["id"] for d in good)
    assert summary.documents == len(rows) == 30 + len(BAD_LINES) + 1
    assert summary.errors == dict(Counter(reason for _, reason in errors))
    items = list(read_shards(str(tmp_path / "out")))
    assert sum(1 for i in items if hasattr(i, "reason")) == len(errors)


def test_cluster_run_cli_against_a_running_scheduler(client, tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [document(i) for i in range(20)], [b"{oops"])
    out = tmp_path / "out"
    args = ["run", str(path), "--out", str(out), "--scheduler", client.scheduler.address,
            "--partition-size", "7", "--quiet"]
    result = CliRunner(mix_stderr=False).invoke(main, args)
    assert result.exit_code == 1, result.output  # one bad line: done, with an error row
    assert "dashboard" in result.stderr and "21 documents in 3 shards" in result.stderr
    assert len(complete_shards(str(out))) == 3
    again = CliRunner(mix_stderr=False).invoke(main, args)
    assert "0 written, 3 already complete" in again.stderr
    conflict = CliRunner(mix_stderr=False).invoke(main, args[:-3] + ["3"])
    assert conflict.exit_code == 2 and "other inputs" in conflict.stderr


def test_cluster_run_mixed_inputs_keep_their_origins_and_urls(client, tmp_path):
    from ingest_files import PARAGRAPHS, page, warc_record, write_warc

    write_warc(tmp_path / "crawl.warc.gz",
               [warc_record(f"https://example.org/{i}", page(f"Story {i}", PARAGRAPHS).encode("utf-8"))
                for i in range(2)], gz=True)
    folder = tmp_path / "texts"
    folder.mkdir()
    for i in range(3):
        (folder / f"t{i}.txt").write_text(document(i)["text"], encoding="utf-8")
    summary = run([str(tmp_path / "*.warc.gz"), str(folder)], str(tmp_path / "out"), client=client,
                  partition_size=2)
    rows = _rows(tmp_path / "out")
    assert (summary.shards, summary.documents, summary.errors) == (3, 5, {})
    assert [r["url"] for r in rows if r["url"]] == ["https://example.org/0", "https://example.org/1"]
    assert sorted(r["origin"] for r in rows if not r["url"]) == [str(folder / f"t{i}.txt") for i in range(3)]
    assert all(r["attributions"] for r in rows)


def test_cluster_run_document_over_budget_is_a_timeout_row(client, tmp_path):
    slow = {"id": "slow", "text": "Bob said the plan would work and " * 6000}
    path = write_jsonl(tmp_path / "in.jsonl", [document(0), slow, document(1)])
    summary = run([str(path)], str(tmp_path / "out"), client=client, partition_size=10, budget=0.3)
    rows = _rows(tmp_path / "out")
    assert [(r["id"], r["error_reason"]) for r in rows] == [("doc-0", None), ("slow", "timeout"),
                                                            ("doc-1", None)]
    assert summary.errors == {"timeout": 1}
