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


def test_web_paste_result_has_a_link_that_shows_it_again(client):
    html = client.post("/paste", data={"text": TEXT, "published": "2019-04-08", "title": "Engines"}).text
    link = re.search(r'<a href="([^"]+)" id="paste-link"', html).group(1).replace("&amp;", "&")
    assert link.startswith("/paste?") and "serve --edit" in html
    again = client.get(link)
    assert again.status_code == 200 and "2 attributions" in again.text
    assert re.findall(r'mk-content" data-n="\d"[^>]*>([^<]*)<', again.text) == [
        "The engine can weave patterns,", "Numbers are not all."]
    assert 'value="2019-04-08"' in again.text and 'value="Engines"' in again.text
    assert client.get("/paste").text.count("attributions</h2>") == 0  # no text: the empty form


def test_web_paste_too_long_for_a_link_says_how_to_keep_it(client):
    from saidwhat.web.views import MAX_LINKED_PASTE

    long_text = TEXT + " filler words." * (MAX_LINKED_PASTE // 10)
    html = client.post("/paste", data={"text": long_text}).text
    assert 'id="paste-link"' not in html and "too long for a link" in html and "/api/paste" in html
    assert client.get("/paste", params={"text": long_text}).status_code == 400
