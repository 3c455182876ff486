"""Shared pieces of the web tests: a store file built once per session and a fast stand-in extractor."""

from __future__ import annotations

import warnings
from contextlib import contextmanager

import pytest
import web_store
from fake_engine import fake_extract_article

from saidwhat.pipeline import make_article


def fake_extract(text, published=None, *, title=None, **_):
    """``saidwhat.extract`` with the stand-in engine (curly-quoted passages, said by Ada Lovelace)."""
    return fake_extract_article(make_article(text, published, title=title))


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return web_store.build(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="session")
def client(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app

    with TestClient(create_app(store_path, extract=fake_extract)) as c:
        yield c


def need_chromium(path: str) -> None:
    """Skip a browser test without Chromium, except under CI, where its absence is a failure."""
    import os

    if not os.path.exists(path):
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing and CI is set: install it with "
                        "apt-get install -y chromium chromium-driver")
        pytest.skip(f"{path} is missing (apt-get install -y chromium)")


@contextmanager
def served(app):
    """The app under uvicorn on a free loopback port, in a background thread; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        srv.should_exit = True
        thread.join(5)
        sock.close()
