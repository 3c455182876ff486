"""The paste runs in a worker process with the document time budget, never on the server's thread."""

from __future__ import annotations

import os
import warnings

import pytest

from web_fixtures import store_path  # noqa: F401  (fixture)

WORST = "Bob said it. " + "“" * 20_000
QUICK = "“We will win the vote in March,” said Ann Lee."
SLOW = "Bob said the plan would work and " * 6000


@pytest.fixture(scope="module")
def real(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app
    from saidwhat.web.paste import PasteWorker

    app = create_app(store_path)
    assert isinstance(app.state.extract, PasteWorker)
    with TestClient(app) as c:
        yield c


@pytest.mark.slow
def test_web_paste_worker_extracts_in_another_process(real):
    out = real.post("/api/paste", json={"text": QUICK}).json()
    assert [(a["content"], a["speaker"]["name"]) for a in out["attributions"]] == \
        [("“We will win the vote in March,”", "Ann Lee")]
    pids = {p.pid for p in real.app.state.extract._pool._processes.values()}
    assert pids and os.getpid() not in pids


@pytest.mark.slow
def test_web_paste_worker_reads_the_worst_case_paste(real):
    r = real.post("/api/paste", json={"text": WORST})
    assert r.status_code == 200 and r.json()["attributions"] == []
    html = real.post("/paste", data={"text": WORST}).text
    assert "0 attributions" in html


@pytest.mark.slow
def test_web_paste_worker_over_budget_is_a_400_and_the_next_paste_works(real):
    worker = real.app.state.extract
    worker.budget = 0.3
    try:
        r = real.post("/api/paste", json={"text": SLOW[:90_000]})
    finally:
        worker.budget = 5.0
    assert r.status_code == 400 and "time budget of 0.3 s" in r.json()["error"]
    assert real.post("/api/paste", json={"text": QUICK}).status_code == 200


def test_web_paste_worker_busy_is_a_503_with_a_message(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from saidwhat.web import create_app
    from saidwhat.web.paste import PasteWorker

    app = create_app(store_path)
    app.state.extract = PasteWorker(waiting=1)
    app.state.extract._slots.acquire()  # one paste is being read
    with TestClient(app) as c:
        r = c.post("/api/paste", json={"text": QUICK})
        assert r.status_code == 503 and "try again" in r.json()["error"]
        assert "x-content-type-options" in r.headers
    assert app.state.extract._pool is None  # nothing was started for it
