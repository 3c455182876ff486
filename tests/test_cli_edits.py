"""``saidwhat edits`` and ``ingest --reextract`` through the real entry point: corrections are kept."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from saidwhat.cli import main
from saidwhat.store.corpus import Corpus

TEXT = ("March 4, 2021\n\n"
        "The harbour tunnel will open in spring, Mayor Ines Duarte said on Tuesday.\n\n"
        "\u201cThe ferries will keep running all winter,\u201d said Tom Reyes, who runs the ferry company.\n")


def run(*args):
    return CliRunner(mix_stderr=False).invoke(main, list(args), catch_exceptions=False)


def test_cli_edits_kept_across_reextract_and_exported(tmp_path):
    src = tmp_path / "tunnel.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "e.db")
    assert run("ingest", str(src), "--db", db, "-q").exit_code == 0
    with Corpus(db) as c:
        [q] = c.quotes(about="ferries")
        assert q.speaker == "Tom Reyes"
        c.correct(q.attribution_id, "speaker", {"name": "Ines Duarte"}, "Ana")
    again = run("ingest", str(src), "--db", db, "-q", "--reextract")
    assert again.exit_code == 0 and "1 re-extracted" in again.stderr, again.stderr
    with Corpus(db) as c:
        [after] = c.quotes(about="ferries")
    assert (after.speaker, after.corrected) == ("Ines Duarte", ("speaker",))
    log = list(csv.DictReader(io.StringIO(run("edits", "--db", db, "--format", "csv").stdout)))
    assert [(e["action"], e["editor"], e["status"], e["attribution_id"]) for e in log] == [
        ("speaker", "Ana", "applied", str(after.attribution_id))]
    assert json.loads(log[0]["old_value"])["name"] == "Tom Reyes"
    table = run("edits", "--db", db).stdout
    assert "1 edits" in table and "Ana" in table and "speaker" in table
    # The export says which values were corrected.
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", db, "--format", "csv").stdout)))
    ferries = next(r for r in rows if "ferries" in r["content"])
    assert (ferries["speaker"], ferries["corrected"]) == ("Ines Duarte", "speaker")
    assert {r["corrected"] for r in rows if r is not ferries} == {""}


def test_cli_edits_orphaned_when_the_new_text_lacks_the_record(tmp_path):
    src = tmp_path / "tunnel.jsonl"
    url = "https://coast.example/tunnel"
    src.write_text(json.dumps({"url": url, "text": TEXT}) + "\n", encoding="utf-8")
    db = str(tmp_path / "o.db")
    run("ingest", str(src), "--db", db, "-q")
    with Corpus(db) as c:
        [q] = c.quotes(about="ferries")
        c.correct(q.attribution_id, "verdict", "wrong", "Ana")
    # The page changed at the same address: the ferries quote is gone from it.
    src.write_text(json.dumps({"url": url, "text": TEXT.split("\n\n\u201c")[0] + "\n"}) + "\n", encoding="utf-8")
    r = run("ingest", str(src), "--db", db, "-q", "--reextract")
    assert r.exit_code == 0 and "1 corrections lost their record" in r.stderr, r.stderr
    [e] = [json.loads(x) for x in run("edits", "--db", db, "--status", "orphaned", "--format", "jsonl").stdout.splitlines()]
    assert (e["action"], e["new_value"], e["attribution_id"]) == ("verdict", "wrong", None)


def test_cli_edits_quotes_filter_by_review_and_confidence(tmp_path):
    src = tmp_path / "tunnel.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "f.db")
    run("ingest", str(src), "--db", db, "-q")
    with Corpus(db) as c:
        [q] = c.quotes(about="ferries")
        c.correct(q.attribution_id, "verdict", "right", "Ana")
    right = [json.loads(x) for x in run("quotes", "--db", db, "--review", "right", "--format", "jsonl").stdout.splitlines()]
    assert [r["content"] for r in right] == [q.content]
    unchecked = run("quotes", "--db", db, "--review", "unchecked", "--format", "jsonl").stdout.splitlines()
    assert q.content not in "".join(unchecked)
    low = [json.loads(x) for x in run("quotes", "--db", db, "--confidence", "low", "--format", "jsonl").stdout.splitlines()]
    assert all(r["low_confidence"] for r in low)
