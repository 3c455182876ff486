"""The web app in headless Chromium: search, filter, a speaker, an article's marks, paste, and XSS.

Runs Debian's ``/usr/bin/chromium`` through Playwright (never a downloaded browser). Skipped when
Chromium is missing, except when $CI is set: then missing Chromium fails loudly. Screenshots of each
page go to test-output/screenshots/ for a reviewer to look at.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from web_fixtures import need_chromium, served, store_path  # noqa: F401  (fixture)

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(store_path):
    """The app under uvicorn on a free loopback port, in a background thread."""
    need_chromium(CHROMIUM)
    from saidwhat.web import create_app

    app = create_app(store_path)
    app.state.extract.start(wait=True)  # the paste worker loads spaCy before the first click
    with served(app) as base:
        yield base
    app.state.extract.close()


@pytest.fixture(scope="module")
def browser(server):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page; any dialog (alert, confirm) or uncaught script error fails the test."""
    ctx = browser.new_context(viewport={"width": 1100, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(10_000)
    problems = []
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.base = server
    yield pg
    ctx.close()
    assert not problems, problems


def shot(pg, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def no_xss(pg):
    assert pg.evaluate("() => window.__xss") is None, "injected script ran"


def test_web_browser_search(page):
    page.goto(page.base + "/search")
    page.fill('input[name="q"]', "deficit")
    page.click('form.search button[type="submit"]')
    page.wait_for_url("**/search?q=deficit*")
    assert page.inner_text("#count").startswith("4 quotes")
    assert page.locator("li.quote").count() == 4
    assert all("deficit" in t for t in page.locator("li.quote blockquote").all_inner_texts())
    shot(page, "search")


def test_web_browser_filter_and_page(page):
    page.goto(page.base + "/search")
    page.click(".filters summary")
    page.select_option('select[name="kind"]', "indirect")
    page.select_option('select[name="outlet"]', "Herald")
    page.click('form.search button[type="submit"]')
    page.wait_for_url("**kind=indirect*")
    assert "outlet=Herald" in page.url
    assert page.locator("li.quote").count() == 2
    assert set(page.locator("li.quote .tag-indirect").all_inner_texts()) == {"indirect"}
    shot(page, "search-filtered")
    # The URL holds the query: the pager keeps it.
    page.goto(page.base + "/search?q=harbour&per_page=10")
    page.click('a[rel="next"]')
    page.wait_for_url("**page=2*")
    assert "q=harbour" in page.url and page.locator("li.quote").count() == 10


def test_web_browser_open_a_speaker(page):
    page.goto(page.base + "/search?speaker=Holman")
    page.locator("li.quote a.who").first.click()
    page.wait_for_url("**/speakers/*")
    assert page.inner_text("h1") == "Vera Holman"
    assert page.locator("svg.timeline rect.bar").count() >= 3
    assert page.locator(".topics a").count() >= 1
    assert page.locator("ol.results li.quote").count() == 5
    shot(page, "speaker")


def test_web_browser_article_marks_and_record(page):
    page.goto(page.base + "/search?q=winter")
    page.locator("li.quote a.art").first.click()
    page.wait_for_url("**/articles/*")
    text = page.locator("#text")
    assert text.locator(".mk-speaker").all_inner_texts() == ["Vera Holman"]
    assert text.locator(".mk-cue").all_inner_texts() == ["told reporters"]
    assert text.locator(".mk-content").count() == 2
    # Distinct styles: the three parts have three different backgrounds.
    colours = {page.eval_on_selector(f"#text .mk-{p}", "e => getComputedStyle(e).backgroundColor")
               for p in ("content", "cue", "speaker")}
    assert len(colours) == 3
    assert page.locator("#panel").is_hidden()
    text.locator(".mk-content").first.click()
    assert page.locator("#panel").is_visible()
    assert "Vera Holman" in page.inner_text("#panel") and "told reporters" in page.inner_text("#panel")
    assert text.locator(".mk.on").count() == 4  # every part of that attribution lights up
    shot(page, "article")
    page.click("#panel .close")
    assert page.locator("#panel").is_hidden()


def test_web_browser_paste_an_article(page):
    page.goto(page.base + "/paste")
    page.fill("textarea[name=text]",
              '"We will not back down," said Anna Barton, the finance minister, on Monday.')
    page.fill("input[name=published]", "2019-04-08")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#result", timeout=60_000)  # the first extraction loads spaCy
    assert page.locator("#text .mk-speaker").all_inner_texts() == ["Anna Barton"]
    assert page.locator("#text .mk-cue").all_inner_texts() == ["said"]
    assert "We will not back down" in " ".join(page.locator("#text .mk-content").all_inner_texts())
    page.locator("#text .mk-speaker").click()
    assert "2019-04-08" in page.inner_text("#panel")
    shot(page, "paste")


def hostile_urls(server):
    import httpx

    urls = {"/search?q=onmouseover", "/search?q=script", "/speakers"}
    for q in ("onmouseover", "hostile"):
        for r in httpx.get(server + "/api/search", params={"q": q}).json()["results"]:
            urls.add(f"/articles/{r['article_id']}")
            if r["speaker_id"]:
                urls.add(f"/speakers/{r['speaker_id']}")
    return sorted(urls)


def test_web_browser_hostile_data_never_runs(page):
    for i, url in enumerate(hostile_urls(page.base)):
        page.goto(page.base + url)
        # Hover and click everything a user might: marks, links' text, headings.
        for el in page.locator("#text .mk, h1, .who, blockquote").all()[:40]:
            el.hover()
            if "mk" in (el.get_attribute("class") or ""):
                el.click()
        no_xss(page)
        assert page.locator("img").count() == 0
        if url.startswith("/articles/"):
            shot(page, f"xss-article-{i}")
    # Pasted hostile text, title and date field.
    page.goto(page.base + "/paste")
    page.fill("textarea[name=text]", '<script>window.__xss=1</script> "<img src=x onerror="window.__xss=1">," '
                                     'said Ann Lee. " onmouseover="window.__xss=1" x="')
    page.fill("input[name=title]", "<script>window.__xss=1</script>")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#result", timeout=60_000)
    for el in page.locator("#text .mk").all():
        el.hover()
        el.click()
    no_xss(page)
    shot(page, "xss-paste")


def test_web_browser_readable_on_a_phone(browser, server):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = ctx.new_page()
    try:
        for name, url in (("phone-search", "/search?q=deficit"), ("phone-speaker", "/speakers/1"),
                          ("phone-article", "/articles/1")):
            pg.goto(server + url)
            overflow = pg.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 1, (url, overflow)
            assert pg.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") >= 16
            shot(pg, name)
    finally:
        ctx.close()
