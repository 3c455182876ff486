"""Search over HTTP: filters, pagination, the URL holding the query, and the CSV / JSON Lines downloads."""

from __future__ import annotations

import csv
import io
import json

import pytest
from web_fixtures import client, store_path  # noqa: F401  (fixtures)


def search(client, **params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


@pytest.mark.parametrize("params, total, holds", [
    ({}, 44, None),
    ({"q": "deficit"}, 4, lambda r: "deficit" in r["content"]),
    ({"q": "deficit", "outlet": "herald"}, 2, lambda r: r["outlet"] == "Herald"),
    ({"speaker": "Holman"}, 5, lambda r: r["speaker"] == "Vera Holman"),
    ({"speaker": "Vera Holman", "since": "2019-03-05", "until": "2019-03-31"}, 2,
     lambda r: "2019-03-05" <= r["date"] <= "2019-03-31"),
    ({"until": "2019-03"}, 6, lambda r: r["date"].startswith("2019-03")),
    ({"kind": "indirect"}, 5, lambda r: r["kind"] == "indirect"),
    ({"source_type": "organization"}, 1, lambda r: r["speaker"] == "Northwind Bank"),
    ({"source_type": "unnamed", "q": "forecast"}, 4, lambda r: r["source_type"] == "unnamed"),
    ({"q": '"milestone 7 is"'}, 1, lambda r: "milestone 7 is" in r["content"]),
    ({"q": "harb*"}, 30, lambda r: "harbour" in r["content"]),
    ({"q": "nothing-like-this-anywhere"}, 0, None),
    ({"speaker": "Nobody Atall"}, 0, None),
    ({"outlet": "No Such Outlet"}, 0, None),
    ({"since": "2030-01-01"}, 0, None),
])
def test_web_search_filters(client, params, total, holds):
    out = search(client, per_page=100, **params)
    assert out["total"] == total
    assert len(out["results"]) == min(total, 100)
    if holds:
        assert all(holds(r) for r in out["results"])


def test_web_search_pages_cover_results_once_newest_first(client):
    first = search(client, q="harbour", per_page=8)
    assert first["pages"] == 4
    seen = []
    for page in range(1, 5):
        seen += [r["quote_id"] for r in search(client, q="harbour", per_page=8, page=page)["results"]]
    assert len(seen) == len(set(seen)) == 30
    dates = [r["date"] for r in search(client, q="harbour", per_page=30)["results"]]
    assert dates == sorted(dates, reverse=True)
    assert search(client, q="harbour", per_page=8, page=9)["results"] == []


def test_web_search_url_holds_query_and_pager_keeps_it(client):
    html = client.get("/search", params={"q": "harbour", "speaker": "Barton", "per_page": 10}).text
    assert 'value="harbour"' in html and 'value="Barton"' in html
    assert 'href="/search?q=harbour&amp;speaker=Barton&amp;page=2&amp;per_page=10"' in html
    page2 = client.get("/search?q=harbour&speaker=Barton&page=2&per_page=10").text
    assert "page 2 of 3" in page2 and 'rel="prev"' in page2 and 'rel="next"' in page2


def test_web_search_selected_filters_stay_selected(client):
    html = client.get("/search", params={"kind": "indirect", "outlet": "Gazette"}).text
    assert '<option value="indirect" selected>' in html
    assert '<option value="Gazette" selected>' in html


def test_web_search_csv_download_matches_results(client):
    api = search(client, q="deficit", per_page=100)["results"]
    r = client.get("/search.csv", params={"q": "deficit"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["quote_id"] for row in rows] == [a["quote_id"] for a in api]
    assert rows[0]["content"] == api[0]["content"]


def test_web_search_jsonl_download_matches_results(client):
    api = search(client, speaker="Barton", per_page=100)["results"]
    r = client.get("/search.jsonl", params={"speaker": "Barton", "limit": 7})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert lines == [{k: v for k, v in r.items() if k != "context"} for r in api[:7]]  # the page adds context


def test_web_search_download_links_carry_the_query(client):
    html = client.get("/search", params={"q": "deficit", "kind": "direct"}).text
    assert 'href="/search.csv?q=deficit&amp;kind=direct"' in html
    assert 'href="/search.jsonl?q=deficit&amp;kind=direct"' in html


@pytest.mark.parametrize("value, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("plain words", "plain words"),
    (None, ""), (3, 3), (-2.5, -2.5), (("a", "b"), "a; b"),
])
def test_web_search_csv_cells_never_start_a_formula(value, expected):
    from saidwhat.export.csv_writer import safe_cell

    assert safe_cell(value) == expected
