"""Bad requests get a 4xx with a message (HTML for pages, JSON for the API), never a 500; the store
is opened read-only and its queries are stopped at a deadline."""

from __future__ import annotations

import hashlib
import sqlite3
import warnings

import pytest
from web_fixtures import client, fake_extract, store_path  # noqa: F401  (fixtures)


@pytest.mark.parametrize("url, status, says", [
    ("/search?kind=quoted", 400, "is not a kind"),
    ("/search?source_type=alien", 400, "is not a source type"),
    ("/search?since=2019-13-01", 400, "is not a date"),
    ("/search?until=yesterday", 400, "is not a date"),
    ("/search?since=2019-02-30", 400, "is not a date"),
    ("/search?q=%22%22", 400, "no words"),
    ("/search?q=%2A%2A%2A", 400, "no words"),
    ("/search?page=0", 400, "page"),
    ("/search?page=abc", 400, "page"),
    ("/search?per_page=1000", 400, "per_page"),
    ("/search?q=" + "x" * 501, 400, "q"),
    ("/articles/999999", 404, "no article #999999"),
    ("/articles/abc", 400, "article_id"),
    ("/articles/-1", 400, "article_id"),
    ("/articles/99999999999999999999999", 400, "article_id"),
    ("/speakers/999999", 404, "no speaker #999999"),
    ("/nowhere", 404, "nothing at /nowhere"),
    ("/search.csv?kind=quoted", 400, "is not a kind"),
    ("/search.csv?limit=0", 400, "limit"),
])
def test_web_errors_pages_answer_4xx_with_message(client, url, status, says):
    r = client.get(url)
    assert r.status_code == status
    assert says in r.text
    if not url.startswith("/search.csv"):
        assert r.headers["content-type"].startswith("text/html")
        assert 'role="alert"' in r.text


@pytest.mark.parametrize("url, status, says", [
    ("/api/search?kind=quoted", 400, "is not a kind"),
    ("/api/search?q=(((", 400, "no words"),
    ("/api/search?q=NEAR(a b) OR c AND -d ^e : f", 200, None),
    ("/api/search?q=%22unbalanced", 200, None),
    ("/api/search?q=col:value", 200, None),
    ("/api/search?speaker=%25%25%25_", 200, None),
    ("/api/search?speaker=' OR 1=1 --", 200, None),
    ("/api/search?outlet=%00", 200, None),
    ("/api/articles/0", 400, "article_id"),
    ("/api/speakers/999999", 404, "no speaker"),
])
def test_web_errors_api_answers_json(client, url, status, says):
    r = client.get(url)
    assert r.status_code == status, r.text
    if says:
        assert says in r.json()["error"]


@pytest.mark.parametrize("body, says", [
    ({}, "text"),
    ({"text": "   "}, "empty"),
    ({"text": "x" * 100_001}, "text"),
    ({"text": "Fine text.", "published": "08/04/2019"}, "not a date"),
    ({"text": "Fine text.", "published": "2019-02-30"}, "not a date"),
])
def test_web_errors_paste_rejects_bad_input(client, body, says):
    r = client.post("/api/paste", json=body)
    assert r.status_code == 400 and says in r.json()["error"]


def test_web_errors_paste_form_without_text_is_400(client):
    r = client.post("/paste", data={"published": "2019-04-08"})
    assert r.status_code == 400 and 'role="alert"' in r.text


def test_web_errors_store_is_read_only(store_path):
    from saidwhat.web.data import ReadOnlyStore

    store = ReadOnlyStore(store_path)
    with store.connection() as conn:
        with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
            conn.execute("DELETE FROM articles")


def test_web_errors_serving_never_changes_the_store(store_path, client):
    before = hashlib.sha1(store_path.read_bytes()).hexdigest()
    for url in ("/search?q=deficit", "/speakers/1", "/articles/1", "/search.csv", "/api/stats"):
        assert client.get(url).status_code == 200
    assert hashlib.sha1(store_path.read_bytes()).hexdigest() == before


def test_web_errors_slow_query_is_stopped(store_path):
    from saidwhat.web.data import QueryTimeout, ReadOnlyStore

    store = ReadOnlyStore(store_path, timeout=0.05)
    with pytest.raises(QueryTimeout, match="longer than"):
        with store.connection() as conn:
            conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                         "SELECT count(*) FROM n").fetchone()
    with store.connection() as conn:  # the connection stays usable after the interrupt
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0


def test_web_errors_timeout_is_a_4xx(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app

    with TestClient(create_app(store_path, timeout=0)) as c:
        r = c.get("/api/search")
    assert r.status_code == 422 and "narrow it" in r.json()["error"]


@pytest.mark.parametrize("content, says", [
    (None, "no store at"),
    (b"this is not a database at all, just bytes" * 100, "not a saidwhat store"),
    (b"", "schema version 0"),
], ids=["missing", "garbage", "empty"])
def test_web_errors_bad_store_refused_at_start(tmp_path, content, says):
    from saidwhat.web import create_app
    from saidwhat.web.data import StoreUnavailable

    path = tmp_path / "x.db"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(StoreUnavailable, match=says):
        create_app(path)


def _fuzz_text():
    from hypothesis import strategies as st

    pieces = st.sampled_from(['"', "*", "(", ")", "-", "^", ":", "NEAR", "OR", "AND", "NOT", "%", "_", "'", ";",
                              "\\", "\x00", "é", "🙂", "2019-04", "Holman", "deficit", " "])
    return st.one_of(st.text(max_size=40), st.lists(pieces, max_size=12).map("".join))


def test_web_errors_no_query_string_makes_a_500(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    fields = st.fixed_dictionaries({}, optional={k: _fuzz_text() for k in (
        "q", "speaker", "since", "until", "kind", "source_type", "outlet", "page", "per_page")})

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(params=fields, api=st.booleans())
    def check(params, api):
        r = client.get("/api/search" if api else "/search", params=params)
        assert r.status_code in (200, 400, 422), (params, r.status_code, r.text[:300])

    check()
