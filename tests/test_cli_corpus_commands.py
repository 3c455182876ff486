"""The corpus commands through the real entry point (click's CliRunner on saidwhat.cli.main)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from corpus_factory import article, said
from ingest_files import story, write_jsonl
from saidwhat.cli import main
from saidwhat.store.corpus import Corpus


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.db"
    with Corpus(path) as c:
        for n, outlet in enumerate(["Herald", "Wire"]):
            c.add(article([said("Mike Pompeo", "we will keep the sanctions until the program ends", role="Secretary of State"),
                           said("officials", "a deal is far off", type="unnamed", kind="indirect")],
                          published=f"2019-04-0{n + 8}", source=outlet, url=f"https://{outlet.lower()}.example/1"))
        c.record_errors([("broken.txt", "not-utf8", "the file is not UTF-8 text")])
    return str(path)


def run(*args, input=None):
    return CliRunner(mix_stderr=False).invoke(main, list(args), input=input, catch_exceptions=False)


def test_cli_corpus_ingest_summary_and_errors(tmp_path):
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": story(1)}, "{bad", {"id": "b", "text": story(2)}])
    db = str(tmp_path / "n.db")
    r = run("ingest", str(src), "--db", db, "--quiet")
    assert r.exit_code == 1  # finished, but a document was skipped
    assert "3 read, 2 added, 0 already stored, 1 errors (bad-json: 1)" in r.stderr
    again = run("ingest", str(src), "--db", db, "-q")
    assert "0 added, 2 already stored" in again.stderr
    errs = run("errors", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["reason"] for line in errs.stdout.splitlines()] == ["bad-json"]


def test_cli_corpus_ingest_stdin_with_progress(tmp_path):
    db = str(tmp_path / "s.db")
    r = run("ingest", "-", "--db", db, input=json.dumps({"text": story(4)}) + "\n")
    assert r.exit_code == 0 and "1 added" in r.stderr and "docs/s" in r.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table"])
def test_cli_corpus_quotes_formats(db, fmt):
    r = run("quotes", "--db", db, "--speaker", "Pompeo", "--about", "sanctions", "--since", "2019-04-01",
            "--until", "2019-04-30", "--format", fmt)
    assert r.exit_code == 0, r.stderr
    if fmt == "json":
        [q] = json.loads(r.stdout)
        assert (q["occurrences"], q["outlets"], q["speaker"]) == (2, ["Herald", "Wire"], "Mike Pompeo")
    elif fmt == "jsonl":
        assert [json.loads(line)["occurrences"] for line in r.stdout.splitlines()] == [2]
    elif fmt == "csv":
        [row] = list(csv.DictReader(io.StringIO(r.stdout)))
        assert row["outlets"] == "Herald; Wire" and row["occurrences"] == "2"
    else:
        assert "Pompeo" in r.stdout and "2×" in r.stdout


@pytest.mark.parametrize("args, count", [
    (["--source-type", "unnamed"], 1), (["--kind", "direct"], 1), (["--outlet", "wire"], 2),
    (["--until", "2019-01-01"], 0), (["--limit", "1"], 1), (["--about", "unicorns"], 0),
])
def test_cli_corpus_quotes_options(db, args, count):
    r = run("quotes", "--db", db, "--format", "jsonl", *args)
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == count


@pytest.mark.parametrize("args, message", [
    (["--since", "soon"], "expected YYYY-MM-DD"), (["--kind", "sung"], "Invalid value"),
])
def test_cli_corpus_quotes_bad_options(db, args, message):
    r = run("quotes", "--db", db, *args)
    assert r.exit_code == 2 and message in r.stderr


def test_cli_corpus_speakers_show_stats(db):
    sp = json.loads(run("speakers", "--db", db, "--format", "json").stdout)
    assert [(s["name"], s["quotes"]) for s in sp] == [("Mike Pompeo", 2)]
    assert sp[0]["roles"][0]["role"] == "Secretary of State"
    shown = run("show", "1", "--db", db)
    assert shown.exit_code == 0 and "we will keep the sanctions" in shown.stdout and "[2] officials" in shown.stdout
    assert json.loads(run("show", "https://wire.example/1", "--db", db, "--format", "json").stdout)["outlet"] == "Wire"
    missing = run("show", "99", "--db", db)
    assert missing.exit_code == 2 and "no article '99'" in missing.stderr
    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert (stats["articles"], stats["quotes_printed_more_than_once"], stats["errors"]) == (2, 2, {"not-utf8": 1})
    assert "articles: 2" in run("stats", "--db", db).stdout


def test_cli_corpus_export(db, tmp_path):
    out = tmp_path / "x.parquet"
    r = run("export", "--db", db, "--format", "parquet", "-o", str(out))
    assert r.exit_code == 0 and "4 attributions" in r.stderr and out.stat().st_size > 0
    lines = run("export", "--db", db).stdout.splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["outlet"] == "Herald"
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2


def test_cli_corpus_read_commands_need_a_store(tmp_path):
    r = run("quotes", "--db", str(tmp_path / "none.db"))
    assert r.exit_code == 2 and "no store" in r.stderr and not (tmp_path / "none.db").exists()


def test_cli_corpus_quotes_table_has_article_id_and_room_for_the_quote(tmp_path):
    db = str(tmp_path / "w.db")
    content = "the harbour tunnel opens in spring and the ferries will keep running all winter"
    with Corpus(db) as c:
        aid = c.add(article([said("Nadia Brook", content)], source="Coast Post"))
    r = CliRunner(mix_stderr=False, env={"COLUMNS": "80"}).invoke(main, ["quotes", "--db", db])
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if "Nadia Brook" in line)
    assert row.split()[0] == str(aid)  # the id `saidwhat show` takes
    assert "the harbour tunnel opens in spring and" in row  # the quote column gets 38+ characters
