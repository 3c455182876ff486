"""Said on vs published on: every place a record's date is shown or exported says which it is."""

from __future__ import annotations

import csv
import io
import json
import warnings

import pytest
from click.testing import CliRunner
from corpus_factory import article, said

from saidwhat.cli import main
from saidwhat.store.corpus import Corpus
from saidwhat.web.data import Week
from saidwhat.web.timeline import MIN_SLOTS, chart


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.db"
    with Corpus(path) as c:
        c.add(article([said("Nadia Brook", "the harbour tunnel opens in spring", when="2021-03-02"),
                       said("Nadia Brook", "the ferries will keep running all winter")],
                      published="2021-03-04", source="Coast Post", title="Tunnel dates"))
    return str(path)


def run(*args):
    return CliRunner(mix_stderr=False).invoke(main, list(args), catch_exceptions=False)


def test_store_date_basis_in_corpus_quotes(db):
    with Corpus(db) as c:
        got = {q.content: (str(q.date), q.date_basis) for q in c.quotes()}
        view = c.article(1)
    assert got == {"the harbour tunnel opens in spring": ("2021-03-02", "said"),
                   "the ferries will keep running all winter": ("2021-03-04", "published")}
    assert [(str(a.date), a.date_basis) for a in view.attributions] == [("2021-03-02", "said"),
                                                                         ("2021-03-04", "published")]


def test_store_date_basis_cli_table_says_said_or_published(db):
    r = run("quotes", "--db", db)
    assert r.exit_code == 0, r.stderr
    assert "said 2021-03-02" in r.stdout and "pub. 2021-03-04" in r.stdout


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_store_date_basis_cli_quotes_export(db, fmt):
    out = run("quotes", "--db", db, "--format", fmt).stdout
    rows = list(csv.DictReader(io.StringIO(out))) if fmt == "csv" else [json.loads(x) for x in out.splitlines()]
    assert sorted((r["date"], r["date_basis"]) for r in rows) == [("2021-03-02", "said"), ("2021-03-04", "published")]


def test_store_date_basis_export_command(db, tmp_path):
    target = tmp_path / "all.csv"
    assert run("export", "--db", db, "--format", "csv", "-o", str(target)).exit_code == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert sorted((r["said"], r["date"], r["date_basis"]) for r in rows) == [
        ("", "2021-03-04", "published"), ("2021-03-02", "2021-03-02", "said")]


def test_store_date_basis_show_command(db):
    out = run("show", "1", "--db", db).stdout
    assert "said on 2021-03-02" in out and "published 2021-03-04" in out


@pytest.fixture
def web(db):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app

    with TestClient(create_app(db)) as client:
        yield client


def test_store_date_basis_web_pages_and_downloads(web):
    page = web.get("/search").text
    assert "said on 2021-03-02" in page and "published 2021-03-04" in page
    assert "said on 2021-03-04" not in page
    article = web.get("/articles/1").text
    assert "published 2021-03-04 (no date of saying found)" in article
    rows = list(csv.DictReader(io.StringIO(web.get("/search.csv").text)))
    assert sorted((r["date"], r["date_basis"]) for r in rows) == [("2021-03-02", "said"), ("2021-03-04", "published")]
    api = web.get("/api/search").json()["results"]
    assert {r["date_basis"] for r in api} == {"said", "published"}
    sid = api[0]["speaker_id"]
    weeks = web.get(f"/api/speakers/{sid}").json()["quotes_per_week"]
    assert [(w["said"], w["published"]) for w in weeks] == [(1, 1)]


def test_store_date_basis_chart_of_one_week_is_one_narrow_bar():
    c = chart([Week("2021-03-01", 3, 1)])
    [bar] = c.bars
    assert bar.width < (c.width - c.left) / MIN_SLOTS  # not a full-width block
    assert c.left < bar.x < c.width - bar.width  # inside the axis, not at its edge
    assert bar.said_height == pytest.approx(bar.height / 3, abs=0.01)
    assert [t.label for t in c.ticks] == ["2021-03-01"]


def test_store_date_basis_chart_of_ten_years_merges_weeks():
    weeks = [Week(f"{2010 + i // 52}-01-04", 1 + i % 3, i % 2) for i in range(520)]
    c = chart(weeks)
    assert len(c.bars) == 260 and all(b.weeks == 2 for b in c.bars)
    assert len(c.ticks) <= 9
