"""Ingest runs with the real engine: stored once, bad documents recorded, idempotent re-runs."""

from __future__ import annotations

from datetime import date

import pytest

from corpus_factory import article, said
from ingest_files import PARAGRAPHS, page, story, warc_record, write_jsonl, write_warc
from saidwhat.ingest import ingest
from saidwhat.store.corpus import Corpus


@pytest.fixture
def corpus():
    with Corpus(":memory:") as c:
        yield c


@pytest.fixture
def mixed(tmp_path):
    """A folder with every input kind, one bad document of each kind beside the good ones."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text("April 8, 2019\n" + story(1), encoding="utf-8")
    (d / "bad.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (d / "sub" / "b.html").write_text(page("Quay to open", PARAGRAPHS), encoding="utf-8")
    (d / "sub" / "bad.html").write_text("<html><body></body></html>", encoding="utf-8")
    write_jsonl(d / "c.jsonl", [{"id": "c1", "text": story(3), "published": "2020-02-03"}, "{oops",
                                {"id": "c2", "text": story(4), "published": "yesterday"}])
    write_jsonl(d / "d.jsonl.gz", [{"text": story(5), "url": "https://x.example/5"}], gz=True)
    write_warc(d / "e.warc.gz", [warc_record("https://ledger.example/fish", page("Fish", PARAGRAPHS[::-1]).encode())],
               gz=True)
    (d / "f.warc").write_bytes(b"garbage\n" * 30)
    return d


def test_ingest_every_kind_and_bad_documents_recorded(corpus, mixed):
    summary = ingest([str(mixed)], corpus)
    assert (summary.read, summary.added, summary.already) == (10, 5, 0)
    assert summary.error_reasons == {"bad-json": 1, "bad-published-date": 1, "bad-warc": 1, "no-main-text": 1,
                                     "not-utf8": 1}
    assert summary.errors == 5 and corpus.count("articles") == 5
    assert {e.reason for e in corpus.errors()} == set(summary.error_reasons)
    by_origin = {e.document.rsplit("/", 1)[-1]: e for e in corpus.errors()}
    assert "yesterday" in by_origin["c.jsonl:3"].message and "YYYY-MM-DD" in by_origin["c.jsonl:3"].message
    published = dict(corpus.conn.execute("SELECT doc_id, published FROM articles WHERE doc_id IS NOT NULL"))
    assert published["a"] == "2019-04-08"  # the dateline rule
    assert published["c1"] == "2020-02-03"


def test_ingest_again_adds_nothing(corpus, mixed):
    ingest([str(mixed)], corpus)
    before = {t: corpus.count(t) for t in ("articles", "attributions", "quotes", "speakers", "errors")}
    again = ingest([str(mixed)], corpus)
    assert (again.added, again.already) == (0, 5)
    assert {t: corpus.count(t) for t in before} == before


def test_ingest_duplicate_inside_one_input(corpus, tmp_path):
    p = write_jsonl(tmp_path / "d.jsonl", [{"text": story(1)}, {"text": "  " + story(1) + "\n"},
                                           {"text": story(2), "url": "https://x.example/2"},
                                           {"text": story(3), "url": "https://x.example/2#comments"}])
    s = ingest([str(p)], corpus)
    assert (s.added, s.already) == (2, 2)


def test_ingest_fixed_document_clears_its_error(corpus, tmp_path):
    p = tmp_path / "late.txt"
    p.write_bytes("Caf\xe9".encode("latin-1"))
    ingest([str(p)], corpus)
    assert [e.reason for e in corpus.errors()] == ["not-utf8"]
    p.write_text(story(9), encoding="utf-8")
    ingest([str(p)], corpus)
    assert corpus.errors() == [] and corpus.count("articles") == 1


def test_ingest_pre_extracted_records_skip_extraction(corpus, tmp_path, monkeypatch):
    import saidwhat.batch

    def boom(*a, **k):
        raise AssertionError("extraction must not run for pre-extracted records")

    monkeypatch.setattr(saidwhat.batch, "extract_one", boom)
    e = article([said("Mike Pompeo", "the sanctions stay in place for now")], url="https://x.example/p")
    record = dict(e.to_dict(), text=e.article.text, url=e.article.url)
    p = write_jsonl(tmp_path / "pre.jsonl", [record])
    s = ingest([str(p)], corpus)
    assert s.added == 1 and corpus.quotes(speaker="Pompeo")[0].content == "the sanctions stay in place for now"


def test_ingest_progress_reports(corpus, tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(story(i))
    seen = []
    ingest([str(tmp_path)], corpus, on_progress=seen.append)
    assert [p.documents for p in seen][-1] == 3
    assert seen[-1].bytes_read == seen[-1].bytes_total > 0


def test_ingest_extracts_with_the_engine(corpus, tmp_path):
    p = tmp_path / "quote.txt"
    p.write_text("April 8, 2019\n\u201cWe will finish the work by spring,\u201d said Mara Lind, the council leader.",
                 encoding="utf-8")
    ingest([str(p)], corpus)
    view = corpus.article(1)
    assert view.published == date(2019, 4, 8)
    # The engine is still changing; what it finds must at least point into the stored text.
    for a in view.attributions:
        for start, end in a.content_spans:
            assert a.content.startswith(view.text[start:end][:5])
