"""``saidwhat serve`` through the real click entry point (uvicorn itself is replaced)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from web_fixtures import store_path  # noqa: F401  (fixture)

from saidwhat.cli import main


def test_web_serve_cli_runs_uvicorn_on_the_app(store_path, monkeypatch):
    import uvicorn

    seen = {}

    def fake_run(server, sockets=None):
        seen.update(app=server.config.app, address=sockets[0].getsockname())
        sockets[0].close()

    monkeypatch.setattr(uvicorn.Server, "run", fake_run)
    result = CliRunner().invoke(main, ["serve", "--db", str(store_path), "--port", "0"])
    assert result.exit_code == 0, result.output
    host, port = seen["address"]
    assert host == "127.0.0.1" and port > 0
    assert f"read-only at http://127.0.0.1:{port}/" in result.output
    assert seen["app"].state.store.path == store_path


def test_web_serve_cli_busy_port_is_a_message_and_exit_code_4(store_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--db", str(store_path), "--port", str(port)])
    assert result.exit_code == 4
    assert f"cannot listen on 127.0.0.1:{port}: another program is listening there" in result.output
    assert "serving" not in result.output


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
