"""Every reader failure is a recorded per-document error, through ``saidwhat ingest`` and ``extract``.

Lone surrogates, JSON nested too deep, dangling symbolic links and link loops inside a folder, a
cut-short web archive, pages past the size limit: each becomes an error naming the document, and the
documents beside it are stored.
"""

from __future__ import annotations

import json
import os

from click.testing import CliRunner

from ingest_files import PARAGRAPHS, page, story, warc_record, write_warc
from saidwhat.cli import main
from saidwhat.read.limits import MAX_FILE_BYTES, MAX_MARKUP_BYTES
from saidwhat.store.corpus import Corpus


def run(*args, input=None):
    return CliRunner(mix_stderr=False).invoke(main, list(args), input=input, catch_exceptions=False)


def ingest_and_errors(tmp_path, *paths):
    """Ingest ``paths`` into a new store; the errors it recorded by file name, and the stored doc ids."""
    db = str(tmp_path / "c.db")
    result = run("ingest", *map(str, paths), "--db", db, "--quiet")
    errs = run("errors", "--db", db, "--format", "jsonl")
    found = {os.path.basename(e["document"]): e for e in map(json.loads, errs.stdout.splitlines())}
    with Corpus(db) as c:
        stored = sorted(r[0] or "" for r in c.conn.execute("SELECT doc_id FROM articles"))
    return result, found, stored


def test_read_failures_lone_surrogate_in_json_is_replaced_and_the_article_kept(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_bytes(b'{"id": "s", "text": "\\ud800 \\u201cHi there, everyone,\\u201d said Ann Lee."}\n'
                    + json.dumps({"id": "ok", "text": story(1)}).encode() + b"\n")
    result, errors, stored = ingest_and_errors(tmp_path, src)
    assert result.exit_code == 0 and errors == {} and stored == ["ok", "s"]
    with Corpus(str(tmp_path / "c.db")) as c:
        (text,) = c.conn.execute("SELECT text FROM articles WHERE doc_id = 's'").fetchone()
        speakers = [r[0] for r in c.conn.execute("SELECT name FROM speakers")]
    assert text.startswith("\ufffd \u201cHi") and len(text) == 37  # one for one: offsets unchanged
    assert "Ann Lee" in speakers


def test_read_failures_nested_json_refused_by_depth(tmp_path):
    src = tmp_path / "deep.jsonl"
    src.write_bytes(b"[" * 100_000 + b"\n" + b'{"id": "x", "text": ' + b"[" * 200 + b"]" * 200 + b"}\n"
                    + json.dumps({"id": "ok", "text": story(2)}).encode() + b"\n")
    result, errors, stored = ingest_and_errors(tmp_path, src)
    assert result.exit_code == 1 and stored == ["ok"]
    assert {k: e["reason"] for k, e in errors.items()} == {"deep.jsonl:1": "too-deep", "deep.jsonl:2": "too-deep"}
    assert "deeper than 100 levels" in errors["deep.jsonl:1"]["message"]


def test_read_failures_brackets_inside_strings_are_not_depth(tmp_path):
    src = tmp_path / "b.jsonl"
    src.write_text(json.dumps({"id": "b", "text": "[" * 500 + " " + story(3)}) + "\n", encoding="utf-8")
    result, errors, stored = ingest_and_errors(tmp_path, src)
    assert errors == {} and stored == ["b"]


def test_read_failures_dangling_link_and_loop_inside_a_folder(tmp_path):
    d = tmp_path / "dir"
    d.mkdir()
    (d / "a.txt").write_text(story(1), encoding="utf-8")
    os.symlink("nowhere.txt", d / "d.txt")
    os.symlink("loop.txt", d / "loop.txt")
    (d / "z.txt").write_text(story(2), encoding="utf-8")
    result, errors, stored = ingest_and_errors(tmp_path, d)
    assert result.exit_code == 1 and stored == ["a", "z"]
    assert errors["d.txt"]["reason"] == "broken-link" and "nowhere.txt" in errors["d.txt"]["message"]
    assert errors["loop.txt"]["reason"] == "link-loop"


def test_read_failures_truncated_warc_is_an_error_never_a_fragment(tmp_path):
    good = write_warc(tmp_path / "good.warc", [
        warc_record(f"https://ledger.example/{i}", page(f"Story {i}", PARAGRAPHS[i % 3:] + PARAGRAPHS).encode())
        for i in range(3)])
    data = good.read_bytes()
    for cut, name in ((len(data) - 300, "body.warc"), (len(data) - len(data) // 3 + 330, "head.warc")):
        (tmp_path / name).write_bytes(data[:cut])  # as `head -c` cuts a file
    result, errors, stored = ingest_and_errors(tmp_path, tmp_path / "body.warc")
    assert result.exit_code == 1
    assert errors["body.warc#3"]["reason"] == "truncated" and len(stored) == 2
    with Corpus(str(tmp_path / "c.db")) as c:
        urls = sorted(r[0] for r in c.conn.execute("SELECT url FROM articles"))
    assert urls == ["https://ledger.example/0", "https://ledger.example/1"]


def test_read_failures_truncated_inside_http_headers(tmp_path):
    records = [warc_record(f"https://ledger.example/{i}", page(f"Story {i}", PARAGRAPHS).encode())
               for i in range(2)]
    data = b"".join(records)
    (tmp_path / "h.warc").write_bytes(data[:len(records[0]) + 420])  # WARC headers whole, HTTP cut
    result, errors, stored = ingest_and_errors(tmp_path, tmp_path / "h.warc")
    assert len(stored) == 1 and errors["h.warc#2"]["reason"] == "truncated"


def test_read_failures_oversized_page_refused_quickly(tmp_path):
    links = "".join(f'<li><a href="/s/{i}">Story number {i} from the harbour</a></li>'
                    for i in range(MAX_FILE_BYTES // 55))
    big = tmp_path / "big.html"
    big.write_text(f"<html><body><nav><ul>{links}</ul></nav><p>{PARAGRAPHS[0]}</p></body></html>",
                   encoding="utf-8")
    markup = tmp_path / "markup.html"  # under the file limit, over the markup limit
    markup.write_text("<html><body>" + "<div><p>Harbour news.</p></div>" * (MAX_MARKUP_BYTES // 30 + 10)
                      + "</body></html>", encoding="utf-8")
    scripts = tmp_path / "scripts.html"  # the same size in scripts is no markup: the page is read
    scripts.write_text("<html><head><script>" + "var x = 1;" * (MAX_MARKUP_BYTES // 10 + 10)
                       + "</script></head><body><article>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
                       + "</article></body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(story(4), encoding="utf-8")
    result, errors, stored = ingest_and_errors(tmp_path, big, markup, scripts, tmp_path / "ok.txt")
    assert errors["big.html"]["reason"] == "too-large" and f"{MAX_FILE_BYTES:,}" in errors["big.html"]["message"]
    assert errors["markup.html"]["reason"] == "too-large"
    assert "scripts.html" not in errors and "ok" in stored and len(stored) == 2


def test_read_failures_extract_names_each_bad_file_and_goes_on(tmp_path):
    os.symlink("nowhere.txt", tmp_path / "d.txt")
    (tmp_path / "ok.txt").write_text(story(5), encoding="utf-8")
    result = run("extract", "--format", "json", str(tmp_path / "d.txt"), str(tmp_path / "ok.txt"))
    assert result.exit_code == 1
    assert "d.txt" in result.stderr and "does not exist" in result.stderr
    assert [e["id"] for e in json.loads(result.stdout)] == [str(tmp_path / "ok.txt")]


def test_read_failures_extract_jsonl_same_codes_as_ingest(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"[" * 100_000 + b"\n{oops\n" + b'{"id": "s", "text": "\\udc00 \\u201cWe will open the quay in spring,\\u201d said Bo Ek, the director."}\n')
    result = run("extract", "--jsonl", str(src))
    assert "2 skipped (1 bad-json, 1 too-deep)" in result.stderr
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["attributions"][0]["speaker"]["name"] == "Bo Ek"
