"""``saidwhat serve`` through the real click entry point (uvicorn itself is replaced)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from web_fixtures import store_path  # noqa: F401  (fixture)

from saidwhat.cli import main


def test_web_serve_cli_runs_uvicorn_on_the_app(store_path, monkeypatch):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    result = CliRunner().invoke(main, ["serve", "--db", str(store_path), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.store.path == store_path


@pytest.mark.parametrize("args, code, says", [
    (["--db", "no-such-store.db"], 2, "no store at 'no-such-store.db'"),
    (["--port", "70000"], 2, "70000"),
    (["--timeout", "0"], 2, "timeout"),
])
def test_web_serve_cli_rejects_bad_options(tmp_path, monkeypatch, args, code, says):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == code
    assert says in result.output


def test_web_serve_cli_refuses_a_file_that_is_not_a_store(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("hello")
    result = CliRunner().invoke(main, ["serve", "--db", str(bad)])
    assert result.exit_code == 2 and "not a saidwhat store" in result.output
