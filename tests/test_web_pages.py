"""Pages and their JSON twins over a fixture store: what each shows, and that each has a JSON form."""

from __future__ import annotations

import re

import pytest
from web_fixtures import client, store_path  # noqa: F401  (fixtures)


def speaker_id(client, name):
    found = client.get("/api/speakers", params={"name": name}).json()["speakers"]
    assert found, name
    return found[0]["id"]


def article_id(client, q):
    return client.get("/api/search", params={"q": q}).json()["results"][0]["article_id"]


@pytest.mark.parametrize("url, twin", [
    ("/search", "/api/search"),
    ("/search?q=deficit&speaker=Holman", "/api/search?q=deficit&speaker=Holman"),
    ("/speakers", "/api/speakers?name=&limit=50"),
])
def test_web_pages_link_their_json_twin(client, url, twin):
    r = client.get(url)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert f'href="{twin.replace("&", "&amp;")}"' in r.text
    assert client.get(twin).status_code == 200


def test_web_pages_home_redirects_to_search(client):
    r = client.get("/", follow_redirects=False)
    assert r.status_code in (302, 307) and r.headers["location"] == "/search"


def test_web_pages_speaker_shows_name_roles_count_timeline_topics_latest(client):
    sid = speaker_id(client, "Vera Holman")
    r = client.get(f"/speakers/{sid}")
    assert r.status_code == 200
    html = r.text
    assert "Vera Holman" in html and "finance minister" in html
    api = client.get(f"/api/speakers/{sid}").json()
    assert api["speaker"]["quotes"] == 5
    assert f'<span id="quote-count">{api["speaker"]["quotes"]}</span>' in html
    # Quotes per week: every week from the first to the last, gaps as zero, sums to the dated quotes.
    weeks = api["quotes_per_week"]
    assert weeks[0]["week"] == "2019-03-04" and weeks[-1]["week"] == "2019-04-15"
    assert sum(w["quotes"] for w in weeks) == 5 and any(w["quotes"] == 0 for w in weeks)
    assert html.count('<g class="week">') == len(weeks)
    # Every bar says how many of its quotes are dated by their saying and how many by publication only.
    assert all(w["said"] + w["published"] == w["quotes"] for w in weeks)
    assert html.count('class="bar bar-said"') == sum(1 for w in weeks if w["said"])
    assert "deficit" in [t["word"] for t in api["topics"]]
    assert len(api["latest"]) == 5 and api["latest"][0]["date"] >= api["latest"][-1]["date"]
    assert "<svg" in html and 'href="/search?speaker=%23' in html


def test_web_pages_speaker_json_twin_is_linked(client):
    sid = speaker_id(client, "Olga Barton")
    assert f'href="/api/speakers/{sid}"' in client.get(f"/speakers/{sid}").text


def test_web_pages_article_marks_content_cue_and_speaker(client):
    aid = article_id(client, "winter")
    html = client.get(f"/articles/{aid}").text
    marks = re.findall(r'<span class="mk([^"]*)" data-n="([^"]*)"[^>]*>([^<]*)</span>', html)
    by_part = {}
    for classes, _, text in marks:
        for part in classes.split():
            by_part.setdefault(part, []).append(text)
    assert "".join(by_part["mk-speaker"]) == "Vera Holman"
    assert "".join(by_part["mk-cue"]) == "told reporters"
    # Two content fragments around the speaker: both marked, the speaker and cue between them are not content.
    content = "".join(by_part["mk-content"])
    assert "will not survive the winter" in content and "unless the senate acts" in content
    assert "Holman" not in content
    # The record, the speakers list and the resolved date.
    assert 'class="record"' in html and "finance minister" in html
    assert "<td>Monday</td><td>DATE</td><td>2019-04-08</td>" in html
    api = client.get(f"/api/articles/{aid}").json()
    assert api["article"]["attributions"][0]["cue_span"] == list(api["article"]["attributions"][0]["cue_span"])
    assert api["speakers"][0]["name"] == "Vera Holman" and api["dates"][0]["value"] == "2019-04-08"


def test_web_pages_search_result_links_to_article_record(client):
    r = client.get("/api/search", params={"q": "tariffs"}).json()["results"][0]
    html = client.get("/search", params={"q": "tariffs"}).text
    anchor = f'/articles/{r["article_id"]}#att-{r["attribution_id"]}'
    assert anchor in html
    assert f'id="att-{r["attribution_id"]}"' in client.get(f'/articles/{r["article_id"]}').text


def test_web_pages_openapi_describes_every_json_twin(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/speakers", "/api/speakers/{speaker_id}", "/api/articles/{article_id}",
                 "/api/paste", "/api/stats", "/search.csv", "/search.jsonl"):
        assert path in spec["paths"], path


def test_web_pages_no_cdn_and_static_served(client):
    html = client.get("/search").text
    assert not re.search(r'(src|href)="(https?:)?//', html.split("<main>")[0])
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/marks.js").status_code == 200
    assert "viewport" in html


def test_web_pages_security_headers(client):
    r = client.get("/search")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
