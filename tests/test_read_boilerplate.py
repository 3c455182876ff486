"""Boilerplate: ten pages written like real news pages keep their article and lose what surrounds it."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from news_pages import PAGES
from saidwhat.cli import main
from saidwhat.read.boilerplate import is_furniture
from saidwhat.store.corpus import Corpus


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """Each page ingested through ``saidwhat ingest``: the stored text by file name."""
    folder = tmp_path_factory.mktemp("pages")
    for name, html, _, _ in PAGES:
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
    db = str(folder / "c.db")
    result = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(folder), "--db", db, "-q"])
    assert result.exit_code == 0, result.stderr
    with Corpus(db) as c:
        rows = c.conn.execute("SELECT title, text FROM articles").fetchall()
    by_title = {title: text for title, text in rows}
    return {name: next(t for title, t in by_title.items() if html.count(title) and title in html)
            for name, html, _, _ in PAGES}


@pytest.mark.parametrize("name, body, boilerplate", [(n, b, x) for n, _, b, x in PAGES], ids=[p[0] for p in PAGES])
def test_read_boilerplate_body_kept_furniture_dropped(stored, name, body, boilerplate):
    text = stored[name]
    assert [s for s in body if s not in text] == []
    assert [s for s in boilerplate if s in text] == []


def test_read_boilerplate_quotes_of_every_page_found(tmp_path):
    """The quotes of the article come through extract, and none from the page's furniture."""
    for name, html, body, boilerplate in PAGES[:3]:
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        out = json.loads(CliRunner(mix_stderr=False).invoke(main, ["extract", "--format", "json", str(path)]).stdout)
        contents = " ".join(a["content"] for a in out["attributions"])
        quote = next(s for s in body if s.startswith("\u201c"))
        assert quote.split("\u201d")[0][1:20] in contents
        assert not any(b in contents for b in boilerplate)


@pytest.mark.parametrize("line, furniture", [
    ("Our Standards: The Meridian Wire Trust Principles.", True),
    ("Sign up here for our morning markets newsletter.", True),
    ("Show all 24", True),
    ("© 2023 Meridian Wire. All rights reserved.", True),
    ("Copyright 2023 Metro Herald", True),
    ("Reporting by Tom Arden; Editing by Lise Moreau", True),
    ("Photo: Carrow University press office", True),
    ("Related coverage: Mines leave a toxic legacy", True),
    ("Share on Facebook", True),
    ("Advertisement", True),
    ("If you have been affected by the issues in this story, help is available.", True),
    # Lines of articles that begin like furniture but are not:
    ("Share prices fell by 4 percent on Monday.", False),
    ("Copyright lawyers said the ruling would be appealed.", False),
    ("The council's newsletter said the plan was delayed.", False),
    ("Related parties must declare their interests, the regulator said.", False),
    ("“If you need help, call us,” she said.", False),
    ("Reporting by the Gazette showed the council knew of the leak, the inquiry was told.", False),
    ("Photographs by the police showed the damage, according to the court.", False),
])
def test_read_boilerplate_furniture_lines(line, furniture):
    assert is_furniture(line) is furniture
