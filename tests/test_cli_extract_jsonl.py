"""saidwhat extract --jsonl: one output line per good input line, in order; a summary of the skipped."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_engine import use_fake_engine
from saidwhat.cli import main

SAIDWHAT = Path(sys.executable).parent / "saidwhat"


def _line(doc) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


BATCH = b"\n".join([
    _line({"id": "a", "text": "“We will win,” Lovelace said on Monday.", "published": "2019-04-08"}),
    b"this line is not json",
    _line({"id": "b"}),
    b"",
    _line({"id": "c", "text": "Nothing said.", "published": "8 April"}),
    b'{"id": "d", "text": "caf\xe9"}',
    _line({"id": "e", "text": ""}),
    b"[1, 2]",
    _line({"id": "f", "text": 12}),
    _line({"text": "“No id here,” she said."}),
]) + b"\n"
GOOD_IDS = ["a", "e", "10"]  # "10": a document without an id is known by its line number
SKIPPED = {"bad-json": 1, "missing-text": 1, "bad-published-date": 1, "not-utf8": 1,
           "not-an-object": 1, "not-text": 1}


@pytest.fixture
def runner():
    return CliRunner(mix_stderr=False)


def test_cli_extract_jsonl_writes_one_line_per_good_document(runner, monkeypatch, tmp_path):
    use_fake_engine(monkeypatch)
    path = tmp_path / "in.jsonl"
    path.write_bytes(BATCH)
    result = runner.invoke(main, ["extract", "--jsonl", str(path)])
    assert result.exit_code == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == GOOD_IDS
    for d in lines:
        assert {"id", "attributions", "speakers", "time_expressions"} <= set(d)
    first = lines[0]
    text = "“We will win,” Lovelace said on Monday."
    (a,) = first["attributions"]
    assert text[slice(*a["content_span"])] == a["content"] == "We will win,"
    assert first["speakers"][0]["mentions"] == [{"start": 15, "end": 23, "text": "Lovelace"}]
    assert first["time_expressions"][0]["text"] == "Monday"


def test_cli_extract_jsonl_summary_counts_skipped_by_reason(runner, monkeypatch):
    use_fake_engine(monkeypatch)
    result = runner.invoke(main, ["extract", "--jsonl", "-"], input=BATCH)
    assert result.exit_code == 1
    summary = result.stderr.strip().splitlines()[-1]
    assert "9 documents, 3 extracted, 2 attributions, 6 skipped" in summary
    for reason, n in SKIPPED.items():
        assert f"{n} {reason}" in summary
    for where in ("line 2", "document 'b' (line 3)", "line 6", "line 8"):
        assert where in result.stderr


def test_cli_extract_jsonl_all_good_exits_zero(runner, monkeypatch, tmp_path):
    use_fake_engine(monkeypatch)
    out = tmp_path / "out.jsonl"
    data = b"".join(_line({"id": str(i), "text": f"“Line {i},” she said."}) + b"\n"
                    for i in range(5))
    result = runner.invoke(main, ["extract", "--jsonl", "-", "-o", str(out)], input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()] == \
        [str(i) for i in range(5)]
    assert "5 documents, 5 extracted, 5 attributions, 0 skipped" in result.stderr


def test_cli_extract_jsonl_missing_input_is_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", "--jsonl", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "absent.jsonl" in result.stderr and "no such file" in result.stderr


def test_cli_extract_jsonl_empty_input(runner):
    result = runner.invoke(main, ["extract", "--jsonl", "-"], input=b"")
    assert result.exit_code == 0
    assert result.stdout == "" and "0 documents" in result.stderr


def test_cli_extract_jsonl_lone_surrogate_still_valid_utf8_json(runner):
    result = runner.invoke(main, ["extract", "--jsonl", "-"],
                           input=b'{"id": "s", "text": "odd \\ud800 text"}\n')
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "s"


@pytest.mark.skipif(not SAIDWHAT.exists(), reason="the saidwhat script is not installed")
def test_cli_extract_jsonl_workers_keep_order_through_real_entry_point(tmp_path):
    docs = []
    for i in range(40):
        docs.append(b"{broken" if i % 9 == 4 else _line(
            {"id": f"n{i}", "text": f"The minister said on Monday that plan {i} “will work.”",
             "published": "2019-04-08"}))
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(docs) + b"\n")
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    runs = [subprocess.run([str(SAIDWHAT), "extract", "--jsonl", str(path), "--workers", w],
                           capture_output=True, env=env, timeout=300) for w in ("1", "2")]
    for run in runs:
        assert run.returncode == 1, run.stderr.decode()
        assert b"40 documents, 36 extracted" in run.stderr
        assert b"4 skipped (4 bad-json)" in run.stderr
    single, double = (r.stdout.decode("utf-8").splitlines() for r in runs)
    assert [json.loads(x)["id"] for x in double] == [f"n{i}" for i in range(40) if i % 9 != 4]
    assert double == single


@pytest.mark.parametrize("args, expected", [([], False), (["--beliefs"], True)])
def test_cli_extract_jsonl_beliefs_flag_reaches_the_engine(runner, monkeypatch, args, expected):
    import saidwhat.pipeline

    seen = []
    real = saidwhat.pipeline.extract_article

    def spy(article, beliefs=False):
        seen.append(beliefs)
        return real(article, beliefs=beliefs)

    monkeypatch.setattr(saidwhat.pipeline, "extract_article", spy)
    result = runner.invoke(main, ["extract", "--jsonl", "-", *args],
                           input=b'{"id": "a", "text": "She believes it will rain."}\n')
    assert result.exit_code == 0, result.stderr
    assert seen == [expected]
