"""Pages that are no article, and articles not in English, are recorded errors with their reason."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ingest_files import PARAGRAPHS, page, story
from saidwhat.cli import main

FRENCH = [
    "Le conseil municipal de Brévent a annoncé mardi que le nouveau pont serait ouvert avant l'été, "
    "après deux ans de travaux sur la rive gauche.",
    "« Nous attendons les premiers cyclistes dans quelques semaines », a déclaré Claire Dumas, la "
    "directrice des travaux, devant les habitants du quartier.",
    "Les commerçants se disent inquiets du bruit du chantier pendant la nuit et demandent des horaires "
    "plus stricts à la mairie.",
]
GERMAN = ("Der Stadtrat von Wehlen teilte am Dienstag mit, dass die neue Brücke noch vor dem Sommer "
          "eröffnet werde. „Wir erwarten die ersten Radfahrer in wenigen Wochen“, sagte die Bauleiterin "
          "Clara Dom vor Anwohnern. Die Händler sorgen sich um den Lärm der Baustelle in der Nacht.")


def run(*args):
    return CliRunner(mix_stderr=False).invoke(main, list(args), catch_exceptions=False)


def test_read_not_articles_recorded_with_reasons(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "caption.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav><figure><img src='a.jpg'></figure>"
        "<p>The mayor opens the new bridge over the river Wehle on a sunny morning in June.</p>"
        "</body></html>", encoding="utf-8")
    links = "".join(f"<p><a href='/s{i}'>Council story number {i} about the bridge and the river</a> - "
                    "updated</p>" for i in range(30))
    (d / "links.html").write_text(f"<html><body><article><h1>Latest</h1>{links}</article></body></html>",
                                  encoding="utf-8")
    (d / "french.html").write_text(page("Le pont ouvrira avant l'été", FRENCH, site="Le Courrier"),
                                   encoding="utf-8")
    (d / "german.txt").write_text(GERMAN, encoding="utf-8")
    (d / "good.html").write_text(page("Quay to open", PARAGRAPHS), encoding="utf-8")
    (d / "good.txt").write_text(story(1), encoding="utf-8")
    db = str(tmp_path / "c.db")
    result = run("ingest", str(d), "--db", db, "-q")
    assert result.exit_code == 1 and "2 added" in result.stderr
    errors = {e["document"].rsplit("/", 1)[1]: e for e in
              map(json.loads, run("errors", "--db", db, "--format", "jsonl").stdout.splitlines())}
    assert {k: e["reason"] for k, e in errors.items()} == {
        "caption.html": "not-an-article", "links.html": "not-an-article",
        "french.html": "not-english", "german.txt": "not-english"}
    assert "characters" in errors["caption.html"]["message"]
    assert "link" in errors["links.html"]["message"]
    assert "French (fr)" in errors["french.html"]["message"]
    assert "German (de)" in errors["german.txt"]["message"]
    table = run("errors", "--db", db, "--reason", "not-english")
    assert "French" in table.stdout and "caption" not in table.stdout


def test_read_not_articles_short_english_texts_are_not_judged(tmp_path):
    """A short text is stored whatever an identifier would guess for it: too little to tell."""
    src = tmp_path / "short.jsonl"
    src.write_text(json.dumps({"id": "s", "text": "“Ja,” said Olle Berg."}) + "\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert run("ingest", str(src), "--db", db, "-q").exit_code == 0


def test_read_not_articles_extract_names_the_language(tmp_path):
    (tmp_path / "german.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = run("extract", "--format", "json", str(tmp_path / "german.txt"), str(tmp_path / "empty.txt"))
    assert result.exit_code == 1 and "German (de)" in result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == [str(tmp_path / "empty.txt")]


def test_read_not_articles_extract_jsonl_skips_other_languages(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "de", "text": GERMAN}) + "\n" + json.dumps({"id": "en", "text": story(2)})
                   + "\n", encoding="utf-8")
    result = run("extract", "--jsonl", str(src))
    assert "1 skipped (1 not-english)" in result.stderr and "German (de)" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["en"]
