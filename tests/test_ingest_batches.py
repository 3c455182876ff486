"""Ingest commits in batches: how many documents each transaction holds, by default and when given."""

from __future__ import annotations

import pytest

from corpus_factory import article, said
from fake_engine import fake_extract_article
from ingest_files import story, write_jsonl
from saidwhat.ingest import run as ingest_run
from saidwhat.store.corpus import Corpus


class _FakeExtractor:
    """Extracts with the stand-in engine, in this process (batch sizes are what is tested here)."""

    def __init__(self, workers: int = 1, budget=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def extract(self, articles):
        return [fake_extract_article(a) for a in articles]


def _pre_extracted(i: int) -> dict:
    e = article([said("Nora Vik", f"the pier number {i} reopens after the winter storms")],
                url=f"https://pier.example/{i}")
    return dict(e.to_dict(), text=e.article.text, url=e.article.url)


@pytest.mark.parametrize("pre, plain, batch_size, expected", [
    (1100, 0, None, [500, 500, 100]),  # pre-extracted: 500 to a commit by default
    (0, 120, None, [50, 50, 20]),  # to extract: 50 to a commit by default
    (480, 60, None, [500, 40]),  # mixed: whichever limit comes first (here 500 in all)
    (30, 0, 7, [7, 7, 7, 7, 2]),  # a given size holds for every kind
    (0, 9, 4, [4, 4, 1]),
    (0, 0, None, []),  # nothing read: nothing committed
])
def test_ingest_batches_commit_sizes(tmp_path, monkeypatch, pre, plain, batch_size, expected):
    monkeypatch.setattr(ingest_run, "ArticleExtractor", _FakeExtractor)
    lines = [_pre_extracted(i) for i in range(pre)] + [{"id": f"t{i}", "text": story(i)} for i in range(plain)]
    path = write_jsonl(tmp_path / "in.jsonl", lines)
    sizes = []
    with Corpus() as corpus:
        real = corpus.write_batch

        def spy(items, errors=()):
            errors = list(errors)
            sizes.append(len(items) + len(errors))
            return real(items, errors)

        monkeypatch.setattr(corpus, "write_batch", spy)
        summary = ingest_run.ingest([str(path)], corpus, batch_size=batch_size)
        assert summary.added == corpus.count("articles") == pre + plain
    assert sizes == expected
