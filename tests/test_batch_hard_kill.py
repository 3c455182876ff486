"""The batch's last resort, through ``saidwhat extract --jsonl --workers 2``: a worker stuck where no
budget check is made (native code that never returns) is killed, and a worker that dies is replaced.

Either way the batch goes on: the document gets its error record in its place, every other document
is extracted, in input order, none lost. The stuck or dying worker is made by a ``sitecustomize``
on the subprocesses' path that wraps the engine in the workers (the parent keeps the real one) and
shortens the grace before a kill to one second.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAIDWHAT = Path(sys.executable).parent / "saidwhat"

SITECUSTOMIZE = '''
import multiprocessing, os, time
import saidwhat.batch, saidwhat.pipeline

saidwhat.batch.HARD_GRACE = 1.0
_real = saidwhat.pipeline.extract_article


def _engine(article, beliefs=False, off=frozenset()):
    if multiprocessing.parent_process() is not None:  # in a worker only
        if "STUCK-HERE" in article.text:
            while True:  # no budget check ever again, as in native code that never returns
                time.sleep(60)
        if "DIE-HERE" in article.text:
            os._exit(1)
    return _real(article, beliefs=beliefs)


saidwhat.pipeline.extract_article = _engine
'''


@pytest.mark.slow
@pytest.mark.parametrize("marker, reason", [("STUCK-HERE", "timeout"), ("DIE-HERE", "worker-crashed")])
def test_batch_stuck_or_dead_worker_costs_only_its_document_in_order(tmp_path, marker, reason):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    texts = [f"“The bridge opens in May,” said Ann Lee on day {i}." for i in range(7)]
    texts[1] = f"{marker} “Nothing,” he said."
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                    encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    proc = subprocess.run([str(SAIDWHAT), "extract", "--jsonl", str(path), "--workers", "2",
                           "--budget", "1"], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 1, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["id"] for d in out] == ["d0", "d2", "d3", "d4", "d5", "d6"]
    assert all(d["attributions"][0]["speaker"]["name"] == "Ann Lee" for d in out)
    assert f"skipped document 'd1' (line 2): {reason}:" in proc.stderr
    assert f"7 documents, 6 extracted" in proc.stderr and f"(1 {reason})" in proc.stderr
    assert "Traceback" not in proc.stderr
