"""Integers from users past what SQLite stores (2^63 - 1) are refused with a message, never a 500 or
a traceback; every response, a 500 included, carries the security headers."""

from __future__ import annotations

import warnings

import pytest
from click.testing import CliRunner

from saidwhat.cli import main
from web_fixtures import client, store_path  # noqa: F401  (fixtures)

BIG = "9223372036854775808"  # 2^63
HUGE = "999999999999999999999"
HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


@pytest.mark.parametrize("url", [
    f"/search?speaker=%23{BIG}", f"/api/search?speaker=%23{BIG}", f"/api/search?speaker={HUGE}",
    f"/speakers?name=%23{BIG}", f"/api/speakers?name=%23{BIG}", f"/search.csv?speaker=%23{HUGE}",
    f"/search.jsonl?speaker=%23{HUGE}", "/api/search?speaker=%230", f"/api/articles/{HUGE}",
    f"/speakers/{BIG}",
])
def test_web_integers_out_of_range_are_400_with_a_message(client, url):
    r = client.get(url)
    assert r.status_code == 400, r.text[:200]
    assert "out of range" in r.text or "less than or equal" in r.text
    assert all(h in r.headers for h in HEADERS)


def test_web_largest_id_is_not_an_error(client):
    assert client.get("/api/search?speaker=%239223372036854775807").json()["total"] == 0


def test_web_server_error_page_carries_security_headers(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app

    app = create_app(store_path)

    @app.get("/api/fails")
    def fails():
        raise RuntimeError("a bug")

    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/fails")
    assert r.status_code == 500 and r.json()["status"] == 500
    assert all(h in r.headers for h in HEADERS)
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("args, code, message", [
    (["quotes", "--speaker", f"#{HUGE}"], 2, "out of range"),
    (["quotes", "--speaker", HUGE], 2, "out of range"),
    (["speakers", "--name", f"#{BIG}"], 2, "out of range"),
    (["show", HUGE + "99"], 2, "no article"),
])
def test_cli_integers_out_of_range_message_and_exit_code(store_path, args, code, message):
    r = CliRunner(mix_stderr=False).invoke(main, args + ["--db", str(store_path)])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code == code and message in r.stderr and "Traceback" not in r.stderr
