"""Search with context (highlights, the sentence, sorts, facets, confidence filter) and the articles page."""

from __future__ import annotations

import re

import pytest
from web_fixtures import client, store_path  # noqa: F401  (fixtures)

from saidwhat.web.browse import highlight, terms


@pytest.mark.parametrize("q, text, hits", [
    ("deficit", "The deficit will shrink", ["deficit"]),
    ("defic*", "Deficits and deficit", ["Deficits", "deficit"]),
    ('"will shrink"', "it will shrink", ["will", "shrink"]),
    ("cafe", "the Café opened", ["Café"]),
    ("tariffs", "nothing here", []),
])
def test_web_browse_highlight(q, text, hits):
    runs = highlight(text, terms(q))
    assert "".join(t for t, _ in runs) == text
    assert [t for t, hit in runs if hit] == hits


def test_web_browse_search_page_marks_words_and_shows_the_sentence(client):
    html = client.get("/search", params={"q": "deficit"}).text
    assert "<mark>deficit</mark>" in html
    assert 'class="context"' in html and 'class="ctx-quote"' in html
    api = client.get("/api/search", params={"q": "tariffs"}).json()["results"][0]
    assert api["context"]["content"] == "tariffs hurt farmers more than anyone"
    assert api["context"]["before"].endswith('said: "') and api["context"]["matched"] == ["tariffs"]


def test_web_browse_evidence_on_every_result(client):
    r = client.get("/api/search", params={"q": "tariffs"}).json()["results"][0]
    assert r["mechanism"] == "“Samir Kelton said” followed by the quote"
    assert r["resolution"] == "named as printed"
    html = client.get("/search", params={"q": "tariffs"}).text
    assert "found by: “Samir Kelton said” followed by the quote" in html and "confidence 0.90" in html


@pytest.mark.parametrize("sort", ["newest", "oldest", "outlet", "relevance"])
def test_web_browse_sorts(client, sort):
    rows = client.get("/api/search", params={"q": "harbour", "sort": sort, "per_page": 100}).json()["results"]
    assert len(rows) == 30
    if sort == "newest":
        assert [r["date"] for r in rows] == sorted((r["date"] for r in rows), reverse=True)
    if sort == "oldest":
        assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    any_outlet = client.get("/api/search", params={"sort": "outlet", "per_page": 100}).json()["results"]
    outlets = [r["outlet"] for r in any_outlet if r["outlet"]]
    assert outlets == sorted(outlets, key=str.casefold)


def test_web_browse_bad_sort_is_a_400(client):
    r = client.get("/api/search", params={"sort": "random"})
    assert r.status_code == 400 and "newest" in r.json()["error"]


def test_web_browse_facets_count_the_matches(client):
    facets = {f["name"]: f for f in client.get("/api/search", params={"q": "deficit"}).json()["facets"]}
    assert {v["label"]: v["quotes"] for v in facets["outlet"]["values"]} == {"Herald": 2, "Gazette": 1, "Courier": 1}
    assert {v["label"] for v in facets["speaker"]["values"]} == {"Vera Holman"}
    assert [v["value"] for v in facets["month"]["values"]] == ["2019-04", "2019-03"]
    html = client.get("/search", params={"q": "deficit"}).text
    assert re.search(r'<a href="/search\?q=deficit&amp;outlet=Herald">Herald</a> <span class="n">2</span>', html)


def test_web_browse_low_confidence_filter(client):
    everything = client.get("/api/search", params={"per_page": 100}).json()
    low = client.get("/api/search", params={"confidence": "low", "per_page": 100}).json()["results"]
    high = client.get("/api/search", params={"confidence": "high", "per_page": 100}).json()["results"]
    assert all(r["low_confidence"] for r in low) and not any(r["low_confidence"] for r in high)
    assert len(low) + len(high) == len(everything["results"])


def test_web_browse_articles_page_lists_filters_and_opens(client):
    api = client.get("/api/articles", params={"outlet": "Herald"}).json()["articles"]
    assert api and all(a["outlet"] == "Herald" for a in api)
    assert [a["published"] for a in api] == sorted((a["published"] for a in api), reverse=True)
    words = client.get("/api/articles", params={"q": "tariffs"}).json()["articles"]
    assert [a["title"] for a in words] == ["Tariffs and rates"]
    html = client.get("/articles", params={"q": "tariffs"}).text
    assert f'href="/articles/{words[0]["id"]}"' in html
    assert client.get(f"/articles/{words[0]['id']}").status_code == 200
    pages = client.get("/api/articles", params={"page": 2}).json()
    assert pages["page"] == 2 and pages["articles"]
