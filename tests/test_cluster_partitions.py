"""Planning partitions: every input document in exactly one partition, names stable, bad inputs kept."""

from __future__ import annotations

import gzip
import json
from collections import Counter

import pytest

from cluster_factory import document, write_jsonl
from saidwhat.cluster import plan, read_partition
from saidwhat.read.documents import Document, DocumentError


def _origins(the_plan):
    return [item.origin for p in the_plan.partitions for item in read_partition(p)]


@pytest.mark.parametrize("n_docs,size,expected_parts", [
    (0, 4, 0),  # an empty file has no partition (so no empty shard)
    (1, 4, 1),
    (4, 4, 1),  # exactly one full partition: none starts at the end of the file
    (5, 4, 2),
    (23, 5, 5),
    (23, 1, 23),
])
def test_cluster_partitions_jsonl_lines_split_once(tmp_path, n_docs, size, expected_parts):
    path = write_jsonl(tmp_path / "a.jsonl", [document(i) for i in range(n_docs)])
    the_plan = plan([str(path)], size)
    assert len(the_plan.partitions) == expected_parts
    origins = _origins(the_plan)
    assert origins == [f"{path}:{i}" for i in range(1, n_docs + 1)]


@pytest.mark.parametrize("gz", [False, True])
def test_cluster_partitions_line_numbers_count_blank_and_bad_lines(tmp_path, gz):
    lines = [json.dumps(document(0)), "", "not json", json.dumps(document(1)), "[1]",
             json.dumps(document(2)), json.dumps({"id": "x", "text": ""})]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path = tmp_path / ("b.jsonl.gz" if gz else "b.jsonl")
    path.write_bytes(gzip.compress(data) if gz else data)
    items = [i for p in plan([str(path)], 2).partitions for i in read_partition(p)]
    got = [(i.origin.rsplit(":", 1)[1], type(i).__name__, getattr(i, "reason", None)) for i in items]
    assert got == [("1", "Document", None), ("3", "DocumentError", "bad-json"), ("4", "Document", None),
                   ("5", "DocumentError", "not-an-object"), ("6", "Document", None),
                   ("7", "DocumentError", "empty")]


def test_cluster_partitions_without_final_newline(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(document(i)) for i in range(7)), encoding="utf-8")
    assert _origins(plan([str(path)], 3)) == [f"{path}:{i}" for i in range(1, 8)]


def test_cluster_partitions_folders_globs_and_missing_inputs(tmp_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    for i in range(5):
        (folder / f"t{i}.txt").write_text(document(i)["text"], encoding="utf-8")
    (folder / "sub" / "p.html").write_text("<html><body>" + "".join(f"<p>{document(i)['text']}</p>" for i in range(6, 9))
                                           + "</body></html>",
                                           encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    write_jsonl(tmp_path / "g1.jsonl", [document(1)])
    write_jsonl(tmp_path / "g2.jsonl", [document(2)])
    the_plan = plan([str(folder), str(tmp_path / "g*.jsonl"), str(tmp_path / "none-*.jsonl"),
                     str(tmp_path / "missing.jsonl"), "-"], 2)
    kinds = Counter(p.kind for p in the_plan.partitions)
    assert kinds == {"files": 3, "jsonl": 2, "errors": 1}
    assert the_plan.skipped_files == 1
    items = [i for p in the_plan.partitions for i in read_partition(p)]
    errors = {i.origin: i.reason for i in items if isinstance(i, DocumentError)}
    assert errors == {str(tmp_path / "none-*.jsonl"): "not-found",
                      str(tmp_path / "missing.jsonl"): "not-found", "-": "unsupported-format"}
    docs = [i for i in items if isinstance(i, Document)]
    assert len(docs) == 8
    assert {d.origin for d in docs} >= {str(folder / "t0.txt"), str(folder / "sub" / "p.html")}


def test_cluster_partitions_names_are_stable_and_depend_on_the_input(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [document(i) for i in range(10)])
    first = [p.shard for p in plan([str(path)], 3).partitions]
    assert first == [p.shard for p in plan([str(path)], 3).partitions]
    assert len(set(first)) == len(first)
    assert set(first).isdisjoint(p.shard for p in plan([str(path)], 4).partitions)
    write_jsonl(path, [document(i) for i in range(11)])
    assert first[0] != plan([str(path)], 3).partitions[0].shard  # a changed file is new work


def test_cluster_partitions_reject_a_zero_size(tmp_path):
    with pytest.raises(ValueError):
        plan([str(tmp_path)], 0)


@pytest.mark.parametrize("gz", [False, True])
def test_cluster_partitions_warc_is_one_partition_of_its_html_pages(tmp_path, gz):
    from ingest_files import PARAGRAPHS, page, warc_record, write_warc

    records = [warc_record(f"https://example.org/{i}", page(f"Story {i}", PARAGRAPHS).encode("utf-8"))
               for i in range(3)]
    records.insert(1, warc_record("https://example.org/logo.png", b"\x89PNG", "image/png"))
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), records, gz=gz)
    (part,) = plan([str(path)], 2).partitions  # records are not split, whatever the size
    items = list(read_partition(part))
    assert [type(i) for i in items] == [Document] * 3
    assert [i.url for i in items] == [f"https://example.org/{i}" for i in range(3)]
    assert all(i.origin.startswith(f"{path}#") for i in items)
