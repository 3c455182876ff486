"""Export: attributions joined with article and speaker, as JSON Lines, CSV and Parquet."""

from __future__ import annotations

import csv
import io
import json

import pytest

from corpus_factory import article, said
from saidwhat.export import COLUMNS, ExportError, export
from saidwhat.store.corpus import Corpus


@pytest.fixture
def corpus():
    with Corpus(":memory:") as c:
        c.add(article([said("Secretary of State Mike Pompeo", "sanctions stay, and that is final, he said"),
                       said("officials", "talks are stalled", type="unnamed", kind="indirect")],
                      source="Herald", url="https://herald.example/1", title="Talks stall"))
        c.add(article([said("Pompeo", "the door is open")], source="Wire", url="https://wire.example/1"))
        yield c


def test_export_jsonl(corpus):
    out = io.StringIO()
    assert export(corpus, "jsonl", out) == 3
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert list(rows[0]) == list(COLUMNS)
    assert [(r["speaker"], r["speaker_as_printed"], r["outlet"]) for r in rows] == [
        ("Mike Pompeo", "Secretary of State Mike Pompeo", "Herald"), ("officials", "officials", "Herald"),
        ("Mike Pompeo", "Pompeo", "Wire")]
    assert rows[0]["speaker_id"] == rows[2]["speaker_id"] and rows[1]["speaker_id"] is None
    assert rows[0]["title"] == "Talks stall" and rows[0]["source_chain"] == []


def test_export_csv_quotes_commas(corpus, tmp_path):
    path = tmp_path / "a.csv"
    assert export(corpus, "csv", path) == 3
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 3 and rows[0]["content"] == "sanctions stay, and that is final, he said"


def test_export_parquet(corpus, tmp_path):
    import pyarrow.parquet as pq

    path = tmp_path / "a.parquet"
    assert export(corpus, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3 and table.column_names == list(COLUMNS)
    assert table.column("outlet").to_pylist() == ["Herald", "Herald", "Wire"]


def test_export_empty_store_writes_header_only(tmp_path):
    with Corpus(":memory:") as c:
        path = tmp_path / "e.csv"
        assert export(c, "csv", path) == 0
        assert path.read_text().strip() == ",".join(COLUMNS)


@pytest.mark.parametrize("fmt, out, message", [
    ("xml", None, "expected one of jsonl"),
    ("parquet", None, "give a file name"),
])
def test_export_bad_requests(corpus, fmt, out, message):
    with pytest.raises(ExportError, match=message):
        export(corpus, fmt, out)
