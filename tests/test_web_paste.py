"""The paste page: attributions of pasted text marked, nothing stored."""

from __future__ import annotations

import re

from web_fixtures import client, store_path  # noqa: F401  (fixtures)

TEXT = "On Monday, Lovelace spoke. “The engine can weave patterns,” she said.\nLater: “Numbers are not all.”"


def test_web_paste_form_page(client):
    html = client.get("/paste").text
    assert '<form class="paste" method="post" action="/paste">' in html and "<textarea" in html


def test_web_paste_marks_each_attribution(client):
    html = client.post("/paste", data={"text": TEXT, "published": "2019-04-08", "title": "Engines"}).text
    contents = re.findall(r'<span class="mk mk-content" data-n="(\d)"[^>]*>([^<]*)</span>', html)
    assert contents == [("1", "The engine can weave patterns,"), ("2", "Numbers are not all.")]
    assert "2 attributions" in html
    assert 'value="2019-04-08"' in html and 'value="Engines"' in html
    assert "Ada Lovelace" in html


def test_web_paste_crlf_from_browsers_keeps_offsets(client):
    html = client.post("/paste", data={"text": TEXT.replace("\n", "\r\n")}).text
    assert '>Numbers are not all.</span>' in html


def test_web_paste_api_returns_the_extraction(client):
    out = client.post("/api/paste", json={"text": TEXT, "published": "2019-04-08"}).json()
    assert out["published"] == "2019-04-08"
    assert [a["content"] for a in out["attributions"]] == ["The engine can weave patterns,",
                                                           "Numbers are not all."]
    start, end = out["attributions"][0]["content_span"]
    assert TEXT[start:end] == out["attributions"][0]["content"]


def test_web_paste_stores_nothing(client):
    before = client.get("/api/stats").json()["articles"]
    client.post("/paste", data={"text": TEXT + " unique words zebra"})
    assert client.get("/api/stats").json()["articles"] == before
    assert client.get("/api/search", params={"q": "zebra"}).json()["total"] == 0


def test_web_paste_text_without_attributions(client):
    html = client.post("/paste", data={"text": "No one speaks here."}).text
    assert "0 attributions" in html and 'data-n=' not in html
