"""Shared pieces of the web tests: a store file built once per session and a fast stand-in extractor."""

from __future__ import annotations

import warnings

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
