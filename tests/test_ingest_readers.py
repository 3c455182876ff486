"""Readers: every input kind from files the test writes, and bad files of each kind."""

from __future__ import annotations

import gzip
import io

import pytest

from ingest_files import PARAGRAPHS, page, story, warc_record, write_jsonl, write_warc
from saidwhat.ingest import Document, DocumentError, Inputs


def read(paths, stdin=None):
    items = list(Inputs([str(p) for p in paths], stdin=stdin))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, DocumentError)]


def test_ingest_txt_keeps_text_and_dateline(tmp_path):
    p = tmp_path / "port.txt"
    p.write_text("March 4, 2021\n" + " ".join(PARAGRAPHS), encoding="utf-8")
    [doc], errors = read([p])
    assert errors == [] and doc.text.startswith("March 4, 2021\n") and doc.id == "port"
    assert doc.published is None  # the dateline is applied when the article is made


def test_ingest_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "quay.html"
    p.write_text(page("Quay to open", PARAGRAPHS), encoding="utf-8")
    [doc], errors = read([p])
    assert errors == []
    assert "Tomas Berg" in doc.text and "Home | Ports" not in doc.text and "rights reserved" not in doc.text
    assert (doc.title, doc.published, doc.source) == ("Quay to open", "2021-03-04", "Coast Ledger")


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_jsonl_records(tmp_path, gz):
    p = write_jsonl(tmp_path / ("d.jsonl.gz" if gz else "d.jsonl"), [
        {"id": "a", "text": story(1), "published": "2021-01-02", "url": "https://x.example/1", "title": "T",
         "source": "S"},
        {"text": story(2)},
    ], gz=gz)
    docs, errors = read([p])
    assert errors == []
    assert [(d.id, d.published, d.url, d.title, d.source) for d in docs] == [
        ("a", "2021-01-02", "https://x.example/1", "T", "S"), (None, None, None, None, None)]
    assert docs[1].origin.endswith(":2")


@pytest.mark.parametrize("gz", [False, True])
def test_ingest_warc_html_responses_only(tmp_path, gz):
    p = write_warc(tmp_path / ("c.warc.gz" if gz else "c.warc"), [
        warc_record("https://ledger.example/quay", page("Quay to open", PARAGRAPHS).encode()),
        warc_record("https://ledger.example/logo.png", b"\x89PNG....", "image/png"),
        warc_record("https://ledger.example/fish", page("Fishermen worry", PARAGRAPHS[::-1]).encode()),
    ], gz=gz)
    docs, errors = read([p])
    assert errors == []
    assert [d.url for d in docs] == ["https://ledger.example/quay", "https://ledger.example/fish"]
    assert docs[0].title == "Quay to open" and "Tomas Berg" in docs[0].text


def test_ingest_folder_recursive_and_other_files_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(story(1))
    (tmp_path / "a" / "b" / "two.txt").write_text(story(2))
    (tmp_path / "a" / "b" / "style.css").write_text("body {}")
    (tmp_path / "a" / ".hidden.txt").write_text(story(3))
    inputs = Inputs([str(tmp_path / "a")])
    docs = [d for d in inputs if isinstance(d, Document)]
    assert sorted(d.id for d in docs) == ["one", "two"] and inputs.skipped_files == 1


@pytest.mark.parametrize("data, ids", [
    (b'{"id": "s1", "text": "First story text."}\n{"id": "s2", "text": "Second story."}\n', ["s1", "s2"]),
    ("A plain article from standard input.".encode(), [None]),
    (page("Quay", PARAGRAPHS).encode(), [None]),
])
def test_ingest_stdin(data, ids):
    docs, errors = read(["-"], stdin=io.BytesIO(data))
    assert errors == [] and [d.id for d in docs] == ids


@pytest.mark.parametrize("name, content, reason", [
    ("latin.txt", "Caf\xe9 owners said prices rose.".encode("latin-1"), "not-utf8"),
    ("blank.txt", b"  \n\n", "empty"),
    ("empty.html", b"<html><head><title>Nothing</title></head><body><div></div></body></html>", "no-main-text"),
    ("broken.warc", b"this is not an archive\n" * 20, "bad-warc"),
    ("notes.md", b"# notes", "unsupported-format"),
])
def test_ingest_bad_files_become_errors(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    ok = tmp_path / "ok.txt"
    ok.write_text(story(1))
    docs, errors = read([p, ok])
    assert [e.reason for e in errors] == [reason] and str(p) in errors[0].origin
    assert [d.id for d in docs] == ["ok"]  # the batch goes on


def test_ingest_bad_jsonl_lines_become_errors(tmp_path):
    p = write_jsonl(tmp_path / "d.jsonl", [
        {"text": story(1)}, "{not json", "[1, 2]", {"text": 7}, {"title": "no text"}, {"text": "   "},
        {"text": story(2)}])
    (tmp_path / "d.jsonl").write_bytes(p.read_bytes() + b"\xff\xfe\n")
    docs, errors = read([p])
    assert len(docs) == 2
    assert [(e.origin.rsplit(":", 1)[1], e.reason) for e in errors] == [
        ("2", "bad-json"), ("3", "not-an-object"), ("4", "not-text"), ("5", "missing-text"), ("6", "empty"),
        ("8", "not-utf8")]


def test_ingest_truncated_gzip_keeps_lines_before(tmp_path):
    data = gzip.compress("".join(f'{{"text": "{story(i)}"}}\n' for i in range(200)).encode())
    p = tmp_path / "cut.jsonl.gz"
    p.write_bytes(data[: len(data) // 2])
    docs, errors = read([p])
    assert 0 < len(docs) < 200 and [e.reason for e in errors] == ["bad-gzip"]


def test_ingest_warc_cut_short_keeps_records_before(tmp_path):
    good = warc_record("https://ledger.example/quay", page("Quay to open", PARAGRAPHS).encode())
    p = write_warc(tmp_path / "cut.warc", [good, good.replace(b"quay", b"pier")[:200]])
    docs, errors = read([p])
    assert [d.url for d in docs] == ["https://ledger.example/quay"]


def test_ingest_missing_path_is_an_error(tmp_path):
    docs, errors = read([tmp_path / "nowhere.txt"])
    assert docs == [] and [e.reason for e in errors] == ["not-found"]


def test_ingest_progress_position_reaches_total(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(story(i))
    inputs = Inputs([str(tmp_path)])
    list(inputs)
    assert inputs.position == inputs.total_bytes > 0
