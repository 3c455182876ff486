"""Crash safety: kill -9 a real ingest mid-run, run it again, and every document is stored exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest_files import story, write_jsonl

SAIDWHAT = str(Path(sys.executable).with_name("saidwhat"))
N = 120


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


@pytest.mark.slow
def test_ingest_kill_9_then_rerun_stores_each_document_once(tmp_path):
    src = write_jsonl(tmp_path / "many.jsonl", [{"id": f"d{i}", "text": story(i)} for i in range(N)])
    db = tmp_path / "crash.db"
    cmd = [SAIDWHAT, "ingest", str(src), "--db", str(db), "--batch-size", "5", "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    try:
        while _count(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    at_kill = _count(db)
    assert 0 < at_kill < N, f"the kill must land mid-run (stored {at_kill} of {N})"

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N - at_kill} added, {at_kill} already stored" in rerun.stderr

    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT doc_id FROM articles")]
    assert sorted(ids) == sorted(f"d{i}" for i in range(N))
    # no attribution stored twice for one article, and the full-text indexes match their tables
    assert conn.execute("SELECT count(*) FROM (SELECT article_id, seq FROM attributions "
                        "GROUP BY article_id, seq HAVING count(*) > 1)").fetchone()[0] == 0
    conn.execute("INSERT INTO attributions_fts (attributions_fts) VALUES ('integrity-check')")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
