"""extract_many: one result per input in input order, a typed error per bad document, never a stop."""

from __future__ import annotations

import pytest

from saidwhat.batch import BatchSummary, DocumentError, Extractor, InputDocument, extract_many
from saidwhat.model import Article, Extraction

GOOD = 'The mayor said on Monday that the bridge "will reopen in May."'


@pytest.mark.parametrize("item, reason", [
    ({"id": "b", "text": b"bytes, not text"}, "not-text"),
    ({"id": "n", "text": None}, "not-text"),
    ({"id": "i", "text": 42}, "not-text"),
    ({"id": "l", "text": ["a", "list"]}, "not-text"),
    ({"id": "m"}, "missing-text"),
    ({"id": "d", "text": GOOD, "published": "yesterday"}, "bad-published-date"),
    ({"id": "d2", "text": GOOD, "published": "2019-02-30"}, "bad-published-date"),
    ({"id": "d3", "text": GOOD, "published": 20190401}, "bad-published-date"),
    (["not", "a", "mapping"], "not-an-object"),
    (7, "not-an-object"),
])
def test_batch_bad_document_gives_typed_error(item, reason):
    (result,) = list(extract_many([item]))
    assert isinstance(result, DocumentError)
    assert result.reason == reason
    assert result.message and result.index == 0


@pytest.mark.parametrize("text", [
    "",
    "   \n\n  ",
    '"',
    '""""""""',
    '“”“”‘’',
    'He said "this never closes.',
    'She said this never opens."',
    '“Nested “quotes” without an end, said the minister.',
    "’Tis the season, said nobody in particular’",
])
def test_batch_odd_text_gives_extraction(text):
    (result,) = list(extract_many([{"id": "x", "text": text}]))
    assert isinstance(result, Extraction)
    assert result.article.text == text


def test_batch_empty_text_gives_empty_result():
    (result,) = list(extract_many([{"id": "e", "text": ""}]))
    assert isinstance(result, Extraction)
    assert result.attributions == () and result.speakers == () and result.time_expressions == ()


def test_batch_one_bad_document_does_not_stop_the_batch():
    docs = [{"id": "1", "text": GOOD}, {"id": "2"}, {"id": "3", "text": b"\xff"},
            {"id": "4", "text": GOOD, "published": "2019-04-08"}]
    results = list(extract_many(docs))
    assert [type(r).__name__ for r in results] == ["Extraction", "DocumentError", "DocumentError",
                                                   "Extraction"]
    assert [r.id if isinstance(r, Extraction) else r.document for r in results] == ["1", "2", "3", "4"]
    assert results[3].article.published.isoformat() == "2019-04-08"


@pytest.mark.parametrize("item, expected_id", [
    ({"text": GOOD}, "1"),  # position, 1-based, when there is no id and no line
    ({"id": 17, "text": GOOD}, "17"),
    ({"id": "", "text": GOOD}, "1"),
    (InputDocument({"text": GOOD}, line=12), "12"),
    (Article(text=GOOD, id="art"), "art"),
])
def test_batch_document_id(item, expected_id):
    (result,) = list(extract_many([item]))
    assert result.id == expected_id


def test_batch_accepts_plain_strings_and_passes_errors_through():
    error = DocumentError(None, "bad-json", "line is not JSON", line=3)
    results = list(extract_many([GOOD, error, GOOD]))
    assert isinstance(results[0], Extraction) and results[0].article.text == GOOD
    assert results[1] is error
    assert isinstance(results[2], Extraction)


def test_batch_published_and_metadata_reach_the_article():
    doc = {"id": "a", "text": GOOD, "published": "2019-04-08T10:00:00Z", "title": "Bridge",
           "url": "https://example.org/a", "source": "Example Daily", "extra": [1, 2]}
    (result,) = list(extract_many([doc]))
    assert result.article.published.isoformat() == "2019-04-08"
    assert (result.article.title, result.article.url, result.article.source) == (
        "Bridge", "https://example.org/a", "Example Daily")


def test_batch_engine_failure_is_one_documents_error(monkeypatch):
    import saidwhat.pipeline as pipeline

    real = pipeline.extract_article

    def flaky(article, **options):
        if "boom" in article.text:
            raise RuntimeError("engine bug")
        return real(article, **options)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    results = list(extract_many([GOOD, "boom", GOOD]))
    assert isinstance(results[1], DocumentError)
    assert results[1].reason == "extraction-failed" and "engine bug" in results[1].message
    assert isinstance(results[0], Extraction) and isinstance(results[2], Extraction)


def _five_megabytes(filler_paragraphs: int) -> str:
    paragraph = ("The committee met again to review the budget for the coming year. "
                 "Members went through the figures line by line before the break. ")
    quote = '“We will not sign this,” the chair said on Tuesday. Officials said talks would go on.\n\n'
    block = (paragraph * 6 + "\n\n") * filler_paragraphs + quote
    text = block * (5_000_000 // len(block) + 1)
    assert len(text.encode("utf-8")) >= 5_000_000
    return text


def _check_big(text):
    # No time budget: the default (a few seconds) ends a document this size as a timeout, which is
    # tested apart (test_robustness_limits); here the engine itself must get through it.
    (result,) = list(extract_many([{"id": "big", "text": text}], budget=0))
    assert isinstance(result, Extraction), getattr(result, "message", "")
    assert result.attributions, "the quotes spread through the article are found"
    for a in result.attributions:
        assert 0 <= a.content_span[0] <= a.content_span[1] <= len(text)


def test_batch_five_megabyte_article_gives_extraction():
    # Longer than spaCy's max_length (1,000,000 characters): the engine must not parse it whole.
    _check_big(_five_megabytes(filler_paragraphs=400))


@pytest.mark.slow
def test_batch_five_megabyte_article_dense_with_quotes():
    _check_big(_five_megabytes(filler_paragraphs=10))


def test_batch_summary_counts_by_reason():
    summary = BatchSummary()
    for r in extract_many([GOOD, {"id": "x"}, {"id": "y"}, {"text": 1}]):
        summary.add(r)
    assert (summary.documents, summary.extracted, summary.skipped_total) == (4, 1, 3)
    assert summary.skipped == {"missing-text": 2, "not-text": 1}
    assert "4 documents, 1 extracted" in summary.describe()
    assert "2 missing-text" in summary.describe()


def test_batch_reads_input_lazily_with_bounded_window():
    consumed = []

    def stream():
        for i in range(1000):
            consumed.append(i)
            yield {"id": str(i), "text": GOOD}

    results = Extractor(workers=1).map(stream())
    next(results)
    assert len(consumed) == 1  # single process: one document at a time


def test_batch_rejects_zero_workers():
    with pytest.raises(ValueError, match="workers"):
        Extractor(workers=0)


def test_batch_document_error_where_names_the_document():
    assert DocumentError("a1", "not-text", "m", line=4).where == "document 'a1' (line 4)"
    assert DocumentError(None, "bad-json", "m", line=9).where == "line 9"
    assert DocumentError(None, "not-an-object", "m", index=2).where == "document #3"
