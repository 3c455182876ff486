"""quote_id as a string in every JSON form (CLI and HTTP), an integer in SQLite; one CSV writer,
guarded against spreadsheet formulas, in ``export``, ``quotes --format csv`` and the web download."""

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

FORMULA = "=HYPERLINK(\"http://x.example\", \"click\") is what the budget needs"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("ids") / "c.db")
    with Corpus(path) as c:
        c.add(article([said("Vera Holman", FORMULA), said("Omar Lind", "-5 percent is no cut at all")],
                      source="Ledger", url="https://ledger.example/a"))
        c.add(article([said("Vera Holman", "We will balance the books by the spring")], source="Ledger",
                      url="https://ledger.example/b"))
    return path


def run(*args):
    return CliRunner(mix_stderr=False).invoke(main, list(args), catch_exceptions=False)


def stored_ids(db):
    with Corpus(db) as c:
        return {r[0] for r in c.conn.execute("SELECT quote_id FROM attributions")}


def test_export_ids_are_integers_in_sqlite_and_large(db):
    ids = stored_ids(db)
    assert all(isinstance(i, int) for i in ids) and max(abs(i) for i in ids) > 2 ** 53


@pytest.mark.parametrize("args", [("quotes", "--format", "json"), ("quotes", "--format", "jsonl"),
                                  ("export", "--format", "jsonl")])
def test_export_ids_are_strings_in_cli_json(db, args):
    out = run(*args[:1], "--db", db, *args[1:]).stdout
    records = json.loads(out) if args[-1] == "json" else [json.loads(line) for line in out.splitlines()]
    assert records and all(isinstance(r["quote_id"], str) for r in records)
    assert {int(r["quote_id"]) for r in records} <= stored_ids(db)


def test_export_ids_are_strings_in_web_json(db):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app

    with TestClient(create_app(db)) as client:
        results = client.get("/api/search").json()["results"]
        assert results and all(isinstance(r["quote_id"], str) for r in results)
        article = client.get(f"/api/articles/{results[0]['article_id']}").json()["article"]
        assert all(isinstance(a["quote_id"], str) for a in article["attributions"])
        speaker = client.get(f"/api/speakers/{results[0]['speaker_id']}").json()
        assert all(isinstance(q["quote_id"], str) for q in speaker["latest"])
        lines = client.get("/search.jsonl").text.splitlines()
        assert all(isinstance(json.loads(line)["quote_id"], str) for line in lines)
        web_csv = list(csv.DictReader(io.StringIO(client.get("/search.csv").text)))
    assert {r["content"] for r in web_csv} >= {"'" + FORMULA, "'-5 percent is no cut at all"}


@pytest.mark.parametrize("args", [("export", "--format", "csv"), ("quotes", "--format", "csv")])
def test_export_csv_cells_never_start_a_formula(db, args):
    rows = list(csv.DictReader(io.StringIO(run(args[0], "--db", db, *args[1:]).stdout)))
    contents = {r["content"] for r in rows}
    assert "'" + FORMULA in contents and "'-5 percent is no cut at all" in contents
    assert "We will balance the books by the spring" in contents
    assert all(not r[c].startswith(("=", "+", "-", "@")) for r in rows for c in r if r[c])
