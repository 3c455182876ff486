"""A reviewer's walk in headless Chromium, on a server started with editing on: search with
highlights and facets, open a record's evidence, correct its speaker, merge two speakers, re-ingest
the article (``saidwhat ingest --reextract``) and see the correction still applied, export with the
corrected column. Screenshots of each state go to test-output/screenshots/review/.

Runs Debian's ``/usr/bin/chromium`` through Playwright, as test_web_browser.py does.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path

import pytest
import web_store
from web_fixtures import need_chromium, served
from click.testing import CliRunner

from saidwhat.cli import main

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots" / "review"

pytestmark = pytest.mark.browser


def records(path: Path) -> Path:
    """The fixture articles as pre-extracted JSON Lines, the way `saidwhat ingest` reads them."""
    with path.open("w", encoding="utf-8") as f:
        for e in web_store.extractions():
            a = e.article
            f.write(json.dumps({**e.to_dict(), "text": a.text, "title": a.title, "url": a.url, "source": a.source},
                               ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def walk(tmp_path_factory):
    """A store ingested from JSON Lines, served with --edit on a free loopback port."""
    need_chromium(CHROMIUM)
    from saidwhat.web import create_app

    folder = tmp_path_factory.mktemp("review")
    source, db = records(folder / "articles.jsonl"), folder / "review.db"
    r = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(source), "--db", str(db), "-q"])
    assert r.exit_code == 0, r.stderr
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from playwright.sync_api import sync_playwright
    with served(create_app(db, edit=True)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        ctx = browser.new_context(viewport={"width": 1200, "height": 900})
        page = ctx.new_page()
        page.set_default_timeout(10_000)
        problems: list[str] = []
        page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        yield {"page": page, "base": base, "db": db, "source": source,
               "problems": problems}
        browser.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_web_review_browser_walk(walk):
    page, base = walk["page"], walk["base"]

    # 1. Search: the matched word is marked, the sentence shown, facets counted.
    page.goto(f"{base}/search?q=tariffs")
    assert page.locator("ol.results mark").first.inner_text().lower() == "tariffs"
    assert page.locator(".context").count() >= 1
    outlet = page.locator('.facet[data-facet="outlet"] li').first
    assert outlet.locator(".n").inner_text() == "1"
    page.goto(f"{base}/search?q=deficit")
    assert page.locator('.facet[data-facet="outlet"] li').count() == 3
    shot(page, "01-search-highlight-facets")

    # 2. Open a record's evidence: the article page, its card with how it was found.
    page.goto(f"{base}/search?q=tariffs")
    page.locator("ol.results a.art").first.click()
    page.wait_for_load_state()
    card = page.locator("li.record").filter(has_text="tariffs hurt farmers")
    assert "found by" in card.inner_text() and "“Samir Kelton said” followed by the quote" in card.inner_text()
    assert "speaker named" in card.inner_text()
    article_url = page.url.split("#")[0]
    shot(page, "02-record-evidence")

    # 3. Correct the speaker: the name is typed once, then the record's form.
    page.fill("#editor-name", "Ana Ruiz")
    page.locator("form.editor button").click()
    page.wait_for_load_state()
    card = page.locator("li.record").filter(has_text="tariffs hurt farmers")
    card.locator("details.edit summary").click()
    fix = card.locator("form").filter(has=page.locator('input[name="field"][value="speaker"]'))
    fix.locator('input[name="value"]').fill("Rhea Lindqvist")
    fix.locator("button").click()
    page.wait_for_load_state()
    card = page.locator("li.record").filter(has_text="tariffs hurt farmers")
    assert "Rhea Lindqvist" in card.inner_text() and "corrected: speaker" in card.inner_text()
    shot(page, "03-speaker-corrected")

    # 4. Merge two speakers on a speaker's page.
    page.goto(f"{base}/speakers?name=Vera%20Holman")
    page.locator("a.who, td a").filter(has_text="Vera Holman").first.click()
    page.wait_for_load_state()
    before = int(page.locator("#quote-count").inner_text().replace(",", ""))
    page.fill('#merge-form input[name="other"]', "Ida Fenwell")
    page.locator("#merge-form button").click()
    page.wait_for_load_state()
    after = int(page.locator("#quote-count").inner_text().replace(",", ""))
    assert after == before + 2
    assert "Ida Fenwell" in page.locator(".aliases").inner_text()
    shot(page, "04-speakers-merged")

    # 5. Re-ingest the article source with --reextract: the correction is applied again.
    r = CliRunner(mix_stderr=False).invoke(main, ["ingest", str(walk["source"]), "--db", str(walk["db"]), "-q",
                                                  "--reextract"])
    assert r.exit_code == 0 and "re-extracted" in r.stderr, r.stderr
    page.goto(article_url)
    card = page.locator("li.record").filter(has_text="tariffs hurt farmers")
    assert "Rhea Lindqvist" in card.inner_text() and "corrected: speaker" in card.inner_text()
    page.goto(f"{base}/search?speaker=Vera%20Holman&per_page=50")
    assert page.locator("ol.results li.quote").filter(has_text="a second hostile url test").count() == 1
    shot(page, "05-after-reextract")

    # 6. Export: the corrected value, and a column saying it was corrected.
    response = page.request.get(f"{base}/search.csv?q=tariffs")
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert [(r["speaker"], r["corrected"]) for r in rows] == [("Rhea Lindqvist", "speaker")]
    page.goto(f"{base}/edits")
    log = page.locator("#edit-log").inner_text()
    assert "Ana Ruiz" in log and "Samir Kelton" in log and "merge" in log
    shot(page, "06-edit-log")
    assert not walk["problems"], walk["problems"]


def test_web_review_browser_split_picks_a_record(walk):
    """After the walk's merge, one of the folded speaker's quotes is ticked and split back off."""
    page, base = walk["page"], walk["base"]
    page.goto(f"{base}/speakers?name=Vera%20Holman")
    page.locator("a.who, td a").filter(has_text="Vera Holman").first.click()
    page.wait_for_load_state()
    vera_url, before = page.url, int(page.locator("#quote-count").inner_text().replace(",", ""))
    pick = page.locator("#split-form li").filter(has_text="a second hostile url test")
    assert "printed as Ida Fenwell" in pick.inner_text()
    pick.locator('input[name="records"]').check()
    page.fill('#split-form input[name="new_name"]', "Ida Fenwell")
    shot(page, "07-split-picked")
    page.locator("#split-form button").click()
    page.wait_for_load_state()
    assert page.locator("h1.speaker-name").inner_text() == "Ida Fenwell" and page.url != vera_url
    assert page.locator("#quote-count").inner_text() == "1"
    page.goto(vera_url)
    assert int(page.locator("#quote-count").inner_text().replace(",", "")) == before - 1
    shot(page, "08-split-done")
    assert not walk["problems"], walk["problems"]


def test_web_review_browser_correct_from_the_search_list(walk):
    """A record is marked wrong from the search results, and the page comes back to the same search."""
    page, base = walk["page"], walk["base"]
    page.goto(f"{base}/search?q=shrink&sort=oldest")
    item = page.locator("ol.results li.quote").first
    item.locator("details.edit summary").click()
    shot(page, "09-search-list-forms")
    item.locator("button.bad").click()
    page.wait_for_load_state()
    assert "/search?q=shrink&sort=oldest" in page.url
    item = page.locator("ol.results li.quote").first
    assert "checked: wrong" in item.inner_text()
    shot(page, "10-marked-wrong-from-the-list")
    assert not walk["problems"], walk["problems"]
