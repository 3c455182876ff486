"""``saidwhat extract page.html`` and ``saidwhat.extract(html)`` read a page as ingest does, not as text."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import saidwhat
from ingest_files import PARAGRAPHS, page
from saidwhat.cli import main
from saidwhat.read.html import looks_like_html, strip_heavy

MARKUP = page("Quay to open", PARAGRAPHS).replace('<article>', '<article><span class="TD_9x">Share</span>')


def run(*args, input=None):
    return CliRunner(mix_stderr=False).invoke(main, list(args), input=input, catch_exceptions=False)


def speakers(records):
    return [a["speaker"]["name"] for a in records["attributions"]]


@pytest.mark.parametrize("name", ["quay.html", "quay.htm", "quay.txt"])  # by extension, and by content
def test_read_html_extract_cli_reads_the_page(tmp_path, name):
    path = tmp_path / name
    path.write_text(MARKUP, encoding="utf-8")
    result = run("extract", "--format", "json", str(path))
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert "Tomas Berg" in speakers(out)
    assert not any("<" in a["content"] or "TD_9x" in a["content"] for a in out["attributions"])
    assert out["published"] == "2021-03-04"


def test_read_html_extract_cli_page_without_article_is_named(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    result = run("extract", str(path))
    assert result.exit_code == 1 and "empty.html" in result.stderr and "article" in result.stderr


def test_read_html_extract_cli_stdin_page():
    result = run("extract", "--format", "json", "-", input=MARKUP)
    assert result.exit_code == 0 and "Tomas Berg" in speakers(json.loads(result.stdout))


def test_read_html_extract_api_reads_markup_as_a_page():
    r = saidwhat.extract(MARKUP)
    assert "<" not in r.article.text and "Home | Ports" not in r.article.text
    assert (r.article.title, r.article.source, str(r.article.published)) == ("Quay to open", "Coast Ledger",
                                                                              "2021-03-04")
    berg = [a for a in r.attributions if a.speaker.name == "Tomas Berg"]
    assert berg and r.article.text[berg[0].content_span[0]:berg[0].content_span[1]] == berg[0].content


def test_read_html_extract_api_html_false_reads_text_and_no_article_raises():
    as_text = saidwhat.extract(MARKUP, html=False)
    assert as_text.article.text == MARKUP
    with pytest.raises(saidwhat.InputError) as info:
        saidwhat.extract("<html><body><p>Photo: harbour at dawn.</p></body></html>", id="p1")
    assert info.value.reason in ("no-main-text", "not-an-article") and "p1" in str(info.value)


@pytest.mark.parametrize("text, expected", [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
    ("\n  <html lang='en'><head><title>t</title></head></html>", True),
    ("<div class='story'><p>He said so.</p></div>", True),
    ("<p>He said so.</p>", True),
    ("He said <b>so</b>.", False),
    ("April 8, 2019\n“We are ready,” he said.", False),
    ("<3 the mayor said she loved the city.", False),
])
def test_read_html_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


@pytest.mark.parametrize("html, expected", [
    ("<p>a</p><script>var x = '<p>';</script><p>b</p>", "<p>a</p><p>b</p>"),
    ("<p>a</p><STYLE type='x'>p {}</style ><p>b</p>", "<p>a</p><p>b</p>"),
    ("<p>a</p><svg><path/></svg><noscript>n</noscript><p>b</p>", "<p>a</p><p>b</p>"),
    ("<p>a</p><script>never closed <p>b</p>", "<p>a</p>"),
    ("<p>a</p><scripts>not a script</scripts>", "<p>a</p><scripts>not a script</scripts>"),
])
def test_read_html_strip_heavy_blocks(html, expected):
    assert strip_heavy(html) == expected


def test_read_html_strip_heavy_many_unclosed_openers():
    # Each unclosed opener scanned to the end would be quadratic: 200,000 of them would not finish.
    assert strip_heavy("<p>x</p>" + "<script>" * 200_000) == "<p>x</p>"
    assert strip_heavy("<p>x</p>" + "<style></style>" * 200_000 + "<p>y</p>") == "<p>x</p><p>y</p>"
