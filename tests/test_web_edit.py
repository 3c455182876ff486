"""Edit mode through HTTP: corrections by form and JSON API, the token every write needs, the log."""

from __future__ import annotations

import csv
import io
import re
import warnings

import pytest
import web_store
from web_fixtures import fake_extract

from saidwhat.web import create_app


def _client(path, edit):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    return TestClient(create_app(path, extract=fake_extract, edit=edit), base_url="http://127.0.0.1:8000")


@pytest.fixture
def store(tmp_path):
    return web_store.build(tmp_path / "edit.db")


@pytest.fixture
def app(store):
    with _client(store, True) as c:
        c.token = c.get("/api/csrf").json()["token"]
        yield c


def first(client, q):
    return client.get("/api/search", params={"q": q}).json()["results"][0]


def form(client, url, **data):
    return client.post(url, data={"csrf": client.token, **data}, follow_redirects=False)


def test_web_edit_read_only_server_refuses_writes_and_shows_no_forms(store):
    with _client(store, False) as c:
        aid = first(c, "tariffs")["attribution_id"]
        r = c.post(f"/api/attributions/{aid}", json={"field": "verdict", "value": "right", "editor": "Ana"})
        assert r.status_code == 403 and "serve --edit" in r.json()["error"]
        page = c.get(f"/articles/{first(c, 'tariffs')['article_id']}").text
        assert "Correct this record" not in page and 'name="csrf"' not in page
        listed = c.get("/search", params={"q": "tariffs"}).text
        assert "/correct" not in listed and 'name="csrf"' not in listed


@pytest.mark.parametrize("headers, token", [
    ({}, None),  # no token: a forged form
    ({}, "not-the-token"),
    ({"Origin": "http://evil.example"}, "good"),
    ({"Sec-Fetch-Site": "cross-site"}, "good"),
])
def test_web_edit_cross_site_writes_refused(app, headers, token):
    aid = first(app, "tariffs")["attribution_id"]
    data = {"field": "verdict", "value": "wrong"}
    if token:
        data["csrf"] = app.token if token == "good" else token
    app.cookies.set("saidwhat_editor", "Ana")
    r = app.post(f"/attributions/{aid}/correct", data=data, headers=headers, follow_redirects=False)
    assert r.status_code == 403
    api = app.post(f"/api/attributions/{aid}", json={"field": "verdict", "value": "wrong", "editor": "Ana"},
                   headers={**headers, **({"X-CSRF-Token": data["csrf"]} if token else {})})
    assert api.status_code == 403
    assert app.get("/api/edits").json()["edits"] == []


def test_web_edit_name_is_asked_once_then_used(app):
    aid = first(app, "tariffs")["attribution_id"]
    r = form(app, f"/attributions/{aid}/correct", field="verdict", value="right", next="/search")
    assert r.status_code == 400 and "your name" in r.text
    assert form(app, "/editor", editor="Ana Ruiz", next="/search").status_code == 303
    r = form(app, f"/attributions/{aid}/correct", field="verdict", value="right", next="/search")
    assert r.status_code == 303 and r.headers["location"] == f"/search#att-{aid}"
    [e] = app.get("/api/edits").json()["edits"]
    assert (e["editor"], e["action"], e["new_value"]) == ("Ana Ruiz", "verdict", "right")


def test_web_edit_redirect_stays_on_this_site(app):
    app.cookies.set("saidwhat_editor", "Ana")
    aid = first(app, "tariffs")["attribution_id"]
    r = form(app, f"/attributions/{aid}/correct", field="verdict", value="right", next="//evil.example/x")
    assert r.headers["location"].startswith("/search")


def test_web_edit_fix_speaker_by_form_shows_everywhere(app):
    app.cookies.set("saidwhat_editor", "Ana")
    q = first(app, "tariffs")
    r = form(app, f"/attributions/{q['attribution_id']}/correct", field="speaker", value="Rhea Lindqvist",
             type="person", next=f"/articles/{q['article_id']}")
    assert r.status_code == 303
    after = first(app, "tariffs")
    assert (after["speaker"], after["corrected"]) == ("Rhea Lindqvist", ["speaker"])
    page = app.get(f"/articles/{q['article_id']}").text
    assert "corrected: speaker" in page and "Rhea Lindqvist" in page and "Corrections to this article (1)" in page
    rows = list(csv.DictReader(io.StringIO(app.get("/search.csv", params={"q": "tariffs"}).text)))
    assert (rows[0]["speaker"], rows[0]["corrected"]) == ("Rhea Lindqvist", "speaker")
    log = app.get("/edits").text
    assert "Samir Kelton" in log and "Rhea Lindqvist" in log
    assert "Samir Kelton" in app.get("/edits.csv").text


def test_web_edit_api_kind_date_merge_split(app):
    h = {"X-CSRF-Token": app.token}
    q = first(app, "rates")
    r = app.post(f"/api/attributions/{q['attribution_id']}", json={"field": "kind", "value": "direct",
                                                                   "editor": "Ana"}, headers=h)
    assert r.status_code == 200 and r.json()["edit"]["old_value"] == "indirect"
    r = app.post(f"/api/attributions/{q['attribution_id']}", json={"field": "date", "value": "2019-05-01",
                                                                   "editor": "Ana"}, headers=h)
    after = first(app, "rates")
    assert (after["kind"], after["date"], after["date_basis"]) == ("direct", "2019-05-01", "said")
    bad = app.post(f"/api/attributions/{q['attribution_id']}", json={"field": "kind", "value": "sung",
                                                                     "editor": "Ana"}, headers=h)
    assert bad.status_code == 400 and "expected one of" in bad.json()["error"]
    holman = first(app, "deficit")["speaker_id"]
    kelton = first(app, "tariffs")["speaker_id"]
    r = app.post(f"/api/speakers/{holman}/merge", json={"other": kelton, "editor": "Ana"}, headers=h)
    assert r.status_code == 200
    assert first(app, "tariffs")["speaker_id"] == holman
    r = app.post(f"/api/speakers/{holman}/split", json={"printed_as": "Samir Kelton", "new_name": "Samir Kelton",
                                                        "editor": "Ana"}, headers=h)
    assert r.status_code == 200
    assert first(app, "tariffs")["speaker"] == "Samir Kelton" and first(app, "tariffs")["speaker_id"] != holman
    assert [e["action"] for e in app.get("/api/edits").json()["edits"]] == ["split", "merge", "date", "kind"]


def test_web_edit_merge_and_split_forms(app):
    app.cookies.set("saidwhat_editor", "Ana")
    holman = first(app, "deficit")["speaker_id"]
    page = app.get(f"/speakers/{holman}").text
    assert 'id="merge-form"' in page
    r = form(app, f"/speakers/{holman}/merge", other="Samir Kelton")
    assert r.status_code == 303 and r.headers["location"] == f"/speakers/{holman}"
    assert 'id="split-form"' in app.get(f"/speakers/{holman}").text
    r = form(app, f"/speakers/{holman}/split", printed_as="Samir Kelton", new_name="Samir Kelton")
    assert r.status_code == 303
    assert first(app, "tariffs")["speaker"] == "Samir Kelton"


def test_web_edit_hostile_editor_name_and_speaker_stay_inert(app):
    app.cookies.set("saidwhat_editor", web_store.SCRIPT)
    q = first(app, "tariffs")
    form(app, f"/attributions/{q['attribution_id']}/correct", field="speaker", value=web_store.IMG, next="/")
    hostile_speaker = first(app, "hostile")["speaker_id"]
    for url in ("/edits", f"/articles/{q['article_id']}", "/search?q=tariffs", "/articles", "/articles?q=hostile",
                f"/speakers/{hostile_speaker}", "/search?q=page"):
        html = app.get(url).text
        assert web_store.SCRIPT not in html and web_store.IMG not in html, url
        assert "&lt;script&gt;" in html or "&lt;img" in html


def test_web_edit_paste_then_keep(app):
    app.cookies.set("saidwhat_editor", "Ana")
    text = "\u201cThe bridge will reopen in May,\u201d the engineer said."
    page = app.post("/paste", data={"text": text}).text
    assert 'action="/paste/keep"' in page
    r = form(app, "/paste/keep", text=text, published="2021-02-01", title="Bridge")
    assert r.status_code == 303 and re.fullmatch(r"/articles/\d+", r.headers["location"])
    kept = app.get(r.headers["location"])
    assert kept.status_code == 200 and "The bridge will reopen in May" in kept.text


def test_web_edit_writes_only_for_the_allowed_host_names(store):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    app = create_app(store, extract=fake_extract, edit=True, allowed_hosts={"127.0.0.1", "localhost"})
    with TestClient(app, base_url="http://127.0.0.1:8000") as good, TestClient(app, base_url="http://rebound.example") as bad:
        token = good.get("/api/csrf").json()["token"]
        assert bad.get("/api/csrf").status_code == 403
        aid = first(good, "tariffs")["attribution_id"]
        body = {"field": "verdict", "value": "right", "editor": "Ana"}
        assert bad.post(f"/api/attributions/{aid}", json=body, headers={"X-CSRF-Token": token}).status_code == 403
        assert good.post(f"/api/attributions/{aid}", json=body, headers={"X-CSRF-Token": token}).status_code == 200


def test_web_edit_split_form_picks_records(app):
    """The split form lists the speaker's quotes: the ones ticked move, with any name form ticked."""
    app.cookies.set("saidwhat_editor", "Ana")
    holman = first(app, "deficit")["speaker_id"]
    form(app, f"/speakers/{holman}/merge", other="Samir Kelton")
    page = app.get(f"/speakers/{holman}").text
    tariffs = first(app, "tariffs")["attribution_id"]
    spring = first(app, '"number 2"')["attribution_id"]
    assert f'name="records" value="{tariffs}"' in page and 'name="printed_as" value="Samir Kelton"' in page
    r = app.post(f"/speakers/{holman}/split", data={"csrf": app.token, "records": [str(tariffs), str(spring)],
                                                    "new_name": "Samir Kelton"}, follow_redirects=False)
    assert r.status_code == 303
    moved = first(app, "tariffs")
    assert moved["speaker"] == "Samir Kelton" and first(app, '"number 2"')["speaker_id"] == moved["speaker_id"]
    assert first(app, '"number 1"')["speaker_id"] == holman
    # By name forms through the API, several at once; a record of another speaker is refused.
    h = {"X-CSRF-Token": app.token}
    bad = app.post(f"/api/speakers/{holman}/split", json={"attribution_ids": [tariffs], "new_name": "X Y",
                                                           "editor": "Ana"}, headers=h)
    assert bad.status_code == 400 and "not quotes of speaker" in bad.json()["error"]
    nothing = form(app, f"/speakers/{holman}/split", new_name="Samir Kelton")
    assert nothing.status_code == 400 and "pick the quotes" in nothing.text
    r = app.post(f"/api/speakers/{holman}/split", json={"printed_as": ["vera holman"], "new_name": "Vera Holman-Two",
                                                        "editor": "Ana"}, headers=h)
    assert r.status_code == 200 and len(r.json()["edits"]) == 4
    assert [e["action"] for e in app.get("/api/edits").json()["edits"]].count("split") == 6


def test_web_edit_split_form_without_token_is_refused(app):
    holman = first(app, "deficit")["speaker_id"]
    r = app.post(f"/speakers/{holman}/split", data={"records": ["1"], "new_name": "X"}, follow_redirects=False)
    assert r.status_code == 403


def test_web_edit_forms_on_the_search_list(app):
    """Each search result has its own verdict and speaker forms, which come back to the same search."""
    app.cookies.set("saidwhat_editor", "Ana")
    q = first(app, "deficit")
    html = app.get("/search", params={"q": "deficit", "sort": "oldest"}).text
    assert html.count('class="edit"') == 4
    assert f'action="/attributions/{q["attribution_id"]}/correct"' in html
    assert 'name="next" value="/search?q=deficit&amp;sort=oldest"' in html
    r = form(app, f"/attributions/{q['attribution_id']}/correct", field="verdict", value="wrong",
             next="/search?q=deficit&sort=oldest")
    assert r.status_code == 303 and r.headers["location"] == f"/search?q=deficit&sort=oldest#att-{q['attribution_id']}"
    assert first(app, "deficit")["verdict"] == "wrong"
    item = app.get(r.headers["location"]).text.split(f'id="att-{q["attribution_id"]}"')[1].split("</li>")[0]
    assert "checked: wrong" in item
    form(app, f"/attributions/{q['attribution_id']}/correct", field="speaker", value="Rhea Lindqvist",
         type="person", next="/search?q=deficit")
    assert first(app, "deficit")["speaker"] == "Rhea Lindqvist"
    no_token = app.post(f"/attributions/{q['attribution_id']}/correct", data={"field": "verdict", "value": "right",
                                                                             "next": "/search"}, follow_redirects=False)
    assert no_token.status_code == 403 and first(app, "deficit")["verdict"] == "wrong"
