"""Outlet names: the page's declared site name when it is a name, else its domain; found by either."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ingest_files import PARAGRAPHS, page, warc_record, write_warc
from saidwhat.cli import main
from saidwhat.read.html import outlet_of


LEDGER = [
    "The park service said on Friday that the northern dunes would stay closed to walkers until the autumn.",
    "\u201cThe birds are nesting later than usual this year,\u201d said Hanna Voss, the park's head ranger.",
    "Dog walkers said the closure was longer than they had been told in the spring.",
]

FERRIES = [
    "The ferry operator said on Monday that its winter timetable would start two weeks late.",
    "\u201cWe are still waiting for the second boat to come back from repairs,\u201d said Ivo Brandt, "
    "its operations director.",
    "Island councillors said the delay would hurt shops that rely on day visitors.",
]


def run(*args):
    return CliRunner(mix_stderr=False).invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("sitename, url, expected", [
    ("Reuters", "https://www.reuters.com/world/a", "Reuters"),
    ("Reuters | Breaking International News & Views", "https://www.reuters.com/world/a", "reuters.com"),
    ("Harbour quay to open in spring - Coast Ledger", "https://coastledger.example/q", "coastledger.example"),
    ("The best local news for the whole valley. Every day!", "https://news.valley.example/a",
     "news.valley.example"),
    (None, "https://www.ledger.example/x", "ledger.example"),
    ("Coast Ledger", None, "Coast Ledger"),
    (None, None, None),
])
def test_read_outlets_name_else_domain(sitename, url, expected):
    assert outlet_of(sitename, url, None) == expected


def test_read_outlets_quotes_by_name_or_domain(tmp_path):
    archive = write_warc(tmp_path / "crawl.warc", [
        warc_record("https://www.reuters.com/world/quay", page("Quay to open", PARAGRAPHS, site="Reuters").encode()),
        warc_record("https://uk.reuters.com/business/fish",
                    page("Ferries late", FERRIES, site="Reuters | Breaking International News & Views"
                         ).encode()),
        warc_record("https://ledger.example/dunes", page("Dunes closed", LEDGER, site="Coast Ledger").encode()),
    ])
    db = str(tmp_path / "c.db")
    assert run("ingest", str(archive), "--db", db, "-q").exit_code == 0

    def outlets(*args):
        out = run("quotes", "--db", db, "--format", "jsonl", "--limit", "100", *args).stdout.splitlines()
        return sorted({o for line in out for o in json.loads(line)["outlets"]})

    assert outlets("--outlet", "reuters.com") == ["Reuters", "uk.reuters.com"]
    assert outlets("--outlet", "Reuters") == ["Reuters"]
    assert outlets("--outlet", "ledger.example") == ["Coast Ledger"]
    assert outlets("--outlet", "euters.com") == []
    stats = run("stats", "--db", db, "--format", "json")
    assert json.loads(stats.stdout)["outlets"] == {"Coast Ledger": 1, "Reuters": 1, "uk.reuters.com": 1}
