"""``saidwhat.Corpus`` from Python: the README's example runs as written; limits explicit; dates as dates."""

from __future__ import annotations

import doctest
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_factory import article, said
from ingest_files import PARAGRAPHS, page
from saidwhat import Corpus
from saidwhat.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_corpus_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return next(b for b in blocks if "Corpus(" in b)


def test_corpus_api_readme_example_runs(tmp_path, monkeypatch):
    pytest.importorskip("pandas")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.html").write_text(page("Quay to open", PARAGRAPHS), encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(main, ["ingest", "page.html", "--db", "news.db", "-q"])
    assert result.exit_code == 0, result.stderr
    test = doctest.DocTestParser().get_doctest(readme_corpus_example(), {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    summary = runner.summarize(verbose=False)
    assert summary.attempted >= 6 and summary.failed == 0


def test_corpus_api_no_silent_limit_and_dates_are_dates(tmp_path):
    with Corpus(str(tmp_path / "c.db")) as corpus:
        for n in range(60):
            corpus.add(article([said("Mara Lind", f"the bridge will be ready in week {n}")],
                               published=f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}", url=f"https://x.example/{n}"))
        everything = corpus.quotes()
        assert len(everything) == 60  # no silent stop at 50
        assert len(corpus.quotes(limit=7)) == 7
        assert all(isinstance(q.date, date) and isinstance(q.first_seen, date) for q in everything)
        assert everything[0].date == date(2021, 3, 4)  # newest first
        assert everything[0].to_dict()["date"] == "2021-03-04"  # JSON keeps ISO text
        [speaker] = corpus.speakers()
        assert (speaker.first_date, speaker.last_date) == (date(2021, 1, 1), date(2021, 3, 4))
        view = corpus.article(1)
        assert isinstance(view.published, date) and all(isinstance(a.date, date) for a in view.attributions)
        assert all(isinstance(o.published, date) for o in corpus.occurrences(everything[0].quote_id))
