"""Untrusted article data (text, title, URL, outlet, speaker name, role) never becomes markup or a link."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from web_fixtures import client, store_path  # noqa: F401  (fixtures)
from web_store import HOSTILE, IMG, JS_URL, SCRIPT


class Tags(HTMLParser):
    """Every start tag with its attributes, and every script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html):
    p = Tags()
    p.feed(html)
    return p.tags


def hostile_pages(client):
    """Every page that shows hostile data: the hostile article, its speaker, and searches finding them."""
    found = client.get("/api/search", params={"q": "onmouseover", "per_page": 100}).json()["results"]
    assert found, "the fixture store has the hostile article"
    urls = {"/search?q=onmouseover", "/search?q=script", "/search?speaker=Fenwell", "/speakers",
            "/search?outlet=" + '<b onmouseover="window.__xss=1">Evil</b>'}
    for r in found:
        urls.add(f"/articles/{r['article_id']}")
        if r["speaker_id"]:
            urls.add(f"/speakers/{r['speaker_id']}")
    for r in client.get("/api/search", params={"q": "hostile", "per_page": 100}).json()["results"]:
        urls.add(f"/articles/{r['article_id']}")
    return sorted(urls)


def test_web_xss_hostile_strings_are_escaped_everywhere(client):
    for url in hostile_pages(client):
        r = client.get(url)
        assert r.status_code == 200, url
        for raw in (SCRIPT, IMG, '<b onmouseover'):
            assert raw not in r.text, (url, raw)
        for tag, attrs in tags(r.text):
            assert tag != "img", url
            assert not any(name.startswith("on") for name in attrs), (url, tag, attrs)
            if tag == "script":
                assert attrs == {"src": "/static/marks.js", "defer": None}, url
            for name in ("href", "src", "action"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (url, tag, attrs)


def test_web_xss_hostile_text_is_still_shown_as_text(client):
    aid = client.get("/api/search", params={"q": "onmouseover"}).json()["results"][0]["article_id"]
    html = client.get(f"/articles/{aid}").text
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "javascript:window.__xss=1" in html  # shown, not linked


def test_web_xss_article_links_only_http_urls(client):
    for r in client.get("/api/search", params={"per_page": 100}).json()["results"]:
        html = client.get(f"/articles/{r['article_id']}").text
        links = [a.get("href") for t, a in tags(html) if t == "a" and a.get("class") == "orig"]
        for href in links:
            assert href.startswith(("http://", "https://")) and '"' not in href


def test_web_xss_json_twins_return_the_data_unchanged(client):
    found = client.get("/api/search", params={"q": "onmouseover"}).json()["results"]
    hostile = [r for r in found if r["url"] == JS_URL]
    assert hostile and hostile[0]["speaker"] == IMG
    r = client.get("/api/search", params={"q": "onmouseover"})
    assert r.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("url, link", [
    ("https://example.org/a?b=1", True),
    ("http://example.org/", True),
    ("HTTPS://EXAMPLE.ORG/", True),
    ("javascript:alert(1)", False),
    (" javascript:alert(1)", False),
    ("JaVaScRiPt:alert(1)", False),
    ("data:text/html,<script>alert(1)</script>", False),
    ("vbscript:msgbox", False),
    ("//evil.example/x", False),
    ("/relative/path", False),
    ('https://x.example/" onmouseover="alert(1)', False),
    ("https://x.example/\nset-cookie", False),
    ("https:///nohost", False),
    ("", False),
    (None, False),
])
def test_web_xss_safe_url(url, link):
    from saidwhat.web.views import safe_url

    assert (safe_url(url) is not None) == link


@pytest.mark.parametrize("text", HOSTILE)
def test_web_xss_paste_escapes_hostile_text(client, text):
    body = f"Intro {text} and then “{text} is quoted” by Lovelace."
    html = client.post("/paste", data={"text": body, "title": text}).text
    for raw in (SCRIPT, IMG):
        assert raw not in html
    for tag, attrs in tags(html):
        assert not any(name.startswith("on") for name in attrs)
        assert tag != "img"


@pytest.mark.parametrize("text", HOSTILE)
def test_web_xss_paste_link_escapes_hostile_text(client, text):
    """The result's link carries the text in its URL: opened, the text stays inert."""
    html = client.get("/paste", params={"text": f"Intro {text} and “{text} is quoted”.", "title": text}).text
    assert 'id="paste-link"' in html
    for raw in (SCRIPT, IMG):
        assert raw not in html
    for tag, attrs in tags(html):
        assert not any(name.startswith("on") for name in attrs)
        assert tag != "img"
